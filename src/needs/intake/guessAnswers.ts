/**
 * Answers the description already gives, so the intake does not ask for them again.
 * Deliberately cautious: only clear keywords count.
 */
const SECTOR_WORDS: Record<string, RegExp> = {
  energy: /\b(batter(y|ies)|solar|photovoltaic|wind turbine|hydrogen|grid)\b|电池|光伏|储能|氢能|电网/iu,
  health: /\b(hospital|medical|clinical|patients?|drug|diagnos\w*)\b|医院|医疗|药物|诊断|患者/iu,
  agrifood: /\b(crops?|farm\w*|food|dairy|livestock|harvest)\b|农业|作物|食品|养殖/iu,
  ict: /\b(software|cloud|network|machine learning|app)\b|软件|网络|云计算|人工智能/iu,
  transport: /\b(vehicles?|logistics|railway|trucks?|aviation)\b|车辆|物流|铁路|航空/iu,
  environment: /\b(wastewater|emissions?|pollution|recycling)\b|污水|废水|排放|污染|回收/iu,
  materials: /\b(coating|polymer|alloy|ceramic|corrosion|composite)s?\b|涂层|聚合物|合金|陶瓷|腐蚀|复合材料/iu,
  manufacturing: /\b(factory|machining|assembly line|production line|welding)\b|工厂|加工|生产线|焊接/iu,
};

export function guessAnswers(text: string): Record<string, string> {
  const found: Record<string, string> = {};
  const sectors = Object.entries(SECTOR_WORDS).filter(([, re]) => re.test(text));
  if (sectors.length === 1) found.sector = sectors[0]![0];
  return found;
}
