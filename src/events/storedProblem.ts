import type { EventParticipantRecord } from '../../storage/repositories/eventParticipants.js';
import type { EventRequestRecord } from '../../storage/repositories/eventRequests.js';
import type { EventRecord } from '../../storage/repositories/events.js';
import type { SchedulingProblem } from './scheduler/eventProblem.js';

/** A stored event as a scheduling problem: participants and requests keyed by their row ids. */
export function storedProblem(event: EventRecord, participants: EventParticipantRecord[], accepted: EventRequestRecord[]): SchedulingProblem {
  return {
    slots: event.slots,
    tables: event.tables,
    participants: participants.map((p) => ({
      id: String(p.id),
      presence: p.presence,
      ...(p.break ? { breaks: [{ from: p.break.from, to: p.break.to, length: p.break.slots }] } : {}),
      ...(p.maxMeetings !== undefined ? { maxMeetings: p.maxMeetings } : {}),
    })),
    requests: accepted.map((r) => ({ id: String(r.id), a: String(r.requesterId), b: String(r.targetId), mutual: r.mutual, priority: r.priority })),
  };
}
