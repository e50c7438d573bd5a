import type { Db } from '../../storage/db.js';
import { migrate } from '../../storage/migrate.js';
import { ingestOutcomes, type IngestSummary } from '../../src/outcomes/ingest.js';
import type { SourceRow } from '../../src/outcomes/readers/sourceRow.js';
import { createOutcomeIndexer } from '../../src/search/outcomeIndexer.js';
import type { EmbeddingSettings } from '../../src/embeddings/embeddingSettings.js';

/** A small mixed store: patents and papers, English and Chinese, with metadata to filter on. */
export const OUTCOMES: Record<string, unknown>[] = [
  { sourceId: 'P-KILN', kind: 'patent', title: 'Heat exchanger for ceramic kiln exhaust', abstract: 'A plate heat exchanger recovers waste heat from ceramic kiln exhaust gases. The recovered heat preheats combustion air and cuts fuel use.', institution: 'Tongji University', disciplines: ['thermal engineering'], keywords: ['waste heat', 'kiln'], year: 2019, trl: 6, ipStatus: 'granted', region: 'CN', language: 'en' },
  { sourceId: 'P-BRAKE', kind: 'patent', title: 'Regenerative braking for electric delivery vans', abstract: 'An electric motor works as a generator while braking, storing energy in the battery. A controller blends friction and regenerative braking.', institution: 'Example Motors Lab', disciplines: ['vehicle engineering'], keywords: ['regenerative braking'], year: 2016, trl: 7, ipStatus: 'granted', region: 'EP', language: 'en' },
  { sourceId: 'P-HRV', kind: 'patent', title: 'Ventilation unit with rotary heat recovery wheel', abstract: 'A ventilation unit recovers heat from exhaust air with a rotary wheel. Fresh air is warmed before it enters the building.', institution: 'Nordic Building Institute', disciplines: ['building services'], keywords: ['heat recovery ventilation'], year: 2012, trl: 8, ipStatus: 'expired', region: 'EP', language: 'en' },
  { sourceId: 'C-COLD', kind: 'paper', title: '冷库制冷系统节能改造研究', abstract: '针对冷库压缩机长期运行、耗电量大的问题，研究了制冷系统的节能改造方案。结果表明改造后能耗降低百分之二十。', institution: '华南农业大学', disciplines: ['工学', '制冷及低温工程'], keywords: ['冷库', '节能', '制冷'], year: 2018, region: 'CN', language: 'zh' },
  { sourceId: 'C-RICE', kind: 'paper', title: '水稻干燥过程的热泵技术应用', abstract: '介绍了热泵干燥技术在水稻干燥中的应用，分析了干燥温度对稻谷品质的影响。', institution: '南京农业大学', disciplines: ['农学'], keywords: ['热泵', '干燥', '水稻'], year: 2015, region: 'CN', language: 'zh' },
  { sourceId: 'A-ASTRO', kind: 'paper', title: 'Dark matter halos in dwarf galaxies', abstract: 'We model the rotation curves of dwarf galaxies and constrain the density profile of dark matter halos.', disciplines: ['astrophysics'], year: 2021, language: 'en' },
  { sourceId: 'P-ENGINE', kind: 'patent', title: 'Organic Rankine cycle for engine waste heat', abstract: 'An organic Rankine cycle converts exhaust heat of a diesel engine into electricity. The evaporator sits in the exhaust line.', institution: 'Tongji University', disciplines: ['thermal engineering'], keywords: ['waste heat', 'ORC'], year: 2020, trl: 4, ipStatus: 'pending', region: 'CN', language: 'en' },
  { sourceId: 'P-FURNACE', kind: 'patent', title: 'Regenerative burner for steel reheating furnace', abstract: 'Ceramic regenerators store heat of the furnace flue gas and release it to the combustion air, saving fuel.', institution: 'Tongji University', disciplines: ['metallurgy'], keywords: ['waste heat', 'furnace'], year: 2014, trl: 9, ipStatus: 'granted', region: 'CN', language: 'en' },
  { sourceId: 'P-CEMENT', kind: 'patent', title: 'Waste heat power generation in cement plants', abstract: 'Preheater and cooler exhaust heat of a cement kiln drives a steam turbine generator.', institution: 'Tongji University', disciplines: ['thermal engineering'], keywords: ['waste heat', 'cement', 'kiln'], year: 2017, trl: 8, ipStatus: 'granted', region: 'CN', language: 'en' },
  { sourceId: 'P-GLASS', kind: 'patent', title: 'Glass furnace flue gas heat recovery boiler', abstract: 'A boiler recovers waste heat of glass furnace flue gas to make steam.', institution: 'Tongji University', disciplines: ['thermal engineering'], keywords: ['waste heat', 'glass'], year: 2013, trl: 7, ipStatus: 'granted', region: 'CN', language: 'en' },
  { sourceId: 'K-LAB', kind: 'capability', title: 'Kiln waste heat test rig', abstract: 'A pilot rig to test heat exchangers on real kiln exhaust at up to 600 °C.', institution: 'Shanghai Thermal Lab', disciplines: ['thermal engineering'], keywords: ['kiln', 'waste heat'], trl: 5, region: 'CN', language: 'en' },
  { sourceId: 'A-CRYPTO', kind: 'paper', title: 'Lattice-based signatures', abstract: 'We construct a lattice-based signature scheme secure in the quantum random oracle model.', disciplines: ['cryptography'], year: 2022, language: 'en' },
];

export async function* rowsOf(records: readonly Record<string, unknown>[]): AsyncGenerator<SourceRow> {
  let line = 0;
  for (const record of records) yield { line: ++line, record };
}

/** Migrates the database and imports the records with the search indexer. */
export async function loadOutcomes(db: Db, records = OUTCOMES, settings: EmbeddingSettings = { provider: 'offline' }): Promise<IngestSummary> {
  await migrate(db);
  return ingestOutcomes(db, rowsOf(records), { source: 'test', actor: 'test', indexer: createOutcomeIndexer(settings) });
}
