/**
 * Requests to act on customers or accounts in another system (send, call, credit, refund, tag, change a
 * record), by class: an imperative lead, a verb of acting and what it acts on. Language only, never model
 * vocabulary; read by rules/act-on-customers.ts. A question about those acts ("did the SMS work", "发券以后
 * 回流率多少", "what should I offer them") is no request.
 */

/** Lead-ins that make a clause an order to the assistant (zh, en, Malay). */
export const ACT_LEAD_ZH =
  '(?:请你?|帮我|帮忙|帮|麻烦你?|你|直接|马上|立刻|赶紧|现在|顺便|再|然后|tolong\\s*)*';
export const ACT_LEAD_EN =
  '(?:(?:please|pls|plz|kindly|can you|could you|can u|could u|would you|will you|go ahead and|just|then|and|now|also|tolong|quickly|asap)[,\\s]+)*';

/** Where the act happens ("在达摩盘里", "在CRM上", "喺POS系统度"): an optional place before the verb. */
const PLACE_ZH = '(?:在[^，。？?！!]{1,12}?(?:里面|里|上|中|度|内)\\s*)?';
/** Whom it is done to ("给流失客户", "向这批人"): an optional recipient before the verb. */
const RECIPIENT_ZH = '(?:(?:给|向|对|跟|同|俾)(?!我)[^，。？?！!]{1,16}?)?';

/** People and accounts acted on. */
const PEOPLE_ZH =
  '(?:客户|客|用户|会员|顾客|订户|账户|账号|名单|人群|他们|她们|这批|这些|那些|所有人|大家|每人|每个人)';
const PEOPLE_EN =
  "(?:customers?|clients?|accounts?|subscribers?|users?|members?|buyers?|shoppers?|them|everyone|everybody|all|each|these|those|\\w{4}-\\w{5}(?:'s)?|[a-z]{1,3}\\d{5,12}(?:'s)?|customer|semua)";
/** What is given or sent: messages, gifts, money. */
const THING_ZH =
  '(?:短信|简讯|消息|信息|邮件|微信|推送|通知|券|优惠|折|红包|积分|礼品|补贴|代金|返现|退款|赠品|会员)';
const THING_EN =
  '(?:sms|texts?|messages?|emails?|e-mails?|whatsapp|notifications?|push|coupons?|vouchers?|credits?|discounts?|refunds?|offers?|promos?|promo codes?|codes?|gifts?|points|rebates?|cashback|waivers?|\\$\\d+|rm\\d+|\\d+%)';

/** Up to three words between a verb and its people ("call the month-to-month fiber customers"), never a relation. */
const BETWEEN = '(?:(?!(?:from|of|by|per|in|with|and|for)\\b)[\\w-]+\\s+){0,3}?';

