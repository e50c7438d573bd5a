import { randomUUID } from 'node:crypto';
import type { Services } from '../../app/services.js';
import type { Intro } from '../../../storage/repositories/intros.js';
import { insertMeeting, type MeetingRole } from '../../../storage/repositories/meetings.js';
import { proposeSlots } from './proposeSlots.js';

/** Opens the meeting of an accepted introduction (enterprise, researcher, broker) and proposes times. */
export async function startMeeting(services: Services, intro: Intro): Promise<void> {
  const uuid = randomUUID();
  const participants: { personId: number; role: MeetingRole }[] = intro.parties.flatMap((p) => (p.personId === undefined ? [] : [{ personId: p.personId, role: p.side }]));
  if (intro.brokerPersonId !== undefined) participants.push({ personId: intro.brokerPersonId, role: 'broker' });
  const meetingId = await insertMeeting(services.db, {
    workspaceId: intro.workspaceId, introId: intro.id, needId: intro.needId, organizerPersonId: intro.brokerPersonId,
    durationMinutes: services.config.MEETING_MINUTES, icsUid: `${uuid}@liaison`,
    location: services.config.MEETING_LOCATION.replaceAll('{uid}', uuid), participants,
  });
  if (meetingId !== undefined) await proposeSlots(services, meetingId);
}
