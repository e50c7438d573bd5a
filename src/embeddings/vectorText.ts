import pgvector from 'pgvector';

/** pgvector's text form of a vector, or null for an all-zero one (cosine is undefined there). */
export function vectorText(v: ArrayLike<number>): string | null {
  let any = false;
  const arr = Array.from(v, (x) => {
    if (x !== 0) any = true;
    return Math.round(x * 1e7) / 1e7;
  });
  return any ? (pgvector.toSql(arr) as string) : null;
}
