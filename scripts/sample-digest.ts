/**
 * Builds the sample digest shown in the README: the bundled sample outcomes, a dozen needs
 * submitted and moved along the pipeline through the real chat commands, then the report of
 * the second half of that "week" written to docs/sample-digest/ (report.md and the chart PNGs).
 *   npx tsx scripts/sample-digest.ts [OUT_DIR]        (default docs/sample-digest)
 */
import { resolve } from 'node:path';
import pino from 'pino';
import { ConsoleSession } from '../adapters/console/consoleSession.js';
import { createRouter } from '../src/commands/catalog.js';
import type { Actor } from '../src/commands/types.js';
import type { Services } from '../src/app/services.js';
import { loadConfig } from '../src/config/loadConfig.js';
import { embeddingSettingsFrom } from '../src/embeddings/embeddingSettings.js';
import { loadSampleIfEmpty } from '../src/outcomes/sample.js';
import { createOutcomeIndexer } from '../src/search/outcomeIndexer.js';
import { writeReport } from '../src/reports/writeReport.js';
import { RecordingNotifier } from '../src/notify/channelNotifier.js';
import { migrate } from '../storage/migrate.js';
import { openPglite } from '../storage/pgliteDb.js';

const OUT_DIR = resolve(process.argv[2] ?? resolve(import.meta.dirname, '../docs/sample-digest'));
const WORKSPACE = 'sample';

/** Needs that the sample (thermal-energy patents, papers) answers well, and two it does not. */
const EARLIER = [
  'Our cement kiln wastes a lot of heat in the flue gas. We want to recover the waste heat to preheat combustion air.',
  'The ventilation of our cold-storage warehouse loses energy; we need heat recovery ventilation for low temperatures.',
  'Our delivery trucks brake often in city traffic. We want regenerative braking to recover energy into the battery.',
  'We run a municipal waste incinerator and want to generate more electricity from the heat of incineration.',
  'Our diesel generators reject heat in the exhaust; we need an organic Rankine cycle to turn engine waste heat into power.',
  'We make condensing gas boilers and need a heat exchanger that resists acidic condensate corrosion.',
];
const LATER = [
  'Our glass furnace needs a regenerator that recovers heat from exhaust gases to cut gas use by a fifth.',
  'Electric buses in our fleet need better regenerative braking control on steep hills.',
  'We need a biodegradable adhesive for labels on recycled glass bottles that washes off in hot water.',
  'Our vineyard wants drones that count grape clusters to forecast harvest yield.',
];

async function main(): Promise<void> {
  const loaded = loadConfig({ LOAD_SAMPLE_DATA: 'true', LOG_LEVEL: 'silent' });
  if (!loaded.ok) throw new Error(loaded.problems.join('; '));
  const db = await openPglite();
  await migrate(db);
  const services: Services = {
    config: loaded.config, db, log: pino({ level: 'silent' }), adapters: ['console'], providers: {}, now: () => new Date(), notifier: new RecordingNotifier(),
  };
  process.stderr.write('Loading the sample outcomes (about a minute)…\n');
  await loadSampleIfEmpty(services, { indexer: createOutcomeIndexer(embeddingSettingsFrom(loaded.config)) });
  const router = createRouter(services);
  const as = (userId: string) => {
    const actor: Actor = { platform: 'console', workspaceId: WORKSPACE, userId, displayName: userId, direct: true };
    return new ConsoleSession(router, actor);
  };
  const [admin, broker, contact] = [as('ada'), as('bob'), as('carol')];
  await admin.send('/setup');
  for (const s of [broker, contact]) await s.send('/help');
  await admin.send('/role @bob broker');
  await admin.send('/role @carol enterprise Sample Industries');

  const submit = async (text: string): Promise<number> => {
    let out = await contact.send(text);
    for (let i = 0; i < 12 && !/\[1\] Submit/.test(out); i++) out = await contact.send(/Which company/.test(out) ? 'Sample Industries' : '1');
    const id = /need #(\d+) is submitted/.exec(await contact.send('1'))?.[1];
    if (!id) throw new Error(`the intake did not submit "${text}"`);
    return Number(id);
  };
  const move = (id: number, ...stages: string[]) => stages.reduce((p, s) => p.then(() => broker.send(`/stage ${id} ${s}`)), Promise.resolve(''));

  process.stderr.write('Submitting and moving needs…\n');
  const earlier: number[] = [];
  for (const text of EARLIER) earlier.push(await submit(text));
  for (const id of earlier.slice(0, 4)) await broker.send(`/assign ${id}`);
  await move(earlier[0]!, 'matched', 'intro_requested');
  await move(earlier[1]!, 'matched');
  await move(earlier[2]!, 'matched', 'intro_requested', 'meeting_scheduled');
  const from = new Date();
  await new Promise((r) => setTimeout(r, 20));
  for (const text of LATER) await submit(text);
  await move(earlier[0]!, 'meeting_scheduled');
  await move(earlier[2]!, 'met', 'agreement');
  await move(earlier[3]!, 'matched');
  await move(earlier[5]!, 'withdrawn');

  const written = await writeReport(services, WORKSPACE, {
    from, to: new Date(Date.now() + 1000), format: 'md', outDir: OUT_DIR, language: 'en', audience: 'mixed', timeZone: 'UTC',
  });
  process.stdout.write(`${written.files.join('\n')}\n`);
  await db.close();
}

await main();
