import type { Command } from '../commands/types.js';
import { errorReply, reply, type Block } from '../messages/reply.js';
import { listRecentImports, type OutcomeImport } from '../../storage/repositories/outcomeImports.js';

const DEFAULT_SHOWN = 10;
const MAX_SHOWN = 50;

/**
 * `/imports [count]`: recent outcome imports with what each did, newest first; the newest one's
 * first rejected rows are listed too. An admin command, but open to everyone until roles land
 * (the roles issue adds the check here).
 */
export const importsCommand: Command = {
  name: 'imports',
  summary: 'Show recent outcome imports: added, updated, unchanged and rejected rows',
  usage: '/imports [how many, default 10]',
  async run({ services, args }) {
    const count = args === '' ? DEFAULT_SHOWN : Number(args);
    if (!Number.isInteger(count) || count < 1 || count > MAX_SHOWN) {
      return errorReply(`Give a number of imports from 1 to ${MAX_SHOWN}.`, 'For example: /imports 5');
    }
    const runs = await listRecentImports(services.db, count);
    if (runs.length === 0) {
      return reply(
        { type: 'text', text: 'No outcomes have been imported yet.' },
        { type: 'context', text: 'An admin imports them with `liaison ingest FILE` (JSON Lines or CSV).' },
      );
    }
    const blocks: Block[] = [
      { type: 'header', text: 'Recent outcome imports' },
      { type: 'list', items: runs.map(describeRun) },
    ];
    const latest = runs[0]!;
    if (latest.errors.length > 0) {
      blocks.push(
        { type: 'text', text: `First rejected rows of import #${latest.id}:` },
        { type: 'list', items: latest.errors.slice(0, 10).map((e) => `line ${e.line}: ${e.reason}`) },
      );
    }
    return reply(...blocks);
  },
};

export function describeRun(run: OutcomeImport): string {
  const n = (v: number) => v.toLocaleString('en');
  const when = run.startedAt.toISOString().slice(0, 16).replace('T', ' ');
  const state =
    run.status === 'finished' ? 'finished' : run.status === 'failed' ? `FAILED (${run.failure ?? 'unknown error'})` : 'running or interrupted';
  return (
    `#${run.id} ${run.source} — ${when} UTC${run.who ? ` by ${run.who}` : ''}, ${state}: ` +
    `${n(run.added)} added, ${n(run.updated)} updated, ${n(run.unchanged)} unchanged, ${n(run.rejected)} rejected`
  );
}
