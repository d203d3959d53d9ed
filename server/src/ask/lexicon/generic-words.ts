/**
 * Words too generic to identify a dimension value on their own ("yes", "否", "other"): a value with
 * such a label is matched only together with its dimension ("技术支持为否", "no tech support").
 */
export const GENERIC_VALUE_WORDS = new Set([
  'yes',
  'no',
  'true',
  'false',
  'y',
  'n',
  'other',
  'others',
  'unknown',
  'none',
  'null',
  'na',
  'n a',
  '是',
  '否',
  '有',
  '无',
  '其他',
  '未知',
  '男',
  '女',
  '空',
  '高',
  '中',
  '低',
]);

/** Words naming people in general: a bare one is not a metric ("客户" alone → ask which count). */
export const ENTITY_WORDS = [
  '客户',
  '用户',
  '顾客',
  '会员',
  '客人',
  'customers',
  'customer',
  'users',
  'user',
  'clients',
  'client',
  // the unit a telco counts (門號 = a subscriber line), and subscribers / accounts in English
  '门号',
  '订户',
  'subscribers',
  'accounts',
];

/**
 * Heads of Chinese names that take 的 in speech: "沉睡客户" is also said "沉睡的客户", "挽回活动成功率"
 * "挽回活动的成功率" (match/catalog-index.ts adds the 的 form of every name ending in one).
 */
export const DE_HEADS_ZH = ['客户', '用户', '老客', '会员', '客人', '顾客', '人数', '成功率', '比例', '占比'];

/** Words joining a dimension and its value ("技术支持为否", "satisfaction score of 5"). */
export const VALUE_CONNECTORS = { zh: ['', '为', '是', '只有', '等于'], en: [' ', ' is ', ' = ', ' of '] };
/** A verb of giving a score between a score's name and its value ("满意度只打了1分", "仅给了2分", "rated 1"). */
export const SCORING_CONNECTOR =
  /^\s*(?:(?:只|仅|都)?(?:有|为|是|打了?|给了?|评了?|选了?)|(?:only\s+)?(?:rated|gave|scored)(?:\s+only)?)\s*$/i;

/** Words asking whether a dimension holds ("是否老年客户", "有无技术支持"): the dimension itself. */
export const WHETHER_PREFIXES_ZH = ['是否', '有无', '是不是', '有没有'];

/** Stored values meaning yes / no, for "with X" / "without X" on a yes-no dimension. */
export const YES_VALUES = ['yes', 'true', '是', '有'];
export const NO_VALUES = ['no', 'false', '否', '无', '没有'];

/** "有技术支持", "with tech support" → yes; "没有技术支持", "without tech support" → no. */
export const WITH_PREFIXES = { zh: ['有', '开通', '开通了', '带'], en: ['with', 'has', 'have', 'having'] };
/** "with and without tech support", "有和没有技术支持": the yes and the no value, compared. */
export const BOTH_PREFIXES = { zh: ['有和没有', '有或没有'], en: ['with and without', 'with or without'] };
export const WITHOUT_PREFIXES = {
  zh: ['没有', '无', '没开', '未开通', '不带', '非', '不是'],
  en: ['without', 'no', 'not having'],
};

/** Words asking for the whole population, every region ("全国", "nationwide"): what row-level security may narrow. */
export const WHOLE_SCOPE_WORDS = [
  '全国',
  '全公司',
  '全部地区',
  '所有地区',
  '各地区加起来',
  '整个公司',
  'nationwide',
  'all regions',
  'every region',
  'company-wide',
  'companywide',
  'whole company',
  'across the country',
];

/**
 * Words after the name of the model's business that only say "that part of the company" ("电信业务",
 * "telco side", "the telco dataset"): understood with the name, never a filter.
 */
