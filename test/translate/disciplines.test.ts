import { describe, expect, it } from 'vitest';
import { suggestDisciplines } from '../../src/translate/offline/disciplines.js';

const terms = (pairs: [string, number][]) => pairs.map(([term, weight]) => ({ term, weight }));

describe('candidate disciplines (OECD FOS 2007) for a need’s English terms', () => {
  it('ranks the fields whose words the terms name, the first at 80 % and the others relative to it', () => {
    const d = suggestDisciplines(terms([['waste', 0.2], ['heat', 0.2], ['recovery', 0.1], ['cement', 0.1], ['kiln', 0.1], ['exhaust', 0.1]]));
    expect(d[0]).toEqual({ code: '2.7', confidence: 0.8 }); // environmental engineering: waste, heat, recovery
    expect(d.map((x) => x.code)).toContain('2.5'); // materials engineering: cement
    expect(d.length).toBeLessThanOrEqual(3);
    expect(d.every((x, i) => i === 0 || x.confidence <= d[i - 1]!.confidence)).toBe(true);
  });

  it('does not suggest a field on a lone faint word: 工艺 glossed "arts and crafts" in a smelter’s wastewater need', () => {
    // Forty translated terms of even weight that name no field, and "art" at 2.5 % of the weight.
    const filler = Array.from({ length: 40 }, (_, i) => [`tungstenword${i}`, 1] as [string, number]);
    const d = suggestDisciplines(terms([...filler, ['art', 1.05], ['alloy', 1.5], ['material', 1.5]]));
    expect(d.map((x) => x.code)).not.toContain('6.4');
    expect(d[0]?.code).toBe('2.5'); // materials engineering: alloy, material
    // The same word carrying much of a need's weight is evidence.
    expect(suggestDisciplines(terms([['art', 1], ['history', 1], ['museum', 1]]))[0]?.code).toBe('6.4');
  });

  it('suggests nothing when no field is named, rather than a guess', () => {
    expect(suggestDisciplines(terms([['hello', 1], ['thanks', 1]]))).toEqual([]);
    expect(suggestDisciplines([])).toEqual([]);
  });
});
