import { z } from 'zod';
import type { JobDefinition } from '../jobs/jobQueue.js';
import { runDueDigests } from './runDueDigests.js';

/** The one digest job: every minute, whichever process takes it sends the digests that are due. */
const tickData = z.object({});

export const digestTickJob: JobDefinition<z.infer<typeof tickData>> = {
  name: 'digests.tick',
  schema: tickData,
  cron: '* * * * *',
  async run(services) {
    await runDueDigests(services);
  },
};