export const MODEL_TAIL_WORDS = [
  '业务线',
  '业务',
  '板块',
  '方面',
  '这块',
  '那块',
  '的数据',
  '数据',
  '侧',
  'side',
  'business',
  'dataset',
  'data set',
  'data',
  'numbers',
  'book',
];

/** Words naming the customer-id column of a customer list ("list the IDs of…", "客户编号"): the list's own column. */
export const LIST_ID_WORDS = [
  'ids',
  'id',
  'id numbers',
  'customer ids',
  '编号',
  '客户编号',
  'id号',
  '账号',
  '名字',
];

/**
 * Words asking for the kinds of the thing counted ("哪类工单最多", "按类别拆开", "which type of tickets"):
 * with no dimension named they group by the metric's own kind dimension (a dimension named after the
 * metric's entity + one of KIND_HEADS: 工单类别, Ticket category).
 */
export const KIND_WORDS = {
  zh: [
    '哪类',
    '哪一类',
    '哪几类',
    '哪些类',
    '哪种',
    '哪一种',
    '哪几种',
    '什么类型',
    '啥类型',
    '什么类别',
    '啥类别',
    '哪个类别',
    '哪个类型',
    '按类别',
    '按类型',
    '按种类',
    '按分类',
    '分类别',
    '分类型',
    '各类',
    '各类别',
    '各类型',
    '每类',
    '每一类',
    '几大类',
    '哪几大类',
  ],
  en: [
    'which type',
    'which types',
    'what type',
    'what types',
    'which kind',
    'which kinds',
    'what kind',
    'what kinds',
    'by category',
    'by type',
    'by kind',
    'per category',
    'per type',
  ],
};
/** The ends of a kind dimension's name. */
export const KIND_HEADS = { zh: ['类别', '类型', '种类', '分类'], en: ['category', 'type', 'kind'] };
/** What a dimension's own coarser kind is named with ("流失原因" + 大类 = 流失原因大类 → churn category). */
export const COARSER_HEADS = {
  zh: ['大类', '类别', '分类', '类型'],
  en: ['category', 'categories', 'type', 'group'],
};

/**
 * Words for "the factors" in general ("which features drive churn", "哪些因素影响流失"): never the name of a
 * factor the data lacks, so a drivers question naming only these is answered over the known factors.
 */
export const FACTOR_WORDS = new Set([
  'features',
  'feature',
  'factors',
  'factor',
  'variables',
  'variable',
  'attributes',
  'attribute',
  'drivers',
  'driver',
  'things',
  'predictors',
  'signals',
  '因素',
  '特征',
  '变量',
  '指标',
  '哪些因素',
  '什么因素',
  '哪些特征',
  '什么特征',
  // how strong the drivers asked for are ("the strongest drivers", "the key factors"): no factor of their own
  'strongest',
  'strong',
  'biggest',
  'main',
  'key',
  'major',
  'primary',
  'important',
  'most important',
  'leading',
  // the population the drivers are read over ("the telco base", "our subscriber base")
  'base',
  'customer base',
  'subscriber base',
  '玩意儿',
  '玩意',
]);

/**
 * A value said as what the answer is for ("名单明天外呼用", "短信用"), right after it at a clause end: a purpose,
 * not a filter on that value (rules/members.ts). Never 用户/用券 (users, coupon use).
 */
export const PURPOSE_AFTER = /^(?:用|要用|来用|使用|用的)(?![户券])(?=[\s，,。.!！?？]|$)/;

/** "其他付款方式", "other payment methods", "the rest of the regions": the rest of a dimension, right before its name. */
export const OTHERS_BEFORE =
  /(?:其他|其它|其余|别的|剩下的|other|all other|the other|the rest of(?: the)?)(?:的)?\s*$/;
/** "vs the rest", "和其他人比", "everyone else": the rest of the one value's dimension, no name said. */
export const OTHERS_ALONE =
  /其他人|其他客户|其他用户|其余的人|其余客户|其他的人|the rest\b|everyone else|all others|the others|other customers/;
