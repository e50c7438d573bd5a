import { randomUUID } from 'node:crypto';
import type { Services } from '../app/services.js';
import { errorReply, type Reply } from '../messages/reply.js';
import { UserFacingError } from '../errors.js';
import { isConnectionError } from '../../storage/errors.js';
import { ensurePerson } from '../../storage/repositories/people.js';
import { adoptProfileTimeZone } from '../people/profileTimeZone.js';
import { ensureWorkspace } from '../../storage/repositories/workspaces.js';
import { cleanText } from './cleanText.js';
import { closest } from './didYouMean.js';
import { parseInput } from './parseInput.js';
import type { ActionHandler, Actor, Command, CommandRequest, Inbound } from './types.js';

/** Handles plain text that is not a command, e.g. the intake conversation. */
export type PlainTextHandler = (req: CommandRequest & { text: string }) => Promise<Reply | Reply[]>;

const HELP_HINT = 'Type /help to see what I can do.';

/**
 * The front door of the core: every adapter passes what a person typed or pressed here and
 * renders the neutral replies it gets back. Never throws: failures become friendly replies.
 */
export class Router {
  private readonly byName = new Map<string, Command>();

  constructor(
    private readonly services: Services,
    readonly commands: readonly Command[],
    private readonly actions: readonly ActionHandler[] = [],
    private readonly plainText?: PlainTextHandler,
  ) {
    for (const c of commands) this.byName.set(c.name, c);
  }

  async handle(actor: Actor, inbound: Inbound): Promise<Reply[]> {
    try {
      return list(await this.dispatch(actor, inbound));
    } catch (err) {
      return [this.failure(err, actor, inbound)];
    }
  }

  private async dispatch(actor: Actor, inbound: Inbound): Promise<Reply | Reply[]> {
    if (inbound.kind === 'action') {
      const handler = this.actions.find((a) =>
        a.action.endsWith('.') ? inbound.action.startsWith(a.action) : a.action === inbound.action,
      );
      if (!handler) return errorReply('That button is no longer active.', HELP_HINT);
      return handler.run({ ...(await this.request(actor, '')), value: inbound.value, values: inbound.values });
    }
    const parsed = parseInput(cleanText(inbound.text, this.services.config.MAX_MESSAGE_CHARS));
    if (parsed.kind === 'empty') return errorReply('I got an empty message.', HELP_HINT);
    if (parsed.kind === 'command') {
      const command = this.byName.get(parsed.name);
      if (!command) return this.unknownCommand(parsed.name);
      return command.run(await this.request(actor, parsed.args));
    }
    const word = this.byName.get(parsed.firstWord);
    if (word?.plainWord) return word.run(await this.request(actor, parsed.rest));
    if (this.plainText) return this.plainText({ ...(await this.request(actor, '')), text: parsed.text });
    const guess = closest(parsed.firstWord, this.plainWordNames());
    return errorReply(
      guess ? `I did not understand that. Did you mean ${guess}?` : 'I did not understand that.',
      HELP_HINT,
    );
  }

  private unknownCommand(name: string): Reply {
    const guess = closest(name, [...this.byName.keys()]);
    const shown = name.length > 40 ? `${name.slice(0, 40)}…` : name;
    return errorReply(
      `There is no command /${shown}.${guess ? ` Did you mean /${guess}?` : ''}`,
      HELP_HINT,
    );
  }

  private plainWordNames(): string[] {
    return this.commands.filter((c) => c.plainWord).map((c) => c.name);
  }

  private async request(actor: Actor, args: string): Promise<CommandRequest> {
    const { db } = this.services;
    await ensureWorkspace(db, actor.workspaceId, actor.workspaceId);
    const person = await ensurePerson(db, {
      platform: actor.platform,
      workspaceId: actor.workspaceId,
      platformUserId: actor.userId,
    }, actor.displayName);
    // Only while the person has none: no write on every message from someone who has a zone.
    if (actor.timeZone && !person.timeZone) await adoptProfileTimeZone(db, person.id, actor.timeZone);
    return { services: this.services, actor, person, args };
  }

  private failure(err: unknown, actor: Actor, inbound: Inbound): Reply {
    if (err instanceof UserFacingError) return errorReply(err.message, err.hint);
    const { log } = this.services;
    if (isConnectionError(err)) {
      log.warn({ err, actor: actor.userId }, 'database unavailable while handling a message');
      return errorReply(
        'I cannot reach the database right now, so I could not do that.',
        'Nothing was changed. Please try again in a moment.',
      );
    }
    const ref = randomUUID().slice(0, 8);
    log.error({ err, ref, actor: actor.userId, inbound: inbound.kind }, 'handler failed');
    return errorReply(`Sorry, something went wrong on my side (reference ${ref}).`, 'Please try again; if it keeps happening, tell an admin the reference.');
  }
}

const list = (r: Reply | Reply[]): Reply[] => (Array.isArray(r) ? r : [r]);
