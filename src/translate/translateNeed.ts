import type { Services } from '../app/services.js';
import { loadLatestBrief, saveBrief, type StoredBrief } from '../../storage/repositories/briefs.js';
import { researchBriefSchema, type ResearchBrief } from './brief.js';
import { checkNeedText } from './needText.js';
import type { TranslateInput, TranslationResult } from './translator.js';
import { translatorFor } from './translatorFor.js';

/**
 * Translates a stored need and saves the brief as the need's next version (need_briefs).
 * A clarifying question is returned as is and nothing is saved. Throws UserFacingError for
 * text that cannot be translated (too short or long, binary, another language).
 */
export async function translateAndSaveBrief(
  services: Pick<Services, 'config' | 'db' | 'log'>,
  needId: number,
  input: TranslateInput,
): Promise<{ result: TranslationResult; stored?: StoredBrief<ResearchBrief> }> {
  const { text } = checkNeedText(input.text);
  const result = await translatorFor(services).translate({ ...input, text });
  if (result.kind !== 'brief') return { result };
  const stored = await saveBrief(services.db, needId, result.brief, result.brief.translator);
  return { result, stored };
}

/** Saves a broker's edit of a brief as a new version, after checking it against the schema. */
export async function saveEditedBrief(services: Pick<Services, 'db'>, needId: number, edited: unknown, editor: string): Promise<StoredBrief<ResearchBrief>> {
  const brief = researchBriefSchema.parse(edited);
  return saveBrief(services.db, needId, brief, `${brief.translator}; edited by ${editor}`.slice(0, 200));
}

/** The brief in force for a need (latest version), validated; undefined when it has none. */
export async function currentBrief(services: Pick<Services, 'db'>, needId: number): Promise<ResearchBrief | undefined> {
  const stored = await loadLatestBrief<unknown>(services.db, needId);
  const parsed = stored && researchBriefSchema.safeParse(stored.brief);
  return parsed?.success ? parsed.data : undefined;
}
