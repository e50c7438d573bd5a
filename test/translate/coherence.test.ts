import { describe, expect, it } from 'vitest';
import type { WeightedTerm } from '../../src/translate/corpusFeedback.js';
import { weighByCoherence } from '../../src/translate/offline/coherence.js';
import { memoryCorpus } from './memoryCorpus.js';

/** Outcomes in memory: cement kilns burning garbage, and unrelated records (no word is in more than a fifth of them). */
const DOCS = [
  'Cement kiln co-processing of municipal garbage: the refuse is burned in the calciner and the odor is drawn into the kiln.',
  'Garbage incineration next to a cement plant; odor control and leachate treatment.',
  'Cement clinker cooler with waste heat recovery for power generation.',
  'Telegram relay station with a spark gap transmitter.',
  'A telegram sent in passing to the county office.',
  'Plant cell walls and lignin in straw.',
  'Reactor vessel for chemical synthesis.',
  'Ceramic glaze recipes for tiles.',
  'Asphalt pavement compaction.',
  'Battery cell balancing circuit.',
  ...['bearing', 'gear', 'valve', 'pump', 'sensor', 'rotor', 'nozzle', 'filter', 'spring', 'hinge'].map((part) => `A ${part} for machines.`),
].map((text, i) => ({ id: `d${i}`, text }));

const corpus = memoryCorpus(DOCS);

const term = (t: string, concept: string, weight = 1): WeightedTerm => ({ term: t, concept, weight, lang: 'en' });

describe('choosing dictionary senses by co-occurrence in the outcomes', () => {
  // 水泥 cement; 垃圾 garbage, refuse; 臭味 odor; 发电 electricity, telegram
  const block = [term('cement', '水泥'), term('garbage', '垃圾', 0.5), term('refuse', '垃圾', 0.5), term('odor', '臭味'), term('power', '发电', 0.5), term('telegram', '发电', 0.5)];
  const candidates = block.slice(1);

  it('keeps the senses found together with the need’s other concepts and fades the others', async () => {
    const picked = new Map((await weighByCoherence(corpus, block, candidates)).map((t) => [t.term, t.weight]));
    expect(picked.get('garbage')).toBeGreaterThan(picked.get('telegram')!);
    expect(picked.get('power')).toBeGreaterThan(picked.get('telegram')!);
    expect(picked.get('odor')).toBeGreaterThan(picked.get('telegram')!);
  });

  it('never removes a candidate outright: the least coherent keeps a fifth of its weight', async () => {
    const picked = await weighByCoherence(corpus, block, candidates);
    expect(picked.map((t) => t.term)).toEqual(candidates.map((t) => t.term));
    const telegram = picked.find((t) => t.term === 'telegram')!;
    expect(telegram.weight).toBeCloseTo(0.5 * 0.2, 5);
    expect(Math.max(...picked.map((t) => t.weight / candidates.find((c) => c.term === t.term)!.weight))).toBeCloseTo(1, 5);
  });

  it('leaves the weights alone when nothing co-occurs', async () => {
    const lone = [term('glaze', '釉'), term('battery', '电池')];
    expect(await weighByCoherence(corpus, lone, lone)).toEqual(lone);
  });
});
