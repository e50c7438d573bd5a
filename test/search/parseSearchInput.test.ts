import { describe, expect, it } from 'vitest';
import { parseSearchInput } from '../../src/search/parseSearchInput.js';
import { UserFacingError } from '../../src/errors.js';

describe('parseSearchInput', () => {
  it('separates text from filters', () => {
    expect(parseSearchInput('heat pump kind:patent,paper trl:4-7 region:cn year:2015-2020 discipline:"thermal engineering" institution:\'Zhejiang University\' ip:granted')).toEqual({
      text: 'heat pump',
      filters: {
        kinds: ['patent', 'paper'], trlMin: 4, trlMax: 7, regions: ['CN'], yearMin: 2015, yearMax: 2020,
        disciplines: ['thermal engineering'], institutions: ['Zhejiang University'], ipStatus: ['granted'],
      },
    });
  });

  it('reads single values and open ranges, and keeps unknown key:value words as text', () => {
    expect(parseSearchInput('ratio 3:1 note:x trl:6+ year:2019')).toEqual({ text: 'ratio 3:1 note:x', filters: { trlMin: 6, trlMax: undefined, yearMin: 2019, yearMax: 2019 } });
    expect(parseSearchInput('patents kind:patents').filters.kinds).toEqual(['patent']);
  });

  it.each(['trl:12', 'trl:0', 'trl:x', 'trl:7-3', 'year:99999', 'kind:spaceship'])('%s is refused with a message', (f) => {
    expect(() => parseSearchInput(`kiln ${f}`)).toThrow(UserFacingError);
  });
});
