import { z } from 'zod';

/** What the store holds: a patent, a paper, a funded project, a lab capability or a shared instrument. */
export const OUTCOME_KINDS = ['patent', 'paper', 'project', 'capability', 'instrument'] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

export const isOutcomeKind = (v: unknown): v is OutcomeKind =>
  typeof v === 'string' && (OUTCOME_KINDS as readonly string[]).includes(v);

/** Files leave cells empty or null where a value is unknown: both mean "not given". */
const blankToUndefined = (v: unknown) =>
  v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v;

const optionalText = (max: number) =>
  z.preprocess(blankToUndefined, z.string().trim().max(max, { message: `longer than ${max} characters` }).optional());

/** CSV cells carry lists as "a; b | c"; JSON may carry an array or one string. */
const textList = (label: string) =>
  z.preprocess(
    (v) => {
      const list = typeof v === 'string' ? v.split(/[;|]/) : v === null || v === undefined ? [] : v;
      return Array.isArray(list) ? list.map((s) => (typeof s === 'string' ? s.trim() : s)).filter((s) => s !== '') : list;
    },
    z
      .array(z.string({ message: `each ${label} must be text` }).max(200, { message: `each ${label} must be at most 200 characters` }), {
        message: `expected a list of ${label}s`,
      })
      .max(100, { message: `at most 100 ${label}s` }),
  );

/** Whole numbers may come as text from CSV cells ("2019", "7"). */
const optionalInt = (min: number, max: number, what: string) =>
  z.preprocess(
    (v) => {
      const b = blankToUndefined(v);
      return typeof b === 'string' && /^\s*-?\d+\s*$/.test(b) ? Number(b) : b;
    },
    z
      .number({ message: `${what} must be a whole number` })
      .int({ message: `${what} must be a whole number` })
      .min(min, { message: `${what} must be between ${min} and ${max}` })
      .max(max, { message: `${what} must be between ${min} and ${max}` })
      .optional(),
  );

/**
 * One university outcome as Liaison stores it. Source ids are stable across imports (a patent
 * publication number, a DOI, a catalogue id): re-importing the same id updates the row.
 */
export const outcomeSchema = z.object({
  sourceId: z
    .string({ message: 'sourceId is missing' })
    .trim()
    .min(1, { message: 'sourceId is empty' })
    .max(200, { message: 'sourceId is longer than 200 characters' }),
  kind: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().toLowerCase() : v),
    z.enum(OUTCOME_KINDS, { message: `kind must be one of ${OUTCOME_KINDS.join(', ')}` }),
  ),
  title: z
    .string({ message: 'title is missing' })
    .trim()
    .min(1, { message: 'title is empty' })
    .max(1000, { message: 'title is longer than 1000 characters' }),
  abstract: z.preprocess(
    (v) => blankToUndefined(v) ?? '',
    z.string({ message: 'abstract must be text' }).trim().max(100_000, { message: 'abstract is longer than 100000 characters' }),
  ),
  institution: optionalText(500),
  disciplines: textList('discipline'),
  keywords: textList('keyword'),
  year: optionalInt(1800, 2100, 'year'),
  /** Technology readiness level, 1 (basic principles) to 9 (proven in operation). */
  trl: optionalInt(1, 9, 'trl'),
  ipStatus: optionalText(100),
  /** Country or region, e.g. an ISO code ("CN") or a patent office ("EP", "WO"). */
  region: optionalText(100),
  contact: optionalText(500),
  url: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .max(2000)
      .refine((v) => /^https?:\/\//i.test(v) && URL.canParse(v), { message: 'url must be an http(s) address' })
      .optional(),
  ),
  /** BCP 47 primary language, e.g. "en", "zh". */
  language: z.preprocess(
    (v) => {
      const b = blankToUndefined(v) ?? 'en';
      return typeof b === 'string' ? b.trim().toLowerCase() : b;
    },
    z.string().regex(/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/, { message: 'language must be a code like en or zh' }),
  ),
});

export type Outcome = z.infer<typeof outcomeSchema>;

/** The field names a file may use for our columns (see readers/mapFields.ts for aliases). */
export const OUTCOME_FIELDS = Object.keys(outcomeSchema.shape) as (keyof Outcome)[];
