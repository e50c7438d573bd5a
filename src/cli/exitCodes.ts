/** Process exit codes (from sysexits.h), so scripts can tell failures apart. */
export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 64,
  unavailable: 69, // the database cannot be reached
  tempFail: 75, // the data directory is held by another process
  config: 78, // a setting is missing or malformed
} as const;

/** Thrown by CLI code to end with a message and a code instead of a stack trace. */
export class CliExit extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
  }
}
