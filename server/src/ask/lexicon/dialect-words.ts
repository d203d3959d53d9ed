/**
 * Cantonese (粤语) wording read as Mandarin, on text already converted to simplified characters
 * (流失咗幾多個客 → 流失了多少个客户; 點解 → 为什么; 邊個地區 → 哪个地区). Language vocabulary, not model
 * vocabulary: applied only when the question carries a Cantonese marker, each change named back.
 */

/** A word only Cantonese uses: its presence turns the mapping on ("同" and "系" are Mandarin too). */
export const CANTONESE_MARKERS =
  /咗|嘅|啲|冇|嗰|𠮶|哋|咩|喺|佢|乜|嚟|睇|揾|俾|畀|攞|几多|几耐|点解|点样|点做|边个|边种|边度|边间|边位|边类|边区|边市|而家|今季|搞掂|旧年|琴日|听日|隔篱|帮衬|唔该|留返|啱啱|头先/u;

/** [pattern, Mandarin], in order (longer phrases first). */
export const CANTONESE_WORDS: [RegExp, string][] = [
  [/几多/g, '多少'],
  [/几耐/g, '多久'],
  [/点解/g, '为什么'],
  [/点样/g, '怎样'],
  [/点做/g, '怎么做'],
  // 点 = how after a modal (应该点 retain, 可以点留住): 应该点 → 应该怎么
  [/(?<=应该|应|可以|要怎|该)点(?=\s*[a-z]|\s*[留挽搞做处跟])/gi, '怎么'],
  // 返 = back after an English verb (retain 返啲客 → retain 些客户)
  [/(?<=[a-z]\s?)返(?=\s?[些啲])/gi, ''],
  [/点算/g, '怎么办'],
  // 走 = to leave (churn) after a likelihood word: 最易走, 好大机会走, 会唔会走
  [/(?:好大|好高|大)机会走/g, '很可能流失'],
  [/(?<=[最好更]|最不|更不)易走/g, '容易流失'],
  [/乜嘢/g, '什么'],
  [/咩/g, '什么'],
  // 边度 = where: in a question about the data, which region (named back)
  [/边度|边处/g, '哪些地区'],
  // 边啲 = which ones (有边啲有流失风险 → 有哪些有流失风险)
  [/边啲/g, '哪些'],
  [/边(?=[个种间位类家区市省])/g, '哪'],
  [/而家/g, '现在'],
  [/今季/g, '本季度'],
  [/我哋/g, '我们'],
  [/佢哋/g, '他们'],
  [/佢/g, '他'],
  [/咗/g, '了'],
  [/嘅/g, '的'],
  [/啲/g, '些'],
  [/冇/g, '没有'],
  // 嗰 (OpenCC writes the traditional form as 𠮶)
  [/嗰|𠮶/gu, '那'],
  [/喺/g, '在'],
  [/睇/g, '看'],
  [/揾/g, '找'],
  [/嚟/g, '来'],
  // 係 (simplified 系) = 是, outside Mandarin words with 系 (关系, 系统, 联系, 体系, 系列)
  [/(?<![关联体])系(?![统列数])/g, '是'],
  // 同 = 和, outside 同比/同期/同时/同样/同一
  [/同(?![比期时样一事])/g, '和'],
  // 客 alone = customers ("流失的客多了", "几多个客")
  [/(?<=[的些个位那这])客(?![户人单服诉群])/g, '客户'],
  // 客 right before a verb of leaving (高价值客走咗 → 高价值客户走了), not 顾客/乘客/游客
  [/(?<![顾乘游旅访散户])客(?=走|跑|流失)/g, '客户'],
];

