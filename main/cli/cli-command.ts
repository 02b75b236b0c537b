/** One `carehouse` subcommand. run() resolves to the process exit code. */
export interface CliCommand {
  readonly name: string;
  readonly usage: string;
  readonly summary: string;
  run(args: readonly string[], io: CliIo): Promise<number>;
}

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}
