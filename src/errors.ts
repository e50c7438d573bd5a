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

  /** The message followed by its hint, as one text (for a terminal or a question back). */
  withHint(): string {
    return this.hint ? `${this.message} ${this.hint}` : this.message;
  }
}
