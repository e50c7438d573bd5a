import type { Router } from '../../src/commands/router.js';
import type { Actor } from '../../src/commands/types.js';
import { renderText, type Choice } from './renderText.js';

/**
 * One person talking to Liaison in a terminal. Typing the number of a choice shown in the
 * last answer presses that button. Programmatic, so tests can play the user.
 */
export class ConsoleSession {
  private choices: Choice[] = [];

  constructor(
    private readonly router: Router,
    readonly actor: Actor,
  ) {}

  /** Sends one line as typed and returns the rendered answer. */
  async send(line: string): Promise<string> {
    const picked = /^\s*(\d{1,3})\s*$/.exec(line);
    const choice = picked ? this.choices[Number(picked[1]) - 1] : undefined;
    const replies = choice
      ? await this.router.handle(this.actor, { kind: 'action', action: choice.action, value: choice.value })
      : await this.router.handle(this.actor, { kind: 'text', text: line });
    const rendered = renderText(replies);
    this.choices = rendered.choices;
    return rendered.text;
  }
}
