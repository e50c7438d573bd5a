import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPANSION, expandNeed } from '../../src/translate/offline/expandNeed.js';
import { memoryCorpus } from './memoryCorpus.js';

/**
 * Boiler corrosion outcomes, one about riders on a test track (it shares no word with the
 * boiler records), and unrelated records so that no word is in a fifth of them.
 */
const corpus = memoryCorpus(
  [
    'Boiler flue gas condensation causes corrosion; an economizer recovers the heat.',
    'Flue gas economizer against corrosion in a boiler stack.',
    'Acid corrosion of economizer tubes by boiler flue gas.',
    'Riders on a test track report how a motorbike handles.',
    ...['bearing', 'gear', 'valve', 'pump', 'sensor', 'rotor', 'nozzle', 'filter', 'spring', 'hinge', 'lever', 'clutch', 'piston', 'crank', 'axle'].map((part) => `A ${part} for machines.`),
  ].map((text, i) => ({ id: `d${i}`, text })),
);

const need = 'Our riders say the boiler economizer suffers from corrosion.';
const stress = async (settings = DEFAULT_EXPANSION) => new Map((await expandNeed(need, corpus, settings)).emphasis.map((t) => [t.term, t.weight]));

describe('stress on the need’s own words that belong together', () => {
  it('stresses the words the outcomes show together more than a word they never show with them', async () => {
    const w = await stress();
    expect(w.get('corrosion')).toBeGreaterThan(w.get('riders')!);
    expect(w.get('economizer')).toBeGreaterThan(w.get('riders')!);
    // The best-connected word gets the whole stress, the loner its floor share.
    expect(Math.max(...w.values())).toBeCloseTo(DEFAULT_EXPANSION.emphasis, 6);
    expect(w.get('riders')).toBeCloseTo(DEFAULT_EXPANSION.emphasis * DEFAULT_EXPANSION.emphasisFloor, 6);
  });

  it('stresses nothing when switched off, or without co-occurrence weighting', async () => {
    expect((await stress({ ...DEFAULT_EXPANSION, emphasis: 0 })).size).toBe(0);
    expect((await stress({ ...DEFAULT_EXPANSION, coherence: false })).size).toBe(0);
    expect((await expandNeed(need, undefined)).emphasis).toEqual([]);
  });
});
