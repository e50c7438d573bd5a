import type { Services } from '../app/services.js';
import type { Reply } from '../messages/reply.js';
import type { Person } from '../../storage/repositories/people.js';

/** Who is speaking and where, as an adapter reports it. */
export interface Actor {
  platform: 'console' | 'slack' | 'discord';
  workspaceId: string;
  userId: string;
  displayName: string;
  channelId?: string;
  /** True in a direct message with the bot, false in a shared channel. */
  direct: boolean;
  /**
   * One conversation thread, `platform:workspace:channel:thread`, so a multi-turn conversation
   * stays together (a Slack thread, a DM). Absent where the platform has no threads.
   */
  threadKey?: string;
  /**
   * The IANA time zone the platform's profile gives (Slack's users.info `tz`), when it gives one:
   * a person who has not set a zone yet gets it, so meeting times need not ask.
   */
  timeZone?: string;
}

/**
 * What an adapter hands the router: typed text, or a button/select press on an earlier reply.
 * A submitted form arrives as an action whose `action` is the form's id and whose `values` maps
 * each input id to what was entered (empty inputs are left out).
 */
export type Inbound =
  | { kind: 'text'; text: string }
  | { kind: 'action'; action: string; value?: string; values?: Record<string, string> };

export interface CommandRequest {
  services: Services;
  actor: Actor;
  person: Person;
  /** Everything after the command word, trimmed. */
  args: string;
}

export interface Command {
  name: string;
  /** One line for the help list. */
  summary: string;
  /** How to call it, e.g. '/help [command]'. */
  usage: string;
  /** Also answers to the bare word without a slash ("help", "status"). */
  plainWord?: boolean;
  run(req: CommandRequest): Promise<Reply | Reply[]>;
}

export interface ActionHandler {
  /** Action id, or a prefix ending in '.' that covers a family of actions. */
  action: string;
  run(req: CommandRequest & { value?: string; values?: Record<string, string> }): Promise<Reply | Reply[]>;
}
