/**
 * The event-scheduling problem in slot indices: what the scheduler, the upper bound and the
 * instance generator share. Times of day are turned into slot indices before this point.
 */

/** Slots `from` (inclusive) to `to` (exclusive). */
export interface SlotRange {
  from: number;
  to: number;
}

/** Within slots [from, to), the participant wants `length` consecutive slots without a meeting. */
export interface BreakRequest extends SlotRange {
  length: number;
}

export interface EventParticipant {
  id: string;
  /** Where the participant is present; every slot when absent. */
  presence?: SlotRange[];
  breaks?: BreakRequest[];
  /** At most this many meetings; no limit beyond the slots when absent. */
  maxMeetings?: number;
}

/** An accepted request to meet; either side may be an outcome's team, itself a participant. */
export interface MeetingRequest {
  id: string;
  a: string;
  b: string;
  /** Both sides asked for it: placed before any one-sided request. */
  mutual?: boolean;
  /** The broker's priority, higher first (0 when absent). */
  priority?: number;
}

export interface SchedulingProblem {
  slots: number;
  tables: number;
  participants: EventParticipant[];
  requests: MeetingRequest[];
}

/** One meeting on the agenda: a request in a slot at a table (both 0-based). */
export interface Placement {
  requestId: string;
  slot: number;
  table: number;
}

export interface Schedule {
  placements: Placement[];
  /** Requests that could not be placed. */
  unscheduled: string[];
}
