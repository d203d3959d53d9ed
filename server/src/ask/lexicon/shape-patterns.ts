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
/**
 * A verb of leaving right after a value ("价格原因走掉的", "物流问题跑了的", "price reasons left"): the value
 * is what they left for, so a value several dimensions share is the churn reason (rules/members.ts).
 */
export const LEAVING_AFTER = new RegExp(
  `^\\s*(?:而|就|才)?(?:${LEAVE_ZH.slice(3, -1).replace('走|', '走(?!势|向)|')})|^\\s*(?:${LEAVE_EN.slice(3, -1)}|left|churned|walked away)\\b`,
);
/** Verbs of acting on customers ("keep", "saving", "win back"). */
const ACT_EN =
  /\b(?:reduce|lower|cut|keep|keeping|retain|retaining|save|saving|stop|prevent|fix|win|bring|get|improve|move|convert|hold on to|turn around)\b/;
/** Counting words: "how many are at risk" is a count, not a list. */
const COUNTING =
  /多少|几个|几位|几人|数量|人数|占比|比例|how many|number of|\bcount\b|what share|percentage|\brate\b/;

/** "哪个地区", "哪类品类": which of the groups, not which people (哪些客户, 哪个用户 stay a list). */
const WHICH_GROUP_ZH =
  /哪(?:个|类|种|一类|一种|一个)(?!客户|用户|会员|顾客|人|客|订户|门号|账户|账号)|哪些(?:地区|区域|大区|城市|渠道|品类|类别|门店|年龄段|等级|层级|套餐|合约)/;