/** Verbs of acting, each with what it must act on (so "give me a list" and "send me the chart" stay asks). */
const VERBS_ZH: [verb: string, object: string][] = [
  ['(?:群发|发送|发|send|推送|私信|dm)(?![了过])\\s*', `[^，。？?！!]{0,12}?(?:${THING_ZH}|${PEOPLE_ZH})`],
  ['(?:打电话|打个电话|致电|外呼|call)(?![了过])', ''],
  ['(?:联系|通知|回访)(?![了过])', `[^，。？?！!]{0,12}?${PEOPLE_ZH}`],
  [
    '(?:退款|退钱|返现|充值|赠送|送|返|补偿|减免|免)(?![了过])',
    `[^，。？?！!]{0,12}?(?:${THING_ZH}|\\d|元|块|钱)`,
  ],
  ['(?:打标签|打标|贴标签|加标签|标记|标成|标为)', ''],
  ['圈(?:选|出|一个|个|一批)?', `[^，。？?！!]{0,12}?人群`],
  [
    '(?:把|将)',
    `[^，。？?！!]{0,30}?(?:${PEOPLE_ZH}|等级|状态|标签|积分|额度|套餐|资料|记录)[^，。？?！!]{0,16}?(?:改|调|设|换|转成|转为|转到|转入|升级|降级|删|移|加入|拉黑|注销|冻结|关闭|开通)`,
  ],
];
const VERBS_EN: [verb: string, object: string][] = [
  [
    // "text message campaign results" is a noun, not an order
    '(?:send|text(?!\\s+messages?\\b)|sms|message|whatsapp|email|e-mail|dm|ping|push|hantar)',
    `\\b(?:\\s+(?:a|an|the|all|every|each|some|out|over|our|my|this|that|these|those|them|to)\\b)*.{0,24}?\\b${THING_EN}\\b|\\s+(?:out\\s+)?(?:to\\s+)?(?:all\\s+|every\\s+|each\\s+|the\\s+|our\\s+)?${PEOPLE_EN}\\b`,
  ],
  [
    '(?:call|ring|phone|dial|contact|notify|reach out to|follow up with|telefon)',
    `\\s+(?:all\\s+|every\\s+|each\\s+|the\\s+|these\\s+|those\\s+|our\\s+)?${BETWEEN}${PEOPLE_EN}\\b`,
  ],
  [
    '(?:apply|credit|refund|give|offer|issue|grant|comp|waive|add|bagi|beri)',
    `\\b.{0,40}?\\b${THING_EN}(?:\\b|$).{0,40}?\\b(?:to|for|on|into)?\\b.{0,30}\\b${PEOPLE_EN}\\b|\\s+(?:all\\s+|every\\s+|each\\s+|the\\s+)?${PEOPLE_EN}\\b.{0,30}?\\b${THING_EN}`,
  ],
  ['(?:refund|credit|comp|reimburse|compensate)', `\\s+(?:the\\s+|this\\s+|that\\s+)?${BETWEEN}${PEOPLE_EN}`],
  [
    '(?:tag|flag|mark|label|enrol|enroll|unsubscribe|upgrade|downgrade|suspend|deactivate|reactivate|cancel|close|block|purge|delete|remove)',
    `\\s+(?:all\\s+|every\\s+|each\\s+|the\\s+|these\\s+|those\\s+|our\\s+)?${BETWEEN}${PEOPLE_EN}\\b`,
  ],
];

/**
 * A polite request framed as a question ("可以帮我发…吗", "能不能帮忙把…"): the frame is taken off before the
 * clause is read, so its 吗 does not make it a question about the act. Group 1 is the request.
 */
export const POLITE_REQUEST_ZH =
  /^(?:请问\s*)?(?:可以|可不可以|能不能|能否|能|是否可以)\s*((?:帮|请|麻烦|替我).*?)\s*(?:吗|嘛|么)?\s*$/;

/** Words that make the clause a question about the act, not the act itself. */
export const ASKS_ABOUT_ZH =
  /吗|嘛|多少|几多|几个|几|怎么|怎样|如何|哪|什么|啥|效果|比例|是否|有没有|会不会|以后|之后|的话|率/;
export const ASKS_ABOUT_EN =
  /\b(?:how many|how much|whether|rates?|effects?|impact|worked|worth|if we|after|did|does|would it)\b/;

const anchored = (prefix: string, verbs: [string, string][], edge = '') =>
  verbs.map(([verb, object]) => new RegExp(`^\\s*${prefix}((?:${verb})${edge}(?:${object}))`, 'i'));

/**
 * Clause patterns (group 1 is the act asked for, said back in the decline). A Chinese clause needs a lead
 * ("帮我…", "tolong") or a recipient ("给流失客户发短信"), so "发货慢的客户" stays a question; an English
 * clause may start with the bare imperative ("Text all churned customers").
 */
export const ACT_PATTERNS_ZH = [
  ...anchored(`${ACT_LEAD_ZH.replace(/\*$/, '+')}${PLACE_ZH}${RECIPIENT_ZH}`, VERBS_ZH),
  ...anchored(`${PLACE_ZH}${RECIPIENT_ZH.replace(/\?$/, '')}`, VERBS_ZH),
];
export const ACT_PATTERNS_EN = anchored(ACT_LEAD_EN, VERBS_EN, '\\b');

/**
 * What customers are on, as a head after an unknown word ("the unlimited data plans", "on the family
 * bundle"): the word names a kind of plan, a filter value the model lacks, so it is asked back.
 */
export const PLAN_HEAD_EN = '(?:[a-z-]+\\s+)?(?:plans?|packages?|bundles?|tariffs?)';

/**
 * People who act, right after a value ("my store teams", "门店团队", "APP staff"): the value names who does
 * the work, not the customers to filter.
 */
export const ACTOR_AFTER =
  /^\s*(?:teams?|staff|managers?|agents?|reps?|associates?|employees?|crews?|团队|店员|员工|同事|店长|小组)(?![a-z])/i;
