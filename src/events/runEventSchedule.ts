import type { Services } from '../app/services.js';
import { UserFacingError } from '../errors.js';
import { findEventById, lockEvent, markEventScheduled, type EventRecord } from '../../storage/repositories/events.js';
import { listParticipants, type EventParticipantRecord } from '../../storage/repositories/eventParticipants.js';
import { listRequests, type EventRequestRecord } from '../../storage/repositories/eventRequests.js';
import { listEventMeetings, replaceEventMeetings, type EventMeetingRecord } from '../../storage/repositories/eventMeetings.js';
import { scheduleEvent } from './scheduler/scheduleEvent.js';
import { upperBound } from './scheduler/upperBound.js';
import { storedProblem } from './storedProblem.js';
import { notifyAgendas } from './notifyAgendas.js';

export interface EventScheduleResult {
  event: EventRecord;
  accepted: number;
  scheduled: number;
  upperBound: number;
  /** Meetings that were on the agenda before and kept their slot. */
  kept: number;
  /** Meetings that were on the agenda before and moved or were dropped. */
  moved: number;
  notified: number;
}

/**
 * Schedules (or reschedules) the event's accepted requests, in one transaction under a row lock
 * so two bot processes never interleave; meetings already on the agenda keep their slot and
 * table when they still fit. Then sends a fresh agenda to every participant whose agenda changed.
 */
export async function scheduleStoredEvent(services: Services, eventId: number): Promise<EventScheduleResult> {
  const run = await services.db.transaction(async (tx) => {
    const event = await lockEvent(tx, eventId);
    if (!event) throw new UserFacingError('event_not_found', `Event #${eventId} no longer exists.`);
    const participants = await listParticipants(tx, event.id);
    const requests = await listRequests(tx, event.id);
    const accepted = requests.filter((r) => r.status === 'accepted');
    const before = await listEventMeetings(tx, event.id);
    const problem = storedProblem(event, participants, accepted);
    const schedule = scheduleEvent(problem, {
      seed: event.id,
      previous: before.map((m) => ({ requestId: String(m.requestId), slot: m.slot, table: m.table })),
    });
    const after: EventMeetingRecord[] = schedule.placements.map((p) => ({ requestId: Number(p.requestId), slot: p.slot, table: p.table }));
    await replaceEventMeetings(tx, event.id, after);
    const version = await markEventScheduled(tx, event.id);
    return { event: { ...event, status: 'scheduled' as const, scheduleVersion: version }, participants, requests, accepted, before, after, bound: upperBound(problem).value };
  });
  const notified = await notifyAgendas(services, run);
  const now = new Map(run.after.map((m) => [m.requestId, m.slot]));
  const kept = run.before.filter((m) => now.get(m.requestId) === m.slot).length;
  return {
    event: run.event, accepted: run.accepted.length, scheduled: run.after.length, upperBound: run.bound,
    kept, moved: run.before.length - kept, notified,
  };
}

/** After a late change (a request accepted or withdrawn, presence changed): reschedules if the agenda is out. */
export async function rescheduleIfScheduled(services: Services, eventId: number): Promise<boolean> {
  if ((await findEventById(services.db, eventId))?.status !== 'scheduled') return false;
  await scheduleStoredEvent(services, eventId);
  return true;
}

/** What notifyAgendas needs from a run. */
export interface ScheduleRun {
  event: EventRecord;
  participants: EventParticipantRecord[];
  /** Every request of the event, withdrawn ones too (their meetings may be on old agendas). */
  requests: EventRequestRecord[];
  before: EventMeetingRecord[];
  after: EventMeetingRecord[];
}
