import { describe, expect, it } from 'vitest';
import { termWeight } from '../../src/embeddings/lsaModel.js';

describe('termWeight (sublinear TF × IDF)', () => {
  it('is 1 + ln(count) for whole counts, times the IDF', () => {
    expect(termWeight(1, 2)).toBe(2);
    expect(termWeight(3, 2)).toBeCloseTo((1 + Math.log(3)) * 2, 12);
  });

  it('keeps a lightly weighted expansion term pulling the query towards it', () => {
    // Translations and feedback terms carry counts such as 0.1: 1 + ln(0.1) would be −1.3.
    for (const c of [0.01, 0.1, 0.3, 0.9]) expect(termWeight(c, 1)).toBeGreaterThan(0);
    expect(termWeight(0.2, 1)).toBeLessThan(termWeight(0.5, 1));
  });

  it('is continuous at a count of 1', () => {
    expect(termWeight(0.999999, 1)).toBeCloseTo(termWeight(1.000001, 1), 5);
  });
});
