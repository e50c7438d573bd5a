/** "7" or "#7" → 7; anything else → undefined. */
export function parseId(text: string | undefined): number | undefined {
  const m = /^#?(\d{1,15})$/.exec((text ?? '').trim());
  return m ? Number(m[1]) : undefined;
}
