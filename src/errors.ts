/**
 * An error whose message is meant for the person in chat. Anything else that escapes a
 * handler is logged with its cause and shown as a generic apology with a reference.
 */
export class UserFacingError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'UserFacingError';
  }
}
