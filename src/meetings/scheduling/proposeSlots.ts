import type { Services } from '../../app/services.js';
import type { Reply } from '../../messages/reply.js';
import { notifyPerson } from '../../notify/notifyPerson.js';
import { findMeetingById, insertSlotRound, type Meeting, type Slot } from '../../../storage/repositories/meetings.js';
import { listAvailability, listBusy, loadSchedulePerson, markTimeZoneAsked, type SchedulePerson } from '../../../storage/repositories/schedules.js';
import { findSlots, type SlotParticipant } from './findSlots.js';
import { describeHours } from './parseHours.js';
import { spanInZone } from './timeZones.js';

export type Proposal =
  | { kind: 'proposed'; slots: Slot[] }
  | { kind: 'waiting_for_zone'; names: string[] }
  | { kind: 'no_fit' }
  | { kind: 'not_open' };

/** The button label for a slot in one person's zone, e.g. "Tue 27 Oct, 14:00–14:45 (UTC+1)". */
export const slotLabel = (slot: { start: Date; end: Date }, zone: string) => spanInZone(slot.start, slot.end, zone, 'short');

/**
 * Proposes a new round of times for a meeting still being scheduled: every participant gets
 * the times in their own zone, with a button each. Participants without a time zone are asked
 * for it (once ever); the proposal is made again when the last of them answers.
 */
export async function proposeSlots(services: Services, meetingId: number): Promise<Proposal> {
  const meeting = await findMeetingById(services.db, meetingId);
  if (!meeting || meeting.status !== 'proposing') return { kind: 'not_open' };
  const now = services.now();
  const people = (await Promise.all(meeting.participants.map((p) => loadSchedulePerson(services.db, p.personId)))).filter((p): p is SchedulePerson => p !== undefined);
  const zoneless = people.filter((p) => !p.timeZone);
  if (zoneless.length > 0) {
    for (const p of zoneless) {
      if (await markTimeZoneAsked(services.db, p.personId, now)) await notifyPerson(services, p.personId, askTimeZone(meeting));
    }
    return { kind: 'waiting_for_zone', names: zoneless.map((p) => p.displayName) };
  }
  const participants: SlotParticipant[] = await Promise.all(people.map(async (p) => ({
    name: p.displayName, zone: p.timeZone!, hours: p.hours,
    windows: await listAvailability(services.db, p.personId, now),
    busy: await listBusy(services.db, p.personId, now),
  })));
  const { config } = services;
  const found = findSlots({
    participants, from: new Date(now.getTime() + config.MEETING_NOTICE_HOURS * 3_600_000),
    horizonDays: config.MEETING_HORIZON_DAYS, durationMinutes: meeting.durationMinutes, count: config.MEETING_SLOT_COUNT,
  });
  if (found.length === 0) {
    for (const p of people) await notifyPerson(services, p.personId, noFit(meeting, people, participants, config.MEETING_HORIZON_DAYS));
    return { kind: 'no_fit' };
  }
  const slots = await insertSlotRound(services.db, meeting.id, found);
  for (const p of people) await notifyPerson(services, p.personId, slotChoice(meeting, slots, p.timeZone!));
  return { kind: 'proposed', slots };
}

function askTimeZone(meeting: Meeting): Reply {
  return {
    blocks: [
      { type: 'text', text: `To find a time for meeting #${meeting.id}, I need your time zone (asked once, then remembered).` },
      { type: 'context', text: 'Answer with /timezone <Area/City>, e.g. /timezone Europe/Berlin, /timezone America/New_York or /timezone Asia/Shanghai.' },
    ],
  };
}

function slotChoice(meeting: Meeting, slots: readonly Slot[], zone: string): Reply {
  const others = meeting.participants.map((p) => p.displayName).join(', ');
  return {
    blocks: [
      { type: 'header', text: `Meeting #${meeting.id}: pick the times that suit you` },
      { type: 'text', text: `With ${others}, ${meeting.durationMinutes} minutes. Times in your zone (${zone}); press every one you can make. The first time all of you pick is booked.` },
      { type: 'actions', elements: slots.map((s) => ({ type: 'button' as const, label: slotLabel(s, zone), action: 'slot.pick', value: String(s.id) })) },
      { type: 'context', text: `None fits? Widen your availability (/availability, /hours), then /meetings and “Find new times”.` },
    ],
  };
}

function noFit(meeting: Meeting, people: readonly SchedulePerson[], participants: readonly SlotParticipant[], days: number): Reply {
  const lines = people.map((p, i) => {
    const windows = participants[i]!.windows;
    return windows.length > 0
      ? `${p.displayName}: available ${windows.slice(0, 3).map((w) => spanInZone(w.start, w.end, p.timeZone!)).join('; ')}${windows.length > 3 ? ` and ${windows.length - 3} more` : ''}`
      : `${p.displayName}: working hours ${describeHours(p.hours)} ${p.timeZone}`;
  });
  return {
    blocks: [
      { type: 'text', text: `I could not find a time for meeting #${meeting.id}: your availabilities never overlap in the next ${days} days.` },
      { type: 'list', items: lines },
      { type: 'context', text: 'Widen yours, e.g. /availability Mon–Fri 09:00-18:00 next week, or /hours 08:00-18:00 Mon-Fri; then /meetings and “Find new times”.' },
    ],
  };
}
