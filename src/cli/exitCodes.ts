import { UserFacingError } from '../errors.js';

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

/** A user-facing error (bad input) as a usage exit with its message and hint; any other error as it is. */
export function asUsageExit(err: unknown): unknown {
  return err instanceof UserFacingError ? new CliExit(EXIT.usage, err.withHint()) : err;
}