/** Two named groups weighed against each other ("女生和男生谁更容易流失"): a comparison, not a list. */
const WEIGHING =
  /谁更|谁比较|哪个更|哪边更|哪一个更|\bwho(?:'s| is) more likely\b|\bwhich (?:group|one|side) is more likely\b/;

/** Coming back after leaving ("多久会回来", "come back", "return"): win-back timing, never survival. */
const RETURN_ZH = '(?:回来|回流|回归|回头|重新回来)';
const REBUY_ZH = '(?:回购|再来|再买|复购|重新下单|重新购买)';
const RETURN_EN =
  '(?:come back|comes back|came back|coming back|return|returns|returned|returning|win back|won back|reactivat\\w*)';
/** Signing up, as the start of a cohort ("按注册月份", "signup month", "the month they joined"). */
const JOIN_ZH = '(?:注册|首购|首单|入会|加入|开户|开卡|入网)';
const JOIN_EN =
  '(?:signup|sign-up|sign up|signed up|join|joined|joining|registration|registered|first[- ]purchase|acquisition)';

export const SHAPE_PATTERNS: Record<
  'winback_timing' | 'actions' | 'risk_list' | 'survival' | 'decomposition' | 'cohorts',
  ShapePattern[]
> = {
  /** "一般客户流失以后多久会回来", "how long until churned customers come back", "when do lapsed buyers return". */
  winback_timing: [
    {
      all: [
        new RegExp(
          `(?:多久|多长时间|几个月|多少个月|多少天|几天|什么时候|何时)(?:会|能|才|就|才会|才能|可以)?${RETURN_ZH}`,
        ),
      ],
      also: [new RegExp(LEAVE_ZH), /以后|之后|一般|通常|平均/],
    },
    {
      // buying again is win-back only after leaving ("流失以后多久会再买"); else it is a repurchase interval
      all: [
        new RegExp(`(?:多久|多长时间|几个月|多少天)(?:会|能|才|就)?${REBUY_ZH}`),
        new RegExp(`${LEAVE_ZH}(?:了|掉)?(?:以后|之后|后)`),
      ],
      also: [/以后|之后|一般|通常|平均/],
    },
    {
      all: [
        new RegExp(
          `\\b(?:how long|how many (?:days|weeks|months))\\b.{0,40}\\b${RETURN_EN}\\b|\\b(?:time to|time until|time before) ${RETURN_EN}\\b`,
        ),
        /churn|lapse|\blost\b|\bleft\b|\bleave|cancel|inactive|dormant|\bgone\b/,
      ],
      not: [/\bhow many (?:customers|users|people|of them)\b/],
    },
  ],
  /** "该咋办", "该做些什么", "怎么挽回", "點樣可以減少…", "what's the playbook", "how do we get X to stay". */
  actions: [
    { all: [/(?:该|要|能|应该|可以|得)(?:咋|怎么)?(?:做|干|整)(?:些|点|哪些)?(?:什么|啥)/] },
    { all: [/(?:该|要)?(?:咋|怎么|如何)(?:办|整)/], not: [/怎么整的|咋整的/] },
    {
      all: [
        /(?:怎么|怎样|如何|咋|怎么样)(?:才能|才|能|可以|去|来|把他们|把她们|把它们|让他们)?(?:挽回|挽留|留住|减少|降低|改善|提升|提高|解决|应对|拉回|召回|防止|避免|阻止|扭转|救回|留下|稳住|唤醒|激活|盘活|促活|唤回|叫醒|拉活|捞回|赢回)/,
      ],
    },
    {
      all: [
        /(?:怎么|怎样|如何|咋)(?:才能|能|可以)?(?:让|使|叫).{0,16}(?:续约|续费|留下|回来|继续|升级|转|签|多买|复购|不走|别走|不流失)/,
      ],
    },
    { all: [/\bplaybook\b/], also: [ACT_EN] },
    // round 12b: a plan to keep people ("retention plan", "win-back strategy"), what to offer or say to them
    // ("what should I offer a customer who wants to cancel"), a resultative verb of keeping ("怎样才留得住",
    // "点样先可以留返"), what to give them ("该给他们什么优惠")
    {
      all: [
        /\b(?:retention|retain|save|saving|win[- ]?back|churn[- ]reduction|anti[- ]churn|action|recovery|rescue|re-?engagement)\s+(?:plans?|strateg(?:y|ies)|ideas|tactics|levers|options|programs?|programmes?)\b/,
      ],
    },
    {
      all: [
        /\bwhat (?:should|can|could|would|do|must) (?:we|i|they|you|the (?:team|agents?|desk))(?: \w+)? (?:offer|say|tell|give|propose|pitch|try|send|recommend|change)\b/,
      ],
      also: [ACT_EN],
    },
    {
      all: [
        /(?:怎么|怎样|如何|咋)(?:样)?(?:先|才)?(?:能够|能|可以|可)?(?:把[^，。？?]{0,16}?|让他们)?(?:留|挽|拉|救|稳|保|劝)(?:得|返|回)(?:住|回|返|下|来|回来)?/,
      ],
    },
    {
      all: [
        /(?:该|应该|要|可以)(?:给|向|对)[^，。？?]{0,12}?(?:提供|给|送|推荐|发|说)(?:些|点)?(?:什么|啥|哪些)/,
      ],
    },
    // "what should they do to cut churn", "so-what for the client": advice for whoever acts
    {
      all: [
        /\bwhat (?:should|can|could|do|would|must) (?:we|i|they|you|the (?:client|business|company|team|brand|retailer))(?: \w+)? do\b|\bso[- ]what\b|\bnext steps?\b|\brecommendations?\b/,
      ],
      also: [ACT_EN],
    },
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
    // "给我列一下高风险的宽带用户名单", "哪些B2B大客户现在有churn风险": a level of risk and a list
    {
      all: [
        /(?:高|中高|较高|极高)风险|风险(?:高|最高|较高|很高|大|最大|比较高)|有(?:churn|流失|离网)?\s?风险|(?:churn|attrition)\s?风险/,
        /名单|清单|列表|列出|列一下|列个|哪些|哪几个|是谁|有谁|明细|导出|拉一下|拉个/,
      ],
      not: [COUNTING, /为什么|为啥|为何|怎么回事|按.{0,6}(?:分布|拆|看)|分布/],
      also: [/风险/],
    },
    {
      all: [
        new RegExp(`(?:风险|可能|快要?|要|即将|将要|容易|有可能)${LEAVE_ZH}|${LEAVE_ZH}(?:的)?风险`),
        /名单|清单|列表|列出|列一下|哪些|谁|明细|导出|拉一下|给我|的客户|的人|的会员|的用户|的顾客/,
      ],
      // "哪个地区的客户最容易流失": which group ranks highest, not a list of people
      not: [COUNTING, WEIGHING, /为什么|为啥|为何|怎么回事/, WHICH_GROUP_ZH],
      also: [/风险/],
    },
    {
      all: [
        new RegExp(
          `\\bat[- ]risk\\b|\\b(?:highest|high|higher|top|most)[- ]risk\\b|\\briskiest\\b|\\b(?:most |more |least )?likely to ${LEAVE_EN}|\\babout to ${LEAVE_EN}|\\bgoing to ${LEAVE_EN}|\\bmight ${LEAVE_EN}|\\brisk of ${LEAVE_EN}|\\bflight risks?\\b`,
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
      also: [/拆解|分解|归因/],
    },
    {
      all: [/\bmix effect\b|\brate effect\b|\bmix (?:vs|or|versus) rate\b|结构变了|结构效应|结构变化/],
      also: [/\beffect\b|\bmix\b|结构变|拆解|分解/],
    },
    // "build me a bridge - what moved churn from Q2 to Q3", "walk me from Q2 to Q3": what moved a number
    {
      all: [
        /\bwhat (?:moved|drove|shifted|pushed|pulled|changed in|explains)\b|\b(?:bridge|walk)\b.{0,40}\b(?:from|between|vs|versus|to)\b|\b(?:churn|revenue|rate) bridge\b/,
      ],
      also: [/\bbuild(?: me)?\b|\bbridge\b|\bwalk\b/],
    },
    {
      all: [
        /(?:拆解|分解|归因|桥图|瀑布图)(?:一下)?[^，。？?]{0,12}(?:变化|涨|降|升|高了|低了|多了|少了)|(?:变化|涨|降|升|高了|低了)[^，。？?]{0,8}(?:拆解|分解|归因|桥图|瀑布图)/,
      ],
      also: [/拆解|分解|归因|桥图|瀑布图/],
    },
    {
      all: [
        /\b(?:explain|what (?:drove|drives|is driving|are driving|caused|is causing|is behind)|what's behind|whats behind|reasons? for|break down) (?:the |this |that )?(?:\w+ )?(?:delta|change|increase|decrease|rise|drop|jump|spike|decline|movement|swing|fall)\b/,
      ],
    },
  ],
  /** "按注册月份看留存", "不同月份注册的客户留存情况", "retention by signup month", "cohort view". */
  cohorts: [
    {
      all: [
        new RegExp(
          `(?:按|不同|各个?|每个|分)${JOIN_ZH}?(?:的)?(?:月份|月|季度|批次|年份)(?:的)?${JOIN_ZH}|(?:按|不同|各个?|每个|分)?${JOIN_ZH}(?:的)?(?:月份|批次|队列)|同期群`,
        ),
        /留存|还在|剩下|活跃|回购|复购|流失/,
      ],
      also: [new RegExp(`${JOIN_ZH}|月份|批次|不同`)],
    },
    {
      all: [
        new RegExp(
          `\\b${JOIN_EN} (?:month|months|quarter|quarters|cohorts?|date|year|week)\\b|\\bcohort (?:view|analysis|chart|table)\\b`,
        ),
        /\bretention|\bretain|\bcohort|\bstay|\bstill active\b|\bsurviv/,
      ],
      also: [new RegExp(`\\b${JOIN_EN}\\b|\\bview\\b`)],
    },
    // one batch followed over the months after it joined: "2025年1月注册的那批用户，后面每个月还剩多少在买"
    {
      all: [
        new RegExp(`${JOIN_ZH}的?(?:那|这)一?批`),
        /还剩|还在|剩下|留存|还有多少/,
        /每个?月|每季度?|后面|之后|逐月/,
      ],
      also: [/那一?批|这一?批|后面|在买|还剩/],
    },
    {
      all: [
        new RegExp(`\\b(?:customers|users|members|people|those) (?:who |that )?${JOIN_EN} in\\b`),
        /\bstill (?:buying|active|ordering|around|with us)\b|\bretention\b|\bremain/,
        /\b(?:each|every|per|by) month\b|\bmonth by month\b|\bmonth after month\b|\bover the months\b/,
      ],
      also: [new RegExp(`\\b${JOIN_EN}\\b`)],
    },
  ],
};

/**
 * Requests to do something rather than ask about the data (declined by rules/scope.ts), classed by the verb
 * of action: publish or push results (推到企微群, post to the group), quote them in a disclosure (放入业绩
 * 公告), give customers something (每人发张券, give everyone a coupon), write the data out as a file (导成
 * Excel, dump to parquet), ask who changed a definition (an audit trail), change a price or a record
 * ("把美妆所有商品的价格下调10%"), approve or post ("approve the Q4 budget", "post the adjustments",
 * "reconcile … against the ledger"), or look up one order's delivery ("订单 SO-88812 送到未").
 */
export const REQUEST_PATTERNS: RegExp[] = [
  // publishing or pushing results somewhere ("直接帮我推到企微群里", "发到我邮箱", "post it to the WeCom group")
  /(?:推|推送|发|发送|转发|同步|分享|贴|放|导|导出)(?:一下)?(?:到|进|去|给)(?:我的?|我们的?|咱们的?)?[^，。？?!！]{0,8}(?:企微|企业微信|微信|钉钉|飞书|邮箱|邮件|公众号|朋友圈|网盘|共享盘|群里|群聊|工作群)/,
  /(?:^|please |pls |can you |could you |just |then |and )(?:post|push|publish|send|forward|drop)\b.{0,40}\b(?:to|in|into|on)\s+(?:the\s+|our\s+|my\s+|a\s+)?(?:wecom|wechat|slack|dingtalk|lark|feishu|group chat|inbox|email|mailbox)\b/,
  // sending the figures to a person ("把流失报告发给老板", "email my manager the churn report")
  /(?:发|发送|转发|抄送|推送|推|转|报)(?:一下|一份|过去)?(?:给|到)(?:我的?|我们的?)?(?:老板|领导|上司|经理|主管|总监|老总|同事|大家|团队|财务|董事会|[a-z]+总)/,
  /(?:^|please |pls |plz |can you |could you |can u |could u |just |then |and )(?:email|e-mail|mail|send|forward|dm|cc|ping|slack)\b.{0,40}?\b(?:my|our|the)\s+(?:manager|boss|team|director|vp|ceo|cfo|coo|lead|supervisor|colleagues?|stakeholders?|board)\b/,
  // quoting the figures in a disclosure ("可唔可以直接放入业绩公告", "quote this in the results announcement")
  /(?:放入|放进|写入|写进|用于|用在|用到|放到|引用到|引用在|直接放|贴到)[^，。？?]{0,6}(?:业绩公告|公告|财报|年报|半年报|季报|招股书|新闻稿|对外披露)|(?:能不能|可不可以|可以|能否)[^，。？?]{0,10}(?:对外披露|对外发布|公开发布|公开披露)/,
  /\b(?:put|include|use|quote|cite|publish|disclose)\b.{0,50}\b(?:results announcement|announcement|press release|earnings release|annual report|interim report|filing|prospectus|10-k|10-q)\b/,
  // giving customers something ("给这批人每人发张20块的券", "give everyone a coupon")
  /(?:每人|每个人|每位|人手|所有人|大家|他们|这批人|这些人|这些客户)[^，。？?]{0,4}(?:发|送|派|返)(?![了过])(?:一|1)?(?:张|个|份|点|些)?[^，。？?多几]{0,8}(?:券|优惠|红包|积分|礼品|折扣|代金|补贴)/,
  /(?:发|送|派)(?:一|1)?(?:张|个|份)[^，。？?]{0,8}(?:券|优惠券|红包|代金券)(?:给|予)/,
  // "给所有高风险客户DM一张八折券": an imperative to everyone named, with a gift
  /^(?:请|帮我|帮忙|麻烦)?(?:给|向)[^，。？?]{0,16}?(?:发|送|派|dm|私信)(?![了过])\s*(?:一|1)?(?:张|个|份)?[^，。？?]{0,12}(?:券|优惠|红包|coupon|voucher|折扣|代金)(?![^，。]*(?:以后|之后|后|效果|率|多少|吗|几|有没有|怎么样|how|did))/,
  /(?:^|please |pls |can you |could you |just |then |and |let's |go ahead and )(?:give|send|offer|hand out|issue)\b.{0,30}\b(?:everyone|everybody|every customer|all (?:of )?(?:them|customers|the customers)|each (?:of them|customer)|them)\b.{0,30}\b(?:coupons?|vouchers?|discounts?|credits?|gift cards?|refunds?)\b/,
  // writing the data out as a file ("导成Excel", "dump the feature table to parquet")
  /(?:导成|导出成|导出为|导出到|转成|存成|另存为|下载成)[^，。？?]{0,4}(?:excel|csv|parquet|pdf|xlsx|表格文件|文件)/,
  /\b(?:dump|export|save|write|download|extract)\b.{0,60}\b(?:to|as|into|in)\s+(?:a\s+|an\s+)?(?:parquet|csv|excel|xlsx|pdf|json file|file|s3|bucket|my (?:email|inbox|drive|laptop))\b/,
  // loading people into another system to act on them ("把高风险客户导进外呼系统", "push them into the CRM")
  /(?:导进|导入|导到|推进|推到|灌进|灌到|塞进|录进|录入|同步进|同步到|上传到)[^，。？?!！]{0,8}(?:外呼系统|外呼|呼叫中心|呼叫系统|坐席|crm|CRM|营销系统|营销平台|短信平台|工单系统|系统里|系统)/,
  /\b(?:load|push|import|upload|sync|feed)\b.{0,40}\b(?:into|to)\s+(?:the\s+|our\s+)?(?:crm|dialer|dialler|call (?:centre|center) system|outbound (?:system|queue)|campaign tool|marketing (?:tool|platform)|salesforce|hubspot)\b/,
  // writing marketing copy ("写个小红书文案", "draft a win-back email")
  /(?:写|写个|写一个|写一篇|写篇|写段|写一段|写几条|写条|起草|编|编个|拟|拟个|出个|出一版)[^，。？?!！]{0,10}(?:文案|软文|推文|种草|笔记|朋友圈|广告语|标语|口号|海报|短信|话术|邮件|脚本)/,
  /\b(?:write|draft|compose|create)\b.{0,30}\b(?:copy|post|tweet|caption|slogan|tagline|ad|email|e-mail|sms|script|newsletter)\b/,
  // who did what to the metric's definition (an audit trail, not the data)
  /\bwho (?:approved|signed off|changed|modified|edited|altered|authored|owns)\b.{0,50}\b(?:definition|logic|formula|methodology|change)\b/,
  /谁(?:批准|审批|签字|改|修改|改动|调整|定|拍板|审核)(?:了|的)?[^，。？?]{0,12}(?:定义|口径|逻辑|公式|算法)|(?:定义|口径|逻辑|公式|算法)[^，。？?]{0,10}(?:是)?谁(?:批准|审批|改|修改|改动|调整|定|拍板)/,
  /把.{0,24}(?:下调|上调|调低|调高|调整为|调整到|改成|改为|降价|涨价|提价|打折|删掉|删除|清空)/,
  /(?:批准|审批|审核通过|核销|记账|入账|过账|对账并)/,
  /\b(?:approve|post|book|reconcile|sign off|authori[sz]e)\b.{0,40}\b(?:budget|adjustments?|ledger|journal|entries|entry|invoice|refunds?|payments?)\b/,
  /\b(?:lower|raise|cut|increase|decrease|change|set)\b.{0,30}\bprices?\b.{0,20}\bby\b/,
  /(?:订单|单号|order)\s*(?:号|#|no\.?|number)?\s*[a-z]{0,4}-?\d{4,}/,
];
