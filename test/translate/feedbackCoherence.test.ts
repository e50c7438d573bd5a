import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPANSION, expandNeed } from '../../src/translate/offline/expandNeed.js';
import { memoryCorpus } from './memoryCorpus.js';

/**
 * English outcomes: boiler flue-gas corrosion and economizers, one boiler fired with biogas from a
 * digester (it shares only "boiler" with the need), digesters on their own, and unrelated records
 * so that no word is in a fifth of them.
 */
const DOCS = [
  'Boiler flue gas condensation causes corrosion; an economizer recovers the heat.',
  'Flue gas economizer against corrosion in a boiler stack.',
  'Economizer tubes and acid corrosion by flue gas.',
  'Boiler fired with biogas from a digester; the digester sludge is heated.',
  'Digester sludge treatment and biogas yield.',
  ...['bearing', 'gear', 'valve', 'pump', 'sensor', 'rotor', 'nozzle', 'filter', 'spring', 'hinge', 'lever', 'clutch', 'piston', 'crank', 'axle'].map((part) => `A ${part} for machines.`),
].map((text, i) => ({ id: `d${i}`, text }));

const corpus = memoryCorpus(DOCS);

const need = 'Our boiler stack suffers from flue gas corrosion.';
const feedbackOf = async (coherence: boolean) => new Map((await expandNeed(need, corpus, { ...DEFAULT_EXPANSION, coherence })).blocks.en.feedback.map((t) => [t.term, t.weight]));

describe('relevance feedback weighed by co-occurrence with the need', () => {
  it('fades feedback words that the store seldom shows with the need’s words', async () => {
    const plain = await feedbackOf(false);
    const weighed = await feedbackOf(true);
    expect(plain.get('digester')).toBeGreaterThan(0);
    expect(weighed.get('economizer')).toBeGreaterThan(weighed.get('digester')!);
    const ratio = (m: Map<string, number>) => m.get('digester')! / m.get('economizer')!;
    expect(ratio(weighed)).toBeLessThan(ratio(plain));
  });

  it('keeps every feedback word, with weights that still sum to one', async () => {
    const plain = await feedbackOf(false);
    const weighed = await feedbackOf(true);
    expect([...weighed.keys()].sort()).toEqual([...plain.keys()].sort());
    expect([...weighed.values()].reduce((a, w) => a + w, 0)).toBeCloseTo(1, 6);
  });
});
