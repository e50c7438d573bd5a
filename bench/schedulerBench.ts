import { parseArgs } from 'node:util';
import { CliExit, EXIT } from '../src/cli/exitCodes.js';
import type { Schedule, SchedulingProblem } from '../src/events/scheduler/eventProblem.js';
import { scheduleEvent } from '../src/events/scheduler/scheduleEvent.js';
import { upperBound } from '../src/events/scheduler/upperBound.js';
import { checkSchedule } from '../src/events/scheduler/checkSchedule.js';
import { placementsThatCanStay } from '../src/events/scheduler/placementsThatCanStay.js';
import { InstanceFileError, readEventInstance } from '../src/events/scheduler/eventInstanceFile.js';
import { changeEvent, generateEvent } from './eventGenerator.js';

const USAGE = 'Usage: liaison bench scheduler [--participants N] [--seed S] | --instance FILE';
const DEFAULT_SIZES = [50, 200, 1000];

interface Figures {
  instance: string;
  participants: number;
  slots: number;
  tables: number;
  requests: number;
  mutual: number;
  scheduled: number;
  mutual_scheduled: number;
  upper_bound: number;
  ratio: number;
  seconds: number;
  bound_seconds: number;
  /** After late changes: meetings that still exist and kept their slot, of those that could. */
  kept_after_changes?: number;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

function timed<T>(fn: () => T): [T, number] {
  const t = performance.now();
  const value = fn();
  return [value, (performance.now() - t) / 1000];
}

function measure(instance: string, problem: SchedulingProblem, seed: number): { figures: Figures; schedule: Schedule } {
  const [schedule, seconds] = timed(() => scheduleEvent(problem, { seed }));
  const issues = checkSchedule(problem, schedule);
  if (issues.length > 0) throw new Error(`the scheduler broke a rule on ${instance}: ${issues.slice(0, 5).join('; ')}`);
  const [bound, boundSeconds] = timed(() => upperBound(problem));
  const mutual = new Set(problem.requests.filter((r) => r.mutual).map((r) => r.id));
  const figures: Figures = {
    instance,
    participants: problem.participants.length,
    slots: problem.slots,
    tables: problem.tables,
    requests: problem.requests.length,
    mutual: mutual.size,
    scheduled: schedule.placements.length,
    mutual_scheduled: schedule.placements.filter((p) => mutual.has(p.requestId)).length,
    upper_bound: bound.value,
    ratio: bound.value === 0 ? 1 : round(schedule.placements.length / bound.value, 4),
    seconds: round(seconds, 3),
    bound_seconds: round(boundSeconds, 3),
  };
  return { figures, schedule };
}

/** Late changes on a generated event, rescheduled: the share of surviving meetings that kept their slot. */
function keptAfterChanges(problem: SchedulingProblem, schedule: Schedule, seed: number): number {
  const changed = changeEvent(problem, seed + 1);
  const next = scheduleEvent(changed, { seed, previous: schedule.placements });
  const issues = checkSchedule(changed, next);
  if (issues.length > 0) throw new Error(`the rescheduled event broke a rule: ${issues.slice(0, 5).join('; ')}`);
  const slotNow = new Map(next.placements.map((p) => [p.requestId, p.slot]));
  const survivors = placementsThatCanStay(changed, schedule.placements);
  return survivors.length === 0 ? 1 : round(survivors.filter((p) => slotNow.get(p.requestId) === p.slot).length / survivors.length, 4);
}

function print(runs: Figures[]): void {
  const cols = ['participants', 'requests', 'mutual', 'scheduled', 'upper_bound', 'ratio', 'seconds', 'bound_seconds', 'kept_after_changes'] as const;
  process.stdout.write(`${cols.map((c) => c.padStart(c.length + 2)).join('')}\n`);
  for (const r of runs) process.stdout.write(`${cols.map((c) => String(r[c] ?? '–').padStart(c.length + 2)).join('')}\n`);
  const last = runs[runs.length - 1]!;
  process.stdout.write(`${JSON.stringify({ bench: 'scheduler', ...last, ...(runs.length > 1 ? { runs } : {}) })}\n`);
}

/**
 * `liaison bench scheduler [--participants N[,N…]] [--seed S] | --instance FILE`: schedules a
 * generated event (or one from a JSON file), checks the schedule against every rule, and
 * compares the meetings placed with the max-flow upper bound. Without options: 50, 200 and
 * 1,000 participants. The last line is JSON.
 */
export async function schedulerBench(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv, strict: false,
    options: { participants: { type: 'string' }, seed: { type: 'string', default: '1' }, instance: { type: 'string' } },
  });
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) throw new CliExit(EXIT.usage, `--seed must be a whole number.\n${USAGE}`);
  if (typeof values.instance === 'string') {
    const problem = await readEventInstance(values.instance).catch((err: unknown) => {
      throw err instanceof InstanceFileError ? new CliExit(EXIT.usage, err.message) : err;
    });
    process.stderr.write(`scheduler bench: ${values.instance}…\n`);
    print([measure(values.instance, problem, seed).figures]);
    return;
  }
  const sizes = values.participants === undefined ? DEFAULT_SIZES : String(values.participants).split(',').map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 2 || n > 100_000)) {
    throw new CliExit(EXIT.usage, `--participants must be whole numbers from 2 to 100000.\n${USAGE}`);
  }
  const runs = sizes.map((n) => {
    process.stderr.write(`scheduler bench: ${n} participants, seed ${seed}…\n`);
    const problem = generateEvent({ participants: n, seed });
    const { figures, schedule } = measure(`generated:${n}:${seed}`, problem, seed);
    return { ...figures, kept_after_changes: keptAfterChanges(problem, schedule, seed) };
  });
  print(runs);
}
