import { createInterface } from 'node:readline';

/** Environment variable automation uses to supply the passphrase (never a key file). */
export const PASSPHRASE_ENV = 'CAREHOUSE_PASSPHRASE';

export class PassphraseUnavailableError extends Error {
  constructor() {
    super(`A passphrase is needed to unlock CareHouse data. Run in a terminal to be asked, or set ${PASSPHRASE_ENV}.`);
    this.name = 'PassphraseUnavailableError';
  }
}

/** Asks on the terminal without echoing what is typed. */
function promptHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const output = process.stderr;
    const rl = createInterface({ input: process.stdin, output, terminal: true });
    // readline writes the prompt and echoes keys through this method: let the prompt
    // through, then mute it so the passphrase never appears on screen.
    let muted = false;
    const writable = rl as unknown as { _writeToOutput: (text: string) => void };
    writable._writeToOutput = (text: string) => {
      if (!muted) output.write(text);
    };
    rl.question(question, (answer) => {
      rl.close();
      output.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}

export async function readPassphrase(purpose: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const fromEnv = env[PASSPHRASE_ENV];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!process.stdin.isTTY) throw new PassphraseUnavailableError();
  return promptHidden(`${purpose}: `);
}
