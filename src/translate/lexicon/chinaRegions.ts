import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { packageFile } from './packagePath.js';

/**
 * China's provinces and prefecture-level cities (the china-area-data package: GB/T 2260 codes and
 * names) as a need may name them: in full (广东省, 苏州市, 延边朝鲜族自治州) or short (广东, 内蒙古, 苏州).
 * A city's short name is only taken after a word that says where (在苏州, 位于佛山): alone, 白银
 * (Baiyin) is silver, 大理 begins 大理石 "marble" and 普洱 is a tea.
 */
export interface ChinaRegions {
  /** The first region a Chinese text names, as written there; undefined when it names none. */
  find(text: string): string | undefined;
}

/** data.json: {"86": {code: province}, provinceCode: {code: city}, cityCode: {code: district}}. */
const areaData = z.record(z.string(), z.record(z.string(), z.string()));

/** Entries under a province that are no place names (直辖市's "市辖区", "县", "省直辖县级行政区划"). */
const NOT_A_PLACE = /^(市辖区|县|.*直辖.*)$/;

let cached: ChinaRegions | undefined;

export function chinaRegions(): ChinaRegions {
  cached ??= load();
  return cached;
}

function load(): ChinaRegions {
  const data = areaData.parse(JSON.parse(readFileSync(packageFile('china-area-data', 'data.json'), 'utf8')));
  const provinces = Object.entries(data['86'] ?? {});
  const cities = provinces.flatMap(([code]) => Object.values(data[code] ?? {})).filter((name) => !NOT_A_PLACE.test(name));
  const provinceNames = provinces.map(([, name]) => name);
  const anywhere = [...provinceNames, ...cities, ...provinceNames.map(provinceShortName)].filter((n) => [...n].length >= 2);
  const afterWhere = cities.map(cityShortName).filter((n) => [...n].length >= 2);
  const alternatives = (names: string[]) => [...new Set(names)].sort((a, b) => b.length - a.length).join('|');
  const pattern = new RegExp(`(?:在|位于|地处|来自|落户)(${alternatives(afterWhere)})|(${alternatives(anywhere)})`);
  return {
    find(text) {
      const m = text.match(pattern);
      return m ? (m[1] ?? m[2]) : undefined;
    },
  };
}

/** A province as it is usually called: 广西壮族自治区 → 广西, 新疆维吾尔自治区 → 新疆, 黑龙江省 → 黑龙江. */
function provinceShortName(name: string): string {
  const short = [...name.replace(/(省|市|特别行政区|自治区)$/, '')];
  return (short.length > 3 ? short.slice(0, 2) : short).join('');
}

/** A prefecture as it is usually called: 苏州市 → 苏州, 大兴安岭地区 → 大兴安岭; an autonomous prefecture only in full. */
function cityShortName(name: string): string {
  return name.endsWith('自治州') ? name : name.replace(/(市|地区|盟)$/, '');
}
