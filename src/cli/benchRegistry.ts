import { CliExit, EXIT } from './exitCodes.js';

/**
 * `liaison bench <name> [options]`: every benchmark registers itself here with a lazy loader,
 * so `liaison start` never loads benchmark code. `liaison bench all` runs them one by one.
 */
export interface BenchEntry {
  summary: string;
  load(): Promise<(argv: string[]) => Promise<void>>;
}

export const benchmarks: Record<string, BenchEntry> = {
  search: {
    summary: 'import throughput, hybrid search p50/p95, HNSW recall@10 vs exact, RSS (default: 10k and 50k on PGlite, 10k and 100k on PostgreSQL; --size N)',
    load: async () => (await import('../../bench/searchBench.js')).searchBench,
  },
  slack: {
    summary: 'signed slash command → HTTP acknowledgement, p50/p95/p99 at 1, 10, 50 concurrent (--concurrency N)',
    load: async () => (await import('../../bench/slackAckBench.js')).slackAckBench,
  },
  scheduler: {
    summary: 'brokerage-event scheduling: meetings placed vs max-flow upper bound, seconds (--participants N [--seed S] | --instance FILE)',
    load: async () => (await import('../../bench/schedulerBench.js')).schedulerBench,
  },
};

export async function benchCommand(argv: string[]): Promise<void> {
  const [name, ...rest] = argv;
  if (name === 'all') {
    for (const entry of Object.values(benchmarks)) await (await entry.load())(rest);
    return;
  }
  const entry = name ? benchmarks[name] : undefined;
  if (!entry) {
    const list = Object.entries(benchmarks).map(([n, e]) => `  ${n.padEnd(10)} ${e.summary}`).join('\n');
    throw new CliExit(EXIT.usage, `Usage: liaison bench <name> [options] | liaison bench all\n\n${list}`);
  }
  await (await entry.load())(rest);
}
