export type ParsedText =
  | { kind: 'empty' }
  | { kind: 'command'; name: string; args: string }
  | { kind: 'plain'; text: string; firstWord: string; rest: string };

/**
 * Splits what a person typed into a slash command (`/match 12`) or plain text.
 * Expects text already cleaned by `cleanText`.
 */
export function parseInput(text: string): ParsedText {
  if (text === '') return { kind: 'empty' };
  const slash = /^[/／]([^\s]*)\s*([\s\S]*)$/.exec(text);
  if (slash) return { kind: 'command', name: slash[1]!.toLowerCase(), args: slash[2]!.trim() };
  const plain = /^(\S+)\s*([\s\S]*)$/.exec(text)!;
  return { kind: 'plain', text, firstWord: plain[1]!.toLowerCase(), rest: plain[2]!.trim() };
}
