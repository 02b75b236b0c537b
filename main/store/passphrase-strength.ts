/**
 * A passphrase check that explains itself. Length is what matters most against an
 * offline guessing attack on a copied data folder (scrypt makes each guess slow, a long
 * passphrase makes the guesses many); on top of that, the patterns people fall back on
 * under pressure — one character repeated, a keyboard run, a well-known password — are
 * refused with the reason, in words a person can act on.
 */
export const MIN_PASSPHRASE_CHARS = 12;
const MIN_DISTINCT_CHARS = 6;

const ADVICE = 'Three or four ordinary words that mean something to you only, like "kettle harbour violet pencil", are easy to remember and hard to guess.';

// Lower-case, spaces removed: the passwords and phrases tried first by every guessing tool.
const WELL_KNOWN = new Set([
  'password',
  'passphrase',
  'password123',
  'passw0rd',
  'qwertyuiop',
  'iloveyou',
  'letmein',
  'welcome',
  'carehouse',
  'nhspassword',
  'changeme',
  'thequickbrownfox',
  'trustno1',
  'administrator',
  'football',
  'monkey',
  'dragon',
]);

const RUNS = ['abcdefghijklmnopqrstuvwxyz', '0123456789', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

function isRunOrRepeat(text: string): boolean {
  const squashed = text.toLowerCase().replace(/\s+/g, '');
  if (/^(.{1,3})\1+.{0,2}$/.test(squashed)) return true;
  return RUNS.some((run) => run.includes(squashed) || `${run}${run}`.includes(squashed));
}

export interface PassphraseAssessment {
  ok: boolean;
  /** Why it was refused and what to do instead; empty when ok. */
  explanation: string;
}

export function assessPassphrase(passphrase: string): PassphraseAssessment {
  const text = passphrase.normalize('NFKC');
  const characters = [...text];
  if (characters.length < MIN_PASSPHRASE_CHARS) {
    return { ok: false, explanation: `A passphrase needs at least ${MIN_PASSPHRASE_CHARS} characters (this one has ${characters.length}). ${ADVICE}` };
  }
  const squashed = text.toLowerCase().replace(/[\s\d!?.]+$/u, '').replace(/\s+/g, '');
  if (WELL_KNOWN.has(squashed) || WELL_KNOWN.has(text.toLowerCase().replace(/\s+/g, ''))) {
    return { ok: false, explanation: `That is one of the first passphrases anyone would try. ${ADVICE}` };
  }
  if (isRunOrRepeat(text) || new Set(characters.map((character) => character.toLowerCase())).size < MIN_DISTINCT_CHARS) {
    return { ok: false, explanation: `That passphrase is a repeated or keyboard pattern, which is quick to guess. ${ADVICE}` };
  }
  return { ok: true, explanation: '' };
}

export class WeakPassphraseError extends Error {
  constructor(explanation: string) {
    super(explanation);
    this.name = 'WeakPassphraseError';
  }
}

export function checkPassphraseStrength(passphrase: string): void {
  const assessment = assessPassphrase(passphrase);
  if (!assessment.ok) throw new WeakPassphraseError(assessment.explanation);
}
