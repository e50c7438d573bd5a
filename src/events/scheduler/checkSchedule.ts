import type { Schedule, SchedulingProblem } from './eventProblem.js';

/**
 * Every way the schedule breaks the problem's rules, in words (empty when it keeps them all).
 * Written apart from the scheduler, from the problem as given, so it can check it.
 */
export function checkSchedule(problem: SchedulingProblem, schedule: Schedule): string[] {
  const issues: string[] = [];
  const people = new Map(problem.participants.map((p) => [p.id, p]));
  const requests = new Map(problem.requests.map((r) => [r.id, r]));
  const seat = new Set<string>();
  const busy = new Map<string, Set<number>>(problem.participants.map((p) => [p.id, new Set()]));
  const placed = new Set<string>();
  for (const { requestId, slot, table } of schedule.placements) {
    const r = requests.get(requestId);
    if (!r) {
      issues.push(`${requestId} is not a request`);
      continue;
    }
    if (placed.has(requestId)) issues.push(`${requestId} is placed twice`);
    placed.add(requestId);
    if (!(slot >= 0 && slot < problem.slots)) issues.push(`${requestId} is in slot ${slot}, outside the day`);
    if (!(table >= 0 && table < problem.tables)) issues.push(`${requestId} is at table ${table}, which does not exist`);
    if (seat.has(`${slot}:${table}`)) issues.push(`table ${table} holds two meetings in slot ${slot}`);
    seat.add(`${slot}:${table}`);
    for (const who of [r.a, r.b]) {
      const p = people.get(who)!;
      if (busy.get(who)!.has(slot)) issues.push(`${who} has two meetings in slot ${slot}`);
      busy.get(who)!.add(slot);
      if (p.presence && !p.presence.some((w) => slot >= w.from && slot < w.to)) issues.push(`${who} is not there in slot ${slot}`);
    }
  }
  for (const p of problem.participants) {
    const slots = busy.get(p.id)!;
    if (p.maxMeetings !== undefined && slots.size > p.maxMeetings) issues.push(`${p.id} has ${slots.size} meetings, more than ${p.maxMeetings}`);
    for (const b of p.breaks ?? []) {
      let run = 0;
      let longest = 0;
      for (let s = b.from; s < b.to; s++) longest = Math.max(longest, (run = slots.has(s) ? 0 : run + 1));
      if (longest < b.length) issues.push(`${p.id} gets no break of ${b.length} slots in slots ${b.from}–${b.to}`);
    }
  }
  const listed = new Set([...placed, ...schedule.unscheduled]);
  if (listed.size !== requests.size || schedule.placements.length + schedule.unscheduled.length !== requests.size) {
    issues.push('placed and unscheduled requests do not account for every request exactly once');
  }
  return issues;
}
