import { describe, expect, it } from 'vitest';
import { CountTable } from '../../src/embeddings/countTable.js';
import { fitLsa, foldIn } from '../../src/embeddings/lsaModel.js';
import { termCounts, tokenizeText } from '../../src/search/tokenizeText.js';

const DOCS = [
  '冷库制冷系统节能改造研究，压缩机能耗降低',
  '冷库压缩机节能运行与制冷能耗分析',
  '水稻热泵干燥技术应用，干燥温度与稻谷品质',
  '热泵干燥水稻的能耗与品质研究',
  'Waste heat recovery from kiln exhaust with a plate heat exchanger',
  'Kiln exhaust waste heat preheats combustion air',
  'Regenerative braking stores energy in the battery of an electric van',
  'Electric van battery charged by regenerative braking',
];

const table = CountTable.of(DOCS.map((d, i) => [i, termCounts(tokenizeText(d))]));

describe('the offline LSA model', () => {
  it('keeps words in its vocabulary, not the index character bigrams of Chinese text', () => {
    expect([...table.terms].some((t) => t.startsWith('_'))).toBe(true); // the index has them
    const model = fitLsa(table, { dim: 4 });
    expect(model.terms).toEqual(expect.arrayContaining(['冷库', '压缩机', '热泵', '水稻', 'kiln', 'brak']));
    expect(model.terms.filter((t) => t.startsWith('_'))).toEqual([]);
  });

  it('places outcomes on the same subject closer together than outcomes on others', () => {
    const model = fitLsa(table, { dim: 4 });
    const row = new Map(model.terms.map((t, i) => [t, i]));
    const embed = (text: string) =>
      foldIn([...termCounts(tokenizeText(text))].flatMap(([t, c]) => {
        const i = row.get(t);
        return i === undefined ? [] : [{ weight: c * model.idf[i]!, vector: model.projection.subarray(i * model.dim, (i + 1) * model.dim) }];
      }), model.dim);
    const cos = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i]!, 0);
    const coldStore = embed('冷库 压缩机 节能');
    expect(cos(coldStore, embed(DOCS[1]!))).toBeGreaterThan(cos(coldStore, embed(DOCS[3]!)));
    const kiln = embed('kiln waste heat');
    expect(cos(kiln, embed(DOCS[5]!))).toBeGreaterThan(cos(kiln, embed(DOCS[7]!)));
  });
});
