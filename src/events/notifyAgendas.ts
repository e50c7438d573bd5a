import type { Services } from '../app/services.js';
import type { EventMeetingRecord } from '../../storage/repositories/eventMeetings.js';
import type { EventParticipantRecord } from '../../storage/repositories/eventParticipants.js';
import { notifyPerson } from '../notify/notifyPerson.js';
import type { AgendaItem } from './agendaCalendar.js';
import { agendaReply } from './agendaReply.js';
import type { ScheduleRun } from './runEventSchedule.js';

/** "Rita (team of “Graphene coating”)" or "Carol". */
export const participantLabel = (p: EventParticipantRecord) =>
  (p.outcomeTitle ? `${p.displayName} (team of “${p.outcomeTitle}”)` : p.displayName);

/**
 * Sends each participant whose agenda changed (everyone, the first time) their agenda with an
 * .ics file. Returns how many could be reached.
 */
export async function notifyAgendas(services: Services, run: ScheduleRun): Promise<number> {
  const byId = new Map(run.participants.map((p) => [p.id, p]));
  const sides = new Map(run.requests.map((r) => [r.id, [r.requesterId, r.targetId] as const]));
  const agendas = (meetings: EventMeetingRecord[]) => {
    const out = new Map<number, AgendaItem[]>(run.participants.map((p) => [p.id, []]));
    for (const m of meetings) {
      const pair = sides.get(m.requestId);
      if (!pair) continue;
      for (const [me, other] of [pair, [pair[1], pair[0]] as const]) {
        out.get(me)?.push({ requestId: m.requestId, slot: m.slot, table: m.table, withWhom: participantLabel(byId.get(other)!) });
      }
    }
    return out;
  };
  const before = agendas(run.before);
  const after = agendas(run.after);
  const first = run.event.scheduleVersion === 1;
  const key = (items: AgendaItem[]) => items.map((m) => `${m.requestId}:${m.slot}:${m.table}`).sort().join(',');
  let reached = 0;
  for (const p of run.participants) {
    const was = before.get(p.id)!;
    const now = after.get(p.id)!;
    if (!first && key(was) === key(now)) continue;
    const kept = new Set(now.map((m) => m.requestId));
    const cancelled = was.filter((m) => !kept.has(m.requestId));
    if (await notifyPerson(services, p.personId, agendaReply(run.event, now, cancelled, !first))) reached++;
  }
  return reached;
}
