import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { SchedulingProblem } from './eventProblem.js';
import { compileProblem, InvalidProblemError } from './compileProblem.js';

/** "09:30" → minutes after midnight. */
const clock = z.string().regex(/^([01]?\d|2[0-3]):[0-5]\d$/, 'a time of day like "09:30"')
  .transform((t) => Number(t.split(':')[0]) * 60 + Number(t.split(':')[1]));
/** A slot index (0 = the first slot) or a time of day. */
const point = z.union([
  z.number().int().min(0).transform((slot) => ({ slot })),
  clock.transform((minute) => ({ minute })),
]);
type Point = z.output<typeof point>;
const range = z.object({ from: point, to: point });

export const eventInstanceSchema = z.object({
  start: clock.default(9 * 60).describe('time of the first slot, default "09:00"'),
  slotMinutes: z.number().refine((m) => m === 15 || m === 20 || m === 30, 'slots last 15, 20 or 30 minutes'),
  slots: z.number().int().min(1).max(200),
  tables: z.number().int().min(1),
  participants: z.array(z.object({
    id: z.string().min(1),
    presence: z.array(range).min(1).optional(),
    breaks: z.array(range.extend({ minutes: z.number().int().min(1) })).optional(),
    maxMeetings: z.number().int().min(0).optional(),
  }).strict()).min(1),
  requests: z.array(z.object({
    id: z.string().min(1).optional(),
    a: z.string().min(1),
    b: z.string().min(1),
    mutual: z.boolean().optional(),
    priority: z.number().finite().optional(),
  }).strict()),
}).strict();

export type EventInstance = z.input<typeof eventInstanceSchema>;

/** A bad instance file, with every problem found, one per line. */
export class InstanceFileError extends Error {
  override readonly name = 'InstanceFileError';
}

/**
 * An event described in JSON (see the README: slot length, first slot, number of slots, tables,
 * participants with presence and breaks as slot indexes or times, accepted requests) as a
 * scheduling problem. Times become slots: presence covers the slots wholly inside it.
 */
export function parseEventInstance(json: unknown): SchedulingProblem {
  const parsed = eventInstanceSchema.safeParse(json);
  if (!parsed.success) {
    const lines = parsed.error.issues.slice(0, 10).map((i) => `  ${i.path.join('.') || '(top level)'}: ${i.message}`);
    throw new InstanceFileError(`The instance file is not valid:\n${lines.join('\n')}`);
  }
  const { start, slotMinutes, slots, tables } = parsed.data;
  /** A window's start rounds up to a slot boundary, its end down: only whole slots count. */
  const slotAt = (p: Point, round: (x: number) => number) => ('slot' in p ? p.slot : round((p.minute - start) / slotMinutes));
  const toSlots = (r: { from: Point; to: Point }) => ({ from: slotAt(r.from, Math.ceil), to: slotAt(r.to, Math.floor) });
  const problem: SchedulingProblem = {
    slots,
    tables,
    participants: parsed.data.participants.map((p) => ({
      id: p.id,
      ...(p.presence ? { presence: p.presence.map(toSlots) } : {}),
      ...(p.breaks ? { breaks: p.breaks.map((b) => ({ ...toSlots(b), length: Math.ceil(b.minutes / slotMinutes) })) } : {}),
      ...(p.maxMeetings !== undefined ? { maxMeetings: p.maxMeetings } : {}),
    })),
    requests: parsed.data.requests.map((r, i) => ({
      id: r.id ?? `r${i + 1}`, a: r.a, b: r.b, mutual: r.mutual ?? false, priority: r.priority ?? 0,
    })),
  };
  try {
    compileProblem(problem);
  } catch (err) {
    if (err instanceof InvalidProblemError) throw new InstanceFileError(`The instance file is not valid: ${err.message}`);
    throw err;
  }
  return problem;
}

/** Reads and parses an instance file; InstanceFileError for a missing file, bad JSON or a bad event. */
export async function readEventInstance(path: string): Promise<SchedulingProblem> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new InstanceFileError(`I cannot read the instance file ${path}.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new InstanceFileError(`The instance file ${path} is not JSON: ${(err as Error).message}`);
  }
  return parseEventInstance(json);
}
