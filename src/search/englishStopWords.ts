/** English function words dropped before indexing and querying (a common IR list, ~170 words). */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all am an and any are aren as at be because been before being below between
  both but by can cannot could couldn did didn do does doesn doing don down during each few for from further had hadn
  has hasn have haven having he her here hers herself him himself his how i if in into is isn it its itself just let
  me more most mustn my myself no nor not now of off on once only or other ought our ours ourselves out over own same
  shan she should shouldn so some such than that the their theirs them themselves then there these they this those
  through to too under until up very was wasn we were weren what when where which while who whom why will with won
  would wouldn you your yours yourself yourselves also may might must shall us via per etc thus hence whether within
  without upon among amongst however therefore yet s t ll ve re d m`
    .split(/\s+/)
    .filter(Boolean),
);

/** Chinese function words and fillers dropped after segmentation (bigrams still cover any mistake). */
export const CHINESE_STOP_WORDS: ReadonlySet<string> = new Set(
  `的 了 是 在 和 与 及 或 也 都 就 而 并 又 被 把 将 对 从 向 于 以 为 之 其 这 那 这个 那个 这些 那些 我 我们 你 你们
  他 他们 她 它 它们 有 没有 有没有 一个 一些 什么 怎么 怎么样 如何 能 能否 可以 可能 会 要 想 需要 吗 呢 吧 啊 呀 着 过 等
  个 很 太 更 最 还 还是 但 但是 如果 因为 所以 而且 以及 通过 进行 一直 现在 目前 已经 比较 非常 一下 不 不能 不会 是否 哪些 哪里
  有些 这样 那样 这么 那么 各种 之间 其中 用 让 给 帮 请 问 说`
    .split(/\s+/)
    .filter(Boolean),
);
