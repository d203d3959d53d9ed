/**
 * The shape of an ask, as patterns over the question (lower case, simplified, dialect read as Mandarin),
 * for rules/ask-shape.ts. Each alternative holds parts that must all occur; `not` parts rule it out.
 * Language structure only (question words + verbs of leaving/acting), never model vocabulary.
 */
export interface ShapePattern {
  all: RegExp[];
  not?: RegExp[];
  /** Words understood as part of the shape when present ("saving" in "the playbook for saving …"). */
  also?: RegExp[];
}

/** Leaving, in the words people use (the model's churn synonyms are matched apart). */
const LEAVE_ZH = '(?:流失|走|跑|离开|离网|不来|退订|解约|取消|流走|溜)';
const LEAVE_EN = '(?:churn|churning|leave|leaving|cancel|cancelling|canceling|lapse|lapsing|defect|quit)';
/** Verbs of acting on customers ("keep", "saving", "win back"). */
const ACT_EN =
  /\b(?:reduce|lower|cut|keep|keeping|retain|retaining|save|saving|stop|prevent|fix|win|bring|get|improve|move|convert|hold on to|turn around)\b/;
/** Counting words: "how many are at risk" is a count, not a list. */
const COUNTING =
  /多少|几个|几位|几人|数量|人数|占比|比例|how many|number of|\bcount\b|what share|percentage|\brate\b/;

export const SHAPE_PATTERNS: Record<'actions' | 'risk_list' | 'survival' | 'decomposition', ShapePattern[]> =
  {
    /** "该咋办", "该做些什么", "怎么挽回", "點樣可以減少…", "what's the playbook", "how do we get X to stay". */
    actions: [
      { all: [/(?:该|要|能|应该|可以|得)(?:咋|怎么)?(?:做|干|整)(?:些|点|哪些)?(?:什么|啥)/] },
      { all: [/(?:该|要)?(?:咋|怎么|如何)(?:办|整)/], not: [/怎么整的|咋整的/] },
      {
        all: [
          /(?:怎么|怎样|如何|咋|怎么样)(?:才能|才|能|可以|去|来)?(?:挽回|挽留|留住|减少|降低|改善|提升|提高|解决|应对|拉回|召回|防止|避免|阻止|扭转|救回|留下|稳住)/,
        ],
      },
      {
        all: [
          /(?:怎么|怎样|如何|咋)(?:才能|能|可以)?(?:让|使|叫).{0,16}(?:续约|续费|留下|回来|继续|升级|转|签|多买|复购|不走|别走|不流失)/,
        ],
      },
      { all: [/\bplaybook\b/], also: [ACT_EN] },
      { all: [/\bwhat (?:should|can|could|do) (?:we|i) do\b/] },
      {
        all: [
          /\b(?:how (?:do|can|should|could|would|might) we|how to|what can we do to|ways to|any ideas (?:to|for|on))\b/,
          ACT_EN,
        ],
        not: [/\bhow (?:do|can|should) we (?:calculate|compute|define|measure|count)\b/],
      },
    ],
    /** "整个名单给我，看看都谁要跑", "有流失风险的高价值客户列一下", "at-risk accounts", "most likely to leave". */
    risk_list: [
      {
        all: [
          new RegExp(`(?:风险|可能|快要?|要|即将|将要|容易|有可能)${LEAVE_ZH}|${LEAVE_ZH}(?:的)?风险`),
          /名单|清单|列表|列出|列一下|哪些|谁|明细|导出|拉一下|给我|的客户|的人|的会员|的用户|的顾客/,
        ],
        not: [COUNTING, /为什么|为啥|为何|怎么回事/],
        also: [/风险/],
      },
      {
        all: [
          new RegExp(
            `\\bat[- ]risk\\b|\\b(?:most |more |least )?likely to ${LEAVE_EN}|\\babout to ${LEAVE_EN}|\\bgoing to ${LEAVE_EN}|\\bmight ${LEAVE_EN}|\\brisk of ${LEAVE_EN}|\\bflight risks?\\b`,
          ),
          /\b(?:list|who|which|pull|show|give|names?|accounts?|customers?|users?|subscribers?|members?)\b/,
        ],
        not: [COUNTING, /\bwhy\b|\bplaybook\b|\bhow do we\b|\bhow can we\b|\bwhat should\b/],
      },
    ],
    /** "多久会流失", "平均多久走", "how long do new customers last before they churn". */
    survival: [
      {
        all: [/多久|多长时间|几个月|多少个月|多少天/, new RegExp(LEAVE_ZH)],
        not: [/回流|回来|挽回|召回|多久没|多久内|多长时间没/],
      },
      {
        all: [
          /\bhow long\b|\bhow many (?:months|days|weeks) (?:before|until|do|does|did)\b/,
          new RegExp(`\\b(?:${LEAVE_EN.slice(3, -1)}|churned|last|stay|stick around|remain|before|until)\\b`),
        ],
        not: [/\bwin[- ]?back\b|\bcome back\b|\breturn/],
      },
    ],
    /** "上个月流失率咋比8月还高了", "为啥这个月多了", "explain the delta Q3 vs Q2", "mix effect vs rate effect". */
    decomposition: [
      {
        all: [
          /(?:咋|怎么|为什么|为啥|为何|怎么回事)(?:就|又|还|会|突然|一下子)?[^，。？?！!]{0,12}(?:高了|多了|涨了|升了|低了|少了|降了|跌了|上去了|下来了|增加了|减少了|上升了|下降了|变高了|变低了|变多了|变少了|涨这么多|掉这么多)/,
        ],
      },
      { all: [/\bmix effect\b|\brate effect\b|\bmix (?:vs|or|versus) rate\b|结构变了|结构效应|结构变化/] },
      {
        all: [
          /\b(?:explain|what (?:drove|drives|caused|is behind)|what's behind|whats behind|reasons? for|break down) (?:the |this |that )?(?:\w+ )?(?:delta|change|increase|decrease|rise|drop|jump|spike|decline|movement|swing|fall)\b/,
        ],
      },
    ],
  };

/**
 * Requests to do something rather than ask about the data (declined by rules/scope.ts): change a price or
 * a record ("把美妆所有商品的价格下调10%"), approve or post ("approve the Q4 budget", "post the
 * adjustments", "reconcile … against the ledger"), or look up one order's delivery ("订单 SO-88812 送到未").
 */
export const REQUEST_PATTERNS: RegExp[] = [
  /把.{0,24}(?:下调|上调|调低|调高|调整为|调整到|改成|改为|降价|涨价|提价|打折|删掉|删除|清空)/,
  /(?:批准|审批|审核通过|核销|记账|入账|过账|对账并)/,
  /\b(?:approve|post|book|reconcile|sign off|authori[sz]e)\b.{0,40}\b(?:budget|adjustments?|ledger|journal|entries|entry|invoice|refunds?|payments?)\b/,
  /\b(?:lower|raise|cut|increase|decrease|change|set)\b.{0,30}\bprices?\b.{0,20}\bby\b/,
  /(?:订单|单号|order)\s*(?:号|#|no\.?|number)?\s*[a-z]{0,4}-?\d{4,}/,
];
