// A command's failure: the exit code (SPEC §9: 1 = the answer is no, 2 = bad usage or input,
// 130 = interrupted) and, for --json, the document to print.

export class CliError extends Error {
  constructor(
    readonly exitCode: 1 | 2 | 130,
    message: string,
    readonly json?: unknown,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
