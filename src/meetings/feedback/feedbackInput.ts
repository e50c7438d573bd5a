import { z } from 'zod';
import { NEXT_STEPS } from '../../../storage/repositories/meetingFeedback.js';

const yes = /^(yes|y|true|1|是|有)$/i;
const no = /^(no|n|false|0|否|没有)$/i;

/** One person's answers, from the form (input id → text) or from the /feedback command. */
export const feedbackInput = z
  .object({
    happened: z.string().trim().refine((v) => yes.test(v) || no.test(v), { message: 'Answer yes or no.' }).transform((v) => yes.test(v)),
    usefulness: z
      .string().trim().optional()
      .refine((v) => v === undefined || v === '' || /^[1-5]$/.test(v), { message: 'A number from 1 (not useful) to 5 (very useful).' })
      .transform((v) => (v ? Number(v) : undefined)),
    next_step: z
      .string().trim().toLowerCase().default('none')
      .transform((v) => v.replace(/[\s-]+/g, '_'))
      .pipe(z.enum(NEXT_STEPS, { message: `One of: ${NEXT_STEPS.join(', ')}.` })),
    comment: z.string().trim().max(2000, { message: 'At most 2,000 characters.' }).default(''),
  })
  .refine((f) => !f.happened || f.usefulness !== undefined, { path: ['usefulness'], message: 'How useful was it, from 1 to 5?' });


/** "/feedback 7 yes 4 pilot test Great talk" → the form's fields (the next step may be two words). */
export function feedbackFromText(args: string): Record<string, string> {
  const [, happened = '', maybeScore = '', ...rest] = args.trim().split(/\s+/);
  const scored = /^\d+$/.test(maybeScore);
  const words = scored ? rest : [maybeScore, ...rest].filter(Boolean);
  const two = `${words[0] ?? ''}_${words[1] ?? ''}`.toLowerCase();
  const stepWords = (NEXT_STEPS as readonly string[]).includes(two) ? 2 : 1;
  return {
    happened,
    ...(scored ? { usefulness: maybeScore } : {}),
    ...(words.length > 0 ? { next_step: words.slice(0, stepWords).join(' ') } : {}),
    comment: words.slice(stepWords).join(' '),
  };
}
