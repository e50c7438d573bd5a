import { z } from 'zod';
import type { JobDefinition } from '../jobs/jobQueue.js';
import { findEventById } from '../../storage/repositories/events.js';
import { notifyPerson } from '../notify/notifyPerson.js';
import { scheduleStoredEvent } from './runEventSchedule.js';
import { scheduleSummary } from './scheduleSummary.js';

export const EVENT_SCHEDULE_JOB = 'event.schedule';

/**
 * At an event's deadline: schedules it unless a broker already did, and tells the organiser.
 * Queued once per event (its key), taken by one bot process.
 */
export const eventScheduleJob: JobDefinition<{ eventId: number }> = {
  name: EVENT_SCHEDULE_JOB,
  schema: z.object({ eventId: z.number().int().positive() }),
  async run(services, { eventId }) {
    const event = await findEventById(services.db, eventId);
    if (!event || event.status === 'scheduled') return;
    const result = await scheduleStoredEvent(services, eventId);
    services.log.info({ event: eventId, scheduled: result.scheduled, accepted: result.accepted }, 'event scheduled at its deadline');
    if (event.organiserPersonId !== undefined) await notifyPerson(services, event.organiserPersonId, scheduleSummary(result));
  },
};
