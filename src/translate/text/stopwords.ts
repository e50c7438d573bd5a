/**
 * English function words (the NLTK stop-word list), dropped before term weighting — the same
 * kind of list the reference BM25 tokenisation in shared/data uses.
 */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(
  `i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers
herself it its itself they them their theirs themselves what which who whom this that these those am is are
was were be been being have has had having do does did doing a an the and but if or because as until while of
at by for with about against between into through during before after above below to from up down in out on off
over under again further then once here there when where why how all any both each few more most other some such
no nor not only own same so than too very s t can will just don should now d ll m o re ve y ain aren couldn didn
doesn hadn hasn haven isn ma mightn mustn needn shan shouldn wasn weren won wouldn`.split(/\s+/),
);

/**
 * Words of the business conversation around a need (who asks, what they want, what it costs,
 * whom they hope to work with),
 * not of its technical content: kept out of the translated and expanded terms, where they only
 * add noise ("want" → 想要, "fix" → 修理). The need's own text still carries them to the search,
 * where BM25 gives them little weight.
 */
export const NEED_TALK_WORDS: ReadonlySet<string> = new Set(
  `need needs needed want wants wanted wish like would could may might must shall get gets got getting make makes made
making run runs running use used using way ways better best good bad fix fixed fixing solve solution solutions help
idea ideas option options anything something someone anyone thing things lot lots kind sort know think say says said
tell ask asked asking look looking find finding try trying work works worked right now currently today still already
also even really always often sometimes every week weeks month months year years day days time times quarter
company companies firm business businesses customer customers client clients management manager managers board boss
owner owners team staff vendor vendors supplier suppliers competition competitor competitors market price prices cost
costs costly expensive cheap cheaper money budget budgets fortune bill bills profit profits sell selling sold buy buying
bought pay paying paid afford save saving savings worth invest investment plan plans planning project projects
problem problems issue issues concern concerns complain complaint complaints headache question questions answer
approach smarter smart different differently new next old big small large little much many several whether
university universities professor professors academic academics partner partners partnership collaborate collaboration
cooperate cooperation`.split(/\s+/),
);

/**
 * English number words: they say how many, not what ("within two years"), as jieba's numeral
 * tag (m) does for Chinese; the need's digits never reach the terms either.
 */
export const NUMBER_WORDS: ReadonlySet<string> = new Set(
  `one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty sixty seventy
eighty ninety hundred hundreds thousand thousands million millions billion billions dozen dozens half`.split(/\s+/),
);

/** Chinese words of the same kind (jieba words; very common ones already fall to the IDF cut). */
export const NEED_TALK_WORDS_ZH: ReadonlySet<string> = new Set(
  `我们 我司 公司 厂里 老板 领导 客户 厂家 供应商 想要 希望 需要 打算 考虑 了解 知道 办法 方法 方案 成熟 有没有
什么 比较 合适 靠谱 省钱 成本 费用 价格 便宜 预算 投资 花钱 赚钱 效益 问题 麻烦 头疼 政策 现在 目前 经常 总是 老是 一直
高校 大学 院校 科研院所 研究所 教授 专家 合作 对接`.split(/\s+/),
);

/**
 * Chinese interrogatives (怎么, 如何, 哪种…) and the longer words jieba glues them into (怎么办
 * "what's to be done", 怎样才能 "how can one", 哪些因素 "which factors", 多少钱): a need's
 * questions ask, they do not name anything technical. jieba's dictionary holds dozens of such
 * compounds, all beginning with one of these.
 */
export const INTERROGATIVE_ZH = /^(怎|如何|为什么|为何|哪|多少)/;