/** More Cantonese, applied with the markers above (咁多 → 那么多, 有冇 → 有没有, 拆开睇 → 分开看). */
export const CANTONESE_MORE_WORDS: [RegExp, string][] = [
  [/有冇/g, '有没有'],
  [/系咪/g, '是不是'],
  [/定系/g, '还是'],
  [/同埋/g, '和'],
  [/咁多/g, '那么多'],
  // 咁 opening a turn = "then" (咁前年嗰次呢？), elsewhere = so (咁高)
  [/(?<=^|[，,。？?！!\s])咁(?=[^多样大高低快慢])/g, '那'],
  [/咁/g, '这么'],
  [/几时/g, '什么时候'],
  [/唔系/g, '不是'],
  [/唔/g, '不'],
  [/仲有/g, '还有'],
  [/拆开/g, '分开'],
  [/嘢/g, '东西'],
  // everyday Cantonese verbs and nouns (Hong Kong and Guangzhou alike)
  [/搞掂|搞定/g, '解决'],
  [/旧年/g, '去年'],
  [/琴日|寻日/g, '昨天'],
  [/听日/g, '明天'],
  [/呢排/g, '最近'],
  [/呢(?=[个些几次])/g, '这'],
  [/隔篱/g, '隔壁'],
  [/帮衬/g, '购买'],
  [/唔该/g, '请'],
  [/攞|拎/g, '拿'],
  [/啱啱/g, '刚刚'],
  [/头先/g, '刚才'],
  // 俾/畀 = 被 before an agent and a verb of taking (俾竞争对手抢咗), else 给 (俾个名单我)
  [/[俾畀](?=[^，。？?！!\s]{1,8}?(?:抢|挖|撬|截|拉|偷|骗|赶|搶))/g, '被'],
  [/[俾畀]/g, '给'],
  // 留返/留翻 = 留住 (keep), 翻单 (repeat order) is model vocabulary
  [/留(?:返|翻)/g, '留住'],
  // 张单 = an order (做咗几多张单, 每张单几多钱)
  [/张单/g, '单'],
  // 单 alone after 的/些 = orders (边度嘅单最多 → 哪些地区的订单最多), not 单价/单均/单号
  [/(?<=[的嘅些啲])单(?![价均号据独元])/g, '订单'],
  // 新开 (会员/客) = newly signed up
  [/新开(?=[了咗]?[^，。？?]{0,6}(?:会员|客))/g, '新增'],
  // 货 = goods: which kind of goods is the category (边类货 → 哪个品类, 各类货 → 各品类)
  [/(?:哪|边|什么|啥|乜)(?:一)?[类种样]货(?:品)?/g, '哪个品类'],
  [/(?:各|每)[类种样]货(?:品)?/g, '各品类'],
];

/**
 * Cantonese grammar words read last, on the Mandarin already produced: 先 after "how / how long" is 才
 * (要几耐先搞掂 → 要多久才解决, 点样先留得住 → 怎样才留得住).
 */
export const CANTONESE_GRAMMAR_WORDS: [RegExp, string][] = [
  [/(?<=(?:多久|怎样|怎么|什么时候|几日|几天)(?:要|可以|会|能|至|至会)?)先/g, '才'],
  // 才可以 / 先可以 = 才能; 留得住 = 留住 (点样先可以留返啲客 → 怎样才能留住些客户)
  [/才可以/g, '才能'],
  [/留得住/g, '留住'],
];

/**
 * Regional Mandarin read as standard Mandarin, in any question (these words are not standard Mandarin, so
 * no marker is needed): Northeastern (哪嘎达, 嘎哈, 咋), Sichuan/Chongqing (啥子, 咋个), Shanghainese
 * (啥辰光, 哪能), spoken northern (啥, 整). Named back like Cantonese.
 */
