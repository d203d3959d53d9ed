/**
 * Language of whole messages (issue 13, round 10a): how a long message (an email, a forwarded WeCom
 * note, a Slack post) marks its question part, what a customer id looks like, and the classes of
 * request that are not questions about the data. Words only; the rules that read them live in
 * rules/message-parts.ts, rules/customer-question.ts and rules/scope.ts.
 */

/** Shapes of a customer id anywhere in a question: letters then 5+ digits (C0000888), 4 digits-dash-5 letters (6380-ARCEH). */
export const CUSTOMER_ID_SHAPES: RegExp[] = [/[A-Za-z]{1,3}\d{5,12}/, /\d{4}-[A-Za-z]{5}/];

/** Words right before a code that make it another record's number, not a customer's ("订单号 O12345678"). */
export const OTHER_RECORD_BEFORE =
  /(?:订单|单号|工单|发票|运单|快递|物流单|商品|货号|sku|order|ticket|invoice|shipment|tracking|parcel|product|item)\s*(?:号|编号|id|#|no\.?|number)?\s*[:：#]?\s*$/i;

/**
 * A clause that asks (rules/message-parts.ts): question words and particles, and requests in the
 * imperative. A long message's other clauses are its context (greetings, background, sign-offs).
 */
export const ASKING_WORDS_ZH = [
  '吗',
  '呢',
  '嘛',
  '多少',
  '几个',
  '几位',
  '几家',
  '几成',
  '哪',
  '什么',
  '啥',
  '怎么',
  '怎样',
  '如何',
  '为什么',
  '为啥',
  '是否',
  '是不是',
  '有没有',
  '能不能',
  '可不可以',
  '能否',
  '可否',
  '咋',
  '帮我',
  '帮忙',
  '麻烦',
  '请',
  '给我',
  '发我',
  '拉一下',
  '拉个',
  '拉下',
  '看一下',
  '看下',
  '看看',
  '查一下',
  '查下',
  '查查',
  '算一下',
  '算下',
  '列一下',
  '列出',
  '统计一下',
  '对比一下',
  '比较一下',
  // a restriction or a comparison said as its own sentence refines the question ("只算完成的订单",
  // "跟其他付款方式比一下"): it belongs to the question, not to the context
  '比一下',
  '比比',
  '只算',
  '只看',
  '只统计',
  '只要',
  '不算',
  '不含',
  '不包括',
  '排除',
  '剔除',
  '分析一下',
  '说说',
  '讲讲',
  '告诉我',
  '想知道',
  '想看',
  '想了解',
  '想问',
  '需要一份',
  '求',
];
/**
 * A clause that sets the question against something ("跟其他付费方式比", "和去年比", "compared with other
 * plans", "vs the rest"): it refines the question before it, never context.
 */
export const COMPARING_CLAUSE =
  /^\s*(?:(?:和|同埋|还有|以及|and|also|plus)\s*(?=vs\.?\s|versus\s|compared\s))?(?:(?:跟|和|与|同|比起|相比于?|相较于?|较)[^，,。？?]{1,20}(?:比|相比|比较|对比|比起来)(?:的话|呢|一下)?|(?:compared\s+(?:to|with)|vs\.?|versus|against|relative\s+to)\s+[^,.?]{1,40})\s*[。.!！]?\s*$/i;

/**
 * A clause that only says how many to rank ("给我排前五", "只要前3名", "top 5 please"): it refines the
 * question before it (the ranking's limit), never context.
 */
export const RANKING_CLAUSE =
  /^\s*(?:(?:给我|帮我|请)?(?:排|列|只要|只看|要|看)?(?:一下)?前\s*[0-9一二两三四五六七八九十]+\s*(?:名|个|位)?(?:就行|就好|吧)?|(?:just\s+(?:the\s+)?|only\s+(?:the\s+)?|give\s+me\s+(?:the\s+)?)?(?:top|bottom)\s*\d+(?:\s+(?:only|please))?)\s*[。.!！]?\s*$/i;

/** English asking words at the start of a clause (after "and", "also", "so"), or anywhere for the phrases. */
export const ASKING_START_EN =
  /^(?:(?:and|also|so|but|then|now|quick one|quick question)\s*[,:-]?\s*)?(?:what|what's|whats|which|how|who|whom|why|when|where|is|are|was|were|do|does|did|can|could|would|will|should|has|have|please|pls|kindly|show|give|send|share|pull|list|break|tell|get|provide|compare|find|run|calculate|let me know|i'd like|i would like|i need|we need|need)\b/i;
export const ASKING_PHRASES_EN =
  /\?|\b(?:can|could|would|will) you\b|\b(?:please|pls|kindly)\b|\b(?:i|we)(?:'d| would)? (?:like|want|need|love) to (?:see|know|understand|check|get|have|find out|look at)\b|\b(?:want|wants|wanted|would like|'d like) to know\b|\bwondering\b|\bcurious\b|^\s*(?:only|just) (?:count|include|look at|the)\b|\b(?:exclude|excluding|leave out|leaving out)\b/i;

/**
 * Requests that are not questions about the data, by class (rules/scope.ts `requestClass`): words, joined
 * into patterns by the rule, so a new system, document or parameter is one word here.
 */
/** Another system the assistant would write into ("推到ERP里", "load them into Salesforce"). */
export const OTHER_SYSTEM_WORDS = [
  'erp',
  'crm',
  'oa',
  'sap',
  'wms',
  'oms',
  'pos',
  'mes',
  'salesforce',
  'hubspot',
  'dynamics',
  'netsuite',
  'oracle',
  'jira',
  '系统',
  '后台',
  '平台',
  '外呼系统',
  '企微',
  '钉钉',
  '飞书',
];
/** Verbs of writing into somewhere (zh before a system word; en before into/to + a system word). */
export const INTO_VERBS_ZH = [
  '推到',
  '推进',
  '推送到',
  '导入',
  '导进',
  '导到',
  '写入',
  '写进',
  '同步到',
  '同步进',
  '录入',
  '录进',
  '上传到',
  '灌进',
  '塞进',
  '放进',
  '下发到',
];
export const INTO_VERBS_EN = [
  'push',
  'load',
  'sync',
  'write',
  'upload',
  'import',
  'feed',
  'post',
  'send',
  'enter',
  'insert',
  'put',
];
/** Business documents the assistant would produce ("生成下个月的补货单", "raise a purchase order"). */
export const BUSINESS_DOCUMENTS = [
  '补货单',
  '采购单',
  '订货单',
  '进货单',
  '发货单',
  '调拨单',
  '报价单',
  '发票',
  '排班表',
  'purchase order',
  'replenishment order',
  'restock order',
  'reorder list',
  'invoice',
  'quote',
  'shift roster',
];
export const MAKE_VERBS_ZH = [
  '生成',
  '做一份',
  '做个',
  '做张',
  '开一张',
  '开张',
  '出一份',
  '建一个',
  '起草',
  '拟一份',
  '下一张',
];
export const MAKE_VERBS_EN = [
  'generate',
  'create',
  'raise',
  'issue',
  'draft',
  'prepare',
  'make',
  'place',
  'build',
];
/** Business parameters someone would change rather than ask about ("把资费调涨5%", "raise the tariff"). */
export const BUSINESS_PARAMETERS = [
  '资费',
  '价格',
  '定价',
  '售价',
  '月费',
  '月租费',
  '套餐价',
  '费率',
  '目标',
  '指标值',
  'kpi',
  '预算',
  '提成',
  '佣金',
  '配额',
  'tariff',
  'tariffs',
  'price',
  'prices',
  'pricing',
  'fee',
  'fees',
  'monthly charge',
  'target',
  'targets',
  'quota',
  'quotas',
  'budget',
  'commission',
];
export const CHANGE_VERBS_ZH = [
  '调涨',
  '调高',
  '调低',
  '调降',
  '上调',
  '下调',
  '提高',
  '降低',
  '提价',
  '降价',
  '涨价',
  '涨',
  '降',
  '改成',
  '改为',
  '改到',
  '设为',
  '设成',
  '定为',
  '调整为',
  '调整到',
  '调到',
  '调成',
];
export const CHANGE_VERBS_EN = [
  'raise',
  'increase',
  'hike',
  'lower',
  'cut',
  'reduce',
  'decrease',
  'change',
  'update',
  'set',
  'adjust',
  'bump',
];
/** Imperative lead-ins: the change is asked of the assistant, not asked about. */
export const IMPERATIVE_ZH = ['帮我', '请帮', '请直接', '直接', '麻烦', '给我', '马上', '立刻', '把', '将'];
export const IMPERATIVE_EN = [
  'please',
  'pls',
  'kindly',
  'can you',
  'could you',
  'would you',
  'go ahead and',
  'just',
];
/** Topics about staff, not customers ("staff turnover", "员工离职率"): the data holds no employees. */
export const STAFF_WORDS = [
  '员工',
  '职员',
  '店员',
  '雇员',
  '离职',
  '离职率',
  '人员流动',
  '人员流失',
  '人事',
  '招聘',
  'staff',
  'employee',
  'employees',
  'workforce',
  'hiring',
  'recruitment',
  'headcount of staff',
  // round 12b: planning the team, not the customers ("CS team headcount plan — draft it")
  'headcount plan',
  'team headcount',
  'staffing',
  'staffing plan',
  'hiring plan',
  'cs team',
  'support team headcount',
  '人力规划',
  '人员编制',
  '招聘计划',
  '客服团队编制',
];
/**
 * Business concepts the churn models do not hold ("share of wallet", "缺货断码", "毛利率"): named back
 * instead of answering a default metric, unless the catalog has a word for them.
 */
export const ABSENT_CONCEPTS = [
  'share of wallet',
  'wallet share',
  '钱包份额',
  '钱包占有率',
  'market share',
  '市场份额',
  '市场占有率',
  '库存',
  '库存周转',
  'inventory',
  'stock-out',
  'stockout',
  'out of stock',
  '缺货',
  '断码',
  '断货',
  '毛利',
  '毛利率',
  'gross margin',
  'margin',
  '利润',
  'profit',
  'profits',
  '坪效',
  'foot traffic',
  '客流量',
  '进店率',
  'ad spend',
  '广告费',
  '获客成本',
  'cac',
];
