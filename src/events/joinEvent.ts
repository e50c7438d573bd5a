import type { CommandRequest } from '../commands/types.js';
import { UserFacingError } from '../errors.js';
import { textReply, type Reply } from '../messages/reply.js';
import { findParticipantForOutcome, upsertParticipant, type ParticipantChoices } from '../../storage/repositories/eventParticipants.js';
import type { EventRecord } from '../../storage/repositories/events.js';
import type { Services } from '../app/services.js';
import { loadEvent, outcomeNamed, requireNotOver } from './eventAccess.js';
import { eventHours, parseTimeRange, slotsWithin, windowLabel } from './eventTimes.js';
import { rescheduleIfScheduled } from './runEventSchedule.js';

export const JOIN_USAGE = '/event join <event> [HH:MM-HH:MM …] [break HH:MM-HH:MM [minutes]] [max <meetings>] [for <outcome id>]';

const usage = (message: string) => new UserFacingError('bad_join', message, `Usage: ${JOIN_USAGE}, e.g. /event join 3 09:00-13:00 break 11:00-12:00 20 max 6`);

/** Presence, break, meeting limit and team from the words after the event id. */
async function parseChoices(services: Services, event: EventRecord, words: string[]): Promise<ParticipantChoices & { outcomeTitle?: string }> {
  const choices: ParticipantChoices & { outcomeTitle?: string } = { presence: [] };
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!.toLowerCase();
    if (parseTimeRange(word)) {
      choices.presence.push(slotsWithin(event, word));
    } else if (word === 'break') {
      const window = slotsWithin(event, words[++i] ?? '');
      const minutesText = /^\d+$/.test(words[i + 1] ?? '') ? words[++i]! : undefined;
      const slots = minutesText === undefined ? window.to - window.from : Math.ceil(Number(minutesText) / event.slotMinutes);
      if (slots < 1 || slots > window.to - window.from) throw usage(`A break of ${minutesText} minutes does not fit in ${words[i - 1]}.`);
      choices.break = { ...window, slots };
    } else if (word === 'max' && /^\d{1,3}$/.test(words[i + 1] ?? '')) {
      choices.maxMeetings = Number(words[++i]);
    } else if (word === 'for' && words[i + 1]) {
      const outcome = await outcomeNamed(services, words[++i]!);
      choices.outcomeId = outcome.id;
      choices.outcomeTitle = outcome.title;
    } else {
      throw usage(`I did not understand "${words[i]!.slice(0, 30)}".`);
    }
  }
  if (choices.presence.length === 0) choices.presence.push({ from: 0, to: event.slots });
  return choices;
}

/**
 * `/event join <event> …`: registers the person (or updates their presence), optionally for an
 * outcome's team. A change after the agenda went out reschedules with as few moves as possible.
 */
export async function joinEvent(req: CommandRequest): Promise<Reply> {
  const { services, person } = req;
  const [idText, ...words] = req.args.split(/\s+/).filter(Boolean);
  if (!idText) throw usage('Which event?');
  const event = await loadEvent(services, person, idText);
  requireNotOver(event, services.now());
  const choices = await parseChoices(services, event, words);
  if (choices.outcomeId !== undefined) {
    const standing = await findParticipantForOutcome(services.db, event.id, choices.outcomeId);
    if (standing && standing.personId !== person.id) {
      throw new UserFacingError('team_taken', `${standing.displayName} already stands for “${choices.outcomeTitle}” at event #${event.id}.`);
    }
  }
  const { updated } = await upsertParticipant(services.db, event.id, person.id, choices);
  const rescheduled = updated ? await rescheduleIfScheduled(services, event.id) : false;
  const team = choices.outcomeTitle ? ` for the team of “${choices.outcomeTitle}”` : '';
  return textReply(`${updated ? 'Updated: you are' : 'You are in:'} ${event.name} (${eventHours(event)})${team}, present ${choices.presence.map((w) => windowLabel(event, w.from, w.to)).join(' and ')}.`
    + `${choices.break ? ` Break of ${choices.break.slots * event.slotMinutes} minutes kept free in ${windowLabel(event, choices.break.from, choices.break.to)}.` : ''}`
    + `${choices.maxMeetings !== undefined ? ` At most ${choices.maxMeetings} meetings.` : ''}`
    + `${rescheduled ? ' The agenda was updated; you will get yours shortly.' : ` Ask for meetings with /event request ${event.id} @person.`}`);
}
