import { LIMITS } from './discordLimits.js';

/**
 * What a component's custom_id (at most 100 characters, unique within a message) stands for.
 * `n` keeps ids unique when the core shows several buttons with one action.
 *
 *   a|n|action|value   a button (value optional) or select (the value is the chosen option)
 *   k|n|key            a button stored in discord_components (action + value too long)
 *   f|n|key|page       "Open form": shows page `page` of the stored form as a modal
 *   m|key|page         a submitted modal: page `page` of the stored form
 */
export type ComponentId =
  | { kind: 'action'; action: string; value?: string }
  | { kind: 'stored'; key: string }
  | { kind: 'openForm'; key: string; page: number }
  | { kind: 'modal'; key: string; page: number };

/** The custom_id of a button or select, or undefined when it does not fit (store it instead). */
export function actionId(n: number, action: string, value?: string): string | undefined {
  if (action.includes('|')) return undefined;
  const id = value === undefined ? `a|${n}|${action}` : `a|${n}|${action}|${value}`;
  return id.length <= LIMITS.customId ? id : undefined;
}

export const storedId = (n: number, key: string): string => `k|${n}|${key}`;
export const openFormId = (n: number, key: string, page: number): string => `f|${n}|${key}|${page}`;
export const modalId = (key: string, page: number): string => `m|${key}|${page}`;

/** Reads a custom_id Liaison made; undefined for anything else (another bot's, or corrupt). */
export function parseComponentId(customId: string): ComponentId | undefined {
  const parts = customId.split('|');
  const [kind, second, third, fourth] = parts;
  switch (kind) {
    case 'a': {
      if (!third) return undefined;
      const rest = parts.slice(3);
      return rest.length === 0 ? { kind: 'action', action: third } : { kind: 'action', action: third, value: rest.join('|') };
    }
    case 'k':
      return third ? { kind: 'stored', key: third } : undefined;
    case 'f':
      return third && isPage(fourth) ? { kind: 'openForm', key: third, page: Number(fourth) } : undefined;
    case 'm':
      return second && isPage(third) ? { kind: 'modal', key: second, page: Number(third) } : undefined;
    default:
      return undefined;
  }
}

const isPage = (s: string | undefined): s is string => s !== undefined && /^\d{1,2}$/.test(s);
