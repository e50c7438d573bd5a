import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { PromptTemplate } from '@langchain/core/prompts';

/** prompts/ at the project root: prompt text lives in files, never inline in code. */
export const PROMPTS_DIR = fileURLToPath(new URL('../../prompts/', import.meta.url));

const cache = new Map<string, PromptTemplate>();

/** Loads prompts/<name>.md as a mustache PromptTemplate ({{variable}}), cached after the first read. */
export async function loadPrompt(name: string, dir = PROMPTS_DIR): Promise<PromptTemplate> {
  const key = `${dir}\0${name}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const text = await readFile(`${dir}${name}.md`, 'utf8');
  const template = PromptTemplate.fromTemplate(text, { templateFormat: 'mustache' });
  cache.set(key, template);
  return template;
}

/** Fills a prompt file; every variable it names must be given (values are inserted verbatim). */
export async function fillPrompt(name: string, values: Record<string, string>, dir = PROMPTS_DIR): Promise<string> {
  const template = await loadPrompt(name, dir);
  const missing = template.inputVariables.filter((v) => !(v in values));
  if (missing.length) throw new Error(`prompt ${name} needs ${missing.join(', ')}`);
  return template.format(values);
}
