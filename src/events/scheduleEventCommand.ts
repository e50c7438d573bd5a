import type { CommandRequest } from '../commands/types.js';
import type { Reply } from '../messages/reply.js';
import { recordAudit } from '../../storage/repositories/auditLog.js';
import { loadEvent, requireEventBroker } from './eventAccess.js';
import { scheduleStoredEvent } from './runEventSchedule.js';
import { scheduleSummary } from './scheduleSummary.js';

export const SCHEDULE_USAGE = '/event schedule <event>';

/** `/event schedule <event>`: a broker schedules (or reschedules) the agenda now and sends it out. */
export async function scheduleEventCommand(req: CommandRequest): Promise<Reply> {
  const { services, person } = req;
  await requireEventBroker(services, person, 'schedule events');
  const event = await loadEvent(services, person, req.args);
  const result = await scheduleStoredEvent(services, event.id);
  await recordAudit(services.db, { workspaceId: person.workspaceId, personId: person.id, action: 'schedule', subjectType: 'event', subjectId: event.id, detail: { scheduled: result.scheduled } });
  return scheduleSummary(result);
}