export const REGIONAL_WORDS: [RegExp, string][] = [
  // Northeastern 跑 = to leave (churn), after the people who leave: 客户跑得最多 = most churned customers,
  // 这客户咋老跑 = keep churning (老/总 = always); 跑 elsewhere (跑量, 跑数) is left alone
  [/(?<=(?:客户|用户|会员|顾客|客人|人)的?)(?:都|又)?跑得?(?=最多|最狠|最凶|最厉害)/g, '流失客户'],
  [/(?<=客户|用户|会员|顾客|客人|人)(?:咋|怎么)?(?:老是?|总是?)跑/g, '怎么总是流失'],
  // 老多了 / 贼多 / 老鼻子了 = a lot; a sale "that was a lot" then "how much money" asks the revenue
  [/卖了?(?:老多了?|贼多|老鼻子了?|很多)吧?[，,\s]*(?:那|这)?(?:到底|究竟)?(?=多少钱)/g, '到底卖了'],
  [/老多了?|老鼻子了?|贼多/g, '很多'],
  // 啥玩意儿 = 什么 (what on earth); 影响客户跑 / 客户跑了 = churn; 整出来 = 找出来 (work it out)
  [/啥玩意儿?|什么玩意儿?/g, '什么'],
  [/(?<=(?:客户|用户|会员|顾客|客人)(?:都|又)?)跑(?=了|掉|[？?，,。！!]|$)/g, '流失'],
  [/整出来/g, '找出来'],
  [/那阵子|那阵儿|那会儿/g, '期间'],
  // H1 / H2 after a year in Chinese (今年 H1, 2025年H2) = the first / second half of that year
  [/(?<=年\s?)H1(?![0-9a-z])\s?/gi, '上半年'],
  [/(?<=年\s?)H2(?![0-9a-z])\s?/gi, '下半年'],
  // "where / which region": 哪嘎达的客户流失得最狠 → 哪些地区的客户…
  [/哪嘎达|哪旮旯|哪疙瘩|哪圪塔|哪嘎|哪块儿|哪些地方|哪个地方|什么地方|啥子地方|啥地方|哪片儿/g, '哪些地区'],
  // "over there" after a place: 哈尔滨那旮旯 → 哈尔滨那边
  [/那旮旯|那嘎达|那疙瘩|这旮旯|这嘎达|这疙瘩|那圪塔/g, '那边'],
  [/啥辰光/g, '什么时候'],
  [/嘎哈|干哈|干啥/g, '干什么'],
  [/啥子/g, '什么'],
  [/咋个/g, '怎么'],
  [/咋整|咋办|咋弄/g, '怎么办'],
  [/咋(?!样)/g, '怎么'],
  [/(?<!什)啥(?!情况)/g, '什么'],
  [/哪能/g, '怎么样'],
  // Sichuan/Chongqing 好多 = 多少 when it asks, i.e. ends the question after 有/是/了 (流失了好多客哦？,
  // 卖了好多钱, 跑了好多个, 流失率是好多); "好多客户流失了" (a statement of "many") is left alone
  [/(?<=[有是了])好多(?=(?:钱|个|位|人|单|客户?)?(?:[哦啊呀呢嘛吗哈噻嘞]|[？?。!！，,]|$))/g, '多少'],
  // 客 alone after 多少 = customers (流失了多少客 → 流失了多少客户)
  [/(?<=多少)客(?![户人单服诉群])/g, '客户'],
  // 女客户流失率 / 男用户流失率: a gender word glued to "customer churn": 的 keeps 女客户 a filter
  [/(?<=(?:^|[^男])[男女])客户(?=流失)/g, '客户的'],
  [/(?<=(?:^|[^男])[男女])用户(?=流失)/g, '用户的'],
];

/**
 * Words a speech recogniser writes for a term it misheard (read as homophones, named back): 环比 heard as
 * 还比/缓比 when no comparand follows ("还比是涨了还是跌了", never "还比上个月高").
 */
export const MISHEARD_WORDS: [RegExp, string][] = [
  [/(?:还比|缓比|换比)(?=是|怎么样|如何|呢|吗|涨|跌|升|降|变|增|减|多少|[？?，,。\s]|$)/g, '环比'],
];

/**
 * Leads after which one character stands for a dimension whose name ends with it (各区, 按区, 哪个省,
 * 边类 → 哪类): the character is read as that dimension's name when exactly one dimension's Chinese name
 * ends with it (catalog-derived in text/correct-question.ts, named back).
 */
export const ONE_CHARACTER_HEAD_LEADS = /(?:各个|各|按照|按|哪个|哪些|哪一个|哪|每个|每一个)/;

/** Characters that may follow such a head ("哪个区的", "按区分开", "各区最…"); else a known word must start there. */
export const AFTER_DIMENSION_HEAD = /[的嘅看分排拆最有是里中和与及都各哪谁呢吗]/;

/**
 * One-character nouns that group people by place or unit (哪个省, 各县, 按店): after a grouping lead and read
 * as no dimension (text/correct-question.ts maps the ones that are), they are named back as unknown.
 */
export const ONE_CHARACTER_GROUPING_NOUNS = /[省县州国镇乡村店部组队]/;

/** One characters that are never a dimension's head after those leads (time units, people, places of 哪). */
export const NOT_DIMENSION_HEADS = /[年季月周天日时期人位次里儿样么些怕的得地]/;
