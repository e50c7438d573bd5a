/**
 * The fixed discipline taxonomy: OECD Fields of Science and Technology (FOS 2007, the revised
 * field classification of the Frascati Manual, "Revised Field of Science and Technology
 * Classification in the Frascati Manual", OECD DSTI/EAS/STP/NESTI(2006)19/FINAL). Codes and
 * English labels as published; the notes abridge the published explanatory notes, with a few
 * example terms added by Liaison (used only to suggest disciplines offline);
 * Chinese labels are Liaison's translation.
 */
export interface FosField {
  code: string;
  en: string;
  zh: string;
  notes: string;
}

export const FOS_2007: readonly FosField[] = [
  { code: '1.1', en: 'Mathematics', zh: '数学', notes: 'pure mathematics applied mathematics statistics probability algebra geometry topology' },
  { code: '1.2', en: 'Computer and information sciences', zh: '计算机与信息科学', notes: 'computer science information science bioinformatics software algorithm data machine learning network cryptography' },
  { code: '1.3', en: 'Physical sciences', zh: '物理科学', notes: 'atomic molecular chemical physics condensed matter particle nuclear fluids plasma optics acoustics astronomy astrophysics space science' },
  { code: '1.4', en: 'Chemical sciences', zh: '化学科学', notes: 'organic chemistry inorganic nuclear chemistry physical chemistry polymer science electrochemistry colloid analytical chemistry' },
  { code: '1.5', en: 'Earth and related environmental sciences', zh: '地球与相关环境科学', notes: 'geosciences mineralogy palaeontology geochemistry geophysics physical geography geology volcanology environmental sciences meteorology atmospheric climate oceanography hydrology water resources' },
  { code: '1.6', en: 'Biological sciences', zh: '生物科学', notes: 'cell biology microbiology virology biochemistry molecular biology genetics botany zoology ecology' },
  { code: '1.7', en: 'Other natural sciences', zh: '其他自然科学', notes: 'other natural sciences' },
  { code: '2.1', en: 'Civil engineering', zh: '土木工程', notes: 'civil engineering architecture engineering construction engineering municipal structural engineering transport engineering road bridge dam foundation soil concrete asphalt' },
  { code: '2.2', en: 'Electrical engineering, electronic engineering, information engineering', zh: '电气工程、电子工程、信息工程', notes: 'electrical electronic engineering robotics automatic control systems engineering communication engineering telecommunications computer hardware motor battery power grid controller' },
  { code: '2.3', en: 'Mechanical engineering', zh: '机械工程', notes: 'mechanical engineering applied mechanics thermodynamics aerospace engineering nuclear related engineering audio engineering reliability analysis heat engine turbine pump machining cutting vehicle brake' },
  { code: '2.4', en: 'Chemical engineering', zh: '化学工程', notes: 'chemical engineering plants products chemical process engineering reactor distillation drying separation catalyst' },
  { code: '2.5', en: 'Materials engineering', zh: '材料工程', notes: 'materials engineering ceramics coatings films composites laminates reinforced plastics cermets fibres paper wood textiles metallurgy alloy cement' },
  { code: '2.6', en: 'Medical engineering', zh: '医学工程', notes: 'medical engineering medical laboratory technology' },
  { code: '2.7', en: 'Environmental engineering', zh: '环境工程', notes: 'environmental engineering geological engineering geotechnics petroleum engineering energy and fuels remote sensing mining mineral processing marine engineering wastewater waste treatment pollution emission recycling landfill heat recovery' },
  { code: '2.8', en: 'Environmental biotechnology', zh: '环境生物技术', notes: 'environmental biotechnology bioremediation diagnostic biotechnologies environmental' },
  { code: '2.9', en: 'Industrial biotechnology', zh: '工业生物技术', notes: 'industrial biotechnology bioprocessing biocatalysis fermentation bioproducts biomaterials bioplastics biofuels' },
  { code: '2.10', en: 'Nano-technology', zh: '纳米技术', notes: 'nano materials nano processes nanoparticle' },
  { code: '2.11', en: 'Other engineering and technologies', zh: '其他工程与技术', notes: 'food and beverages other engineering technologies food processing packaging' },
  { code: '3.1', en: 'Basic medicine', zh: '基础医学', notes: 'anatomy morphology human genetics immunology neurosciences pharmacology pharmacy medicinal chemistry toxicology physiology pathology' },
  { code: '3.2', en: 'Clinical medicine', zh: '临床医学', notes: 'andrology obstetrics gynaecology paediatrics cardiac cardiovascular systems haematology anaesthesiology orthopaedics radiology oncology surgery patient clinical' },
  { code: '3.3', en: 'Health sciences', zh: '健康科学', notes: 'health care sciences nursing nutrition dietetics public health epidemiology occupational health sport' },
  { code: '3.4', en: 'Medical biotechnology', zh: '医学生物技术', notes: 'health-related biotechnology technologies involving manipulation of cells tissues organs' },
  { code: '3.5', en: 'Other medical sciences', zh: '其他医学科学', notes: 'forensic science other medical sciences' },
  { code: '4.1', en: 'Agriculture, forestry, and fisheries', zh: '农业、林业和渔业', notes: 'agriculture forestry fisheries agronomy plant breeding plant protection soil science horticulture crop seed greenhouse irrigation' },
  { code: '4.2', en: 'Animal and dairy science', zh: '畜牧与乳品科学', notes: 'animal and dairy science husbandry livestock meat' },
  { code: '4.3', en: 'Veterinary science', zh: '兽医学', notes: 'veterinary science' },
  { code: '4.4', en: 'Agricultural biotechnology', zh: '农业生物技术', notes: 'agricultural biotechnology food biotechnology GM technology livestock cloning' },
  { code: '4.5', en: 'Other agricultural sciences', zh: '其他农业科学', notes: 'other agricultural sciences' },
  { code: '5.1', en: 'Psychology', zh: '心理学', notes: 'psychology' },
  { code: '5.2', en: 'Economics and business', zh: '经济学与商学', notes: 'economics econometrics industrial relations business management finance market' },
  { code: '5.3', en: 'Educational sciences', zh: '教育学', notes: 'education training pedagogy' },
  { code: '5.4', en: 'Sociology', zh: '社会学', notes: 'sociology demography anthropology' },
  { code: '5.5', en: 'Law', zh: '法学', notes: 'law criminology penology' },
  { code: '5.6', en: 'Political science', zh: '政治学', notes: 'political science public administration' },
  { code: '5.7', en: 'Social and economic geography', zh: '社会与经济地理', notes: 'environmental sciences social aspects cultural economic geography urban studies planning transport planning' },
  { code: '5.8', en: 'Media and communications', zh: '媒体与传播', notes: 'journalism information science social library media communication' },
  { code: '5.9', en: 'Other social sciences', zh: '其他社会科学', notes: 'social sciences interdisciplinary' },
  { code: '6.1', en: 'History and archaeology', zh: '历史与考古', notes: 'history archaeology' },
  { code: '6.2', en: 'Languages and literature', zh: '语言与文学', notes: 'linguistics literature' },
  { code: '6.3', en: 'Philosophy, ethics and religion', zh: '哲学、伦理与宗教', notes: 'philosophy ethics religion theology' },
  { code: '6.4', en: 'Arts', zh: '艺术', notes: 'arts history of art performing arts music design architectural design' },
  { code: '6.5', en: 'Other humanities', zh: '其他人文学科', notes: 'other humanities' },
];

export const FOS_CODES = FOS_2007.map((f) => f.code) as [string, ...string[]];

export const fosField = (code: string): FosField | undefined => FOS_2007.find((f) => f.code === code);
