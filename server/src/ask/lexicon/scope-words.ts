/** Cues that a question is not about the data, or asks to change it (→ out_of_scope, politely declined). */

/**
 * Requests for something other than data (a poem, a flight): declined even when they mention a
 * metric ("write me a poem about churn").
 */
export const OFF_TOPIC_REQUESTS = [
  '写诗',
  '写首',
  '写一首',
  '一首诗',
  '作诗',
  '讲个笑话',
  '讲个故事',
  '机票',
  '火车票',
  '订票',
  '订酒店',
  '订一张',
  '订个',
  '打车',
  'poem',
  'poetry',
  'write a song',
  'tell me a joke',
  'book a flight',
  'book me',
  'flight to',
  'hotel room',
];

/** Topics other than the data: declined when the question names no metric ("the weather in Shanghai"). */
export const OFF_TOPIC_WORDS = [
  '天气',
  '气温',
  '下雨',
  '下雪',
  '写诗',
  '写首',
  '写一首',
  '一首诗',
  '作诗',
  '笑话',
  '讲个故事',
  '讲故事',
  '唱歌',
  '新闻',
  '股票',
  '股价',
  '菜谱',
  '做饭',
  '翻译',
  '你是谁',
  '你好',
  '彩票',
  '星座',
  '电影',
  '旅游',
  '足球',
  '篮球',
  'weather',
  'temperature',
  'forecast',
  'rain',
  'poem',
  'poetry',
  'joke',
  'jokes',
  'song',
  'sing',
  'story',
  'recipe',
  'stock price',
  'translate',
  'who are you',
  'hello',
  'capital of',
  'movie',
  'football',
  'lottery',
  'horoscope',
];

/** Chinese words asking to write to the data. */
export const DATA_CHANGE_WORDS_ZH = [
  '更新为',
  '更新成',
  '标记为',
  '标记成',
  '标为',
  '设置为',
  '删除',
  '删掉',
  '删了',
  '清空',
  '修改',
  '更改',
  '更新数据',
  '更新一下',
  '插入',
  '写入',
  '新增一条',
  '添加一条',
  '改掉',
  '覆盖',
  '篡改',
  '重置',
  // asking to change the figures themselves ("流失数据太难看了，帮忙改低一点")
  '改低',
  '改高',
  '改小一点',
  '改大一点',
  '数据调低',
  '数据调高',
  '数字调低',
  '数字调高',
  '改一下数据',
  '数据改一下',
  '改一下数字',
  '数字改一下',
  '改下数据',
  '改好看',
  '改得好看',
  '美化数据',
  '美化一下数据',
  '数据美化',
  '做低一点',
  '做高一点',
];

/** English requests to write to the data (word-bounded patterns, so "why did churn drop?" stays a question). */
export const DATA_CHANGE_PATTERNS_EN = [
  /\bdelete\b/,
  /\bdrop\s+(?:table|database|schema|view|column|index)\b/,
  /\btruncate\b/,
  /\balter\s+table\b/,
  /\binsert\b/,
  /\bupdate\b/,
  /\bmodify\b/,
  /\bremove\s+(?:the\s+|all\s+)?(?:customer|customers|record|records|row|rows|data|table)\b/,
  /\bcreate\s+table\b/,
  /\bgrant\b/,
  /\bwipe\b/,
  /\boverwrite\b/,
  /\bset\s+\w+\s*=/,
  /\b(?:massage|fudge|tweak|doctor|cook|lower|inflate|deflate|bump up)\s+(?:the\s+|these\s+|our\s+)?(?:numbers|figures|data|stats)\b/,
  /\bmake\s+(?:the\s+|these\s+)?(?:numbers|figures|data)\s+look\s+(?:better|nicer|good)\b/,
];

/**
 * "把 X 改成 Y" asks to change data; "改成按月看", "换成柱状图" (what follows is a view) do not.
 * Group 1 is what the change would produce.
 */
export const DATA_CHANGE_SET_ZH = /把.{1,40}?(?:改成|改为|改到|设成|设为|调成|调整为|调为|变成)\s*(\S)/;
/** Words after 改成 that describe how to look at the data rather than new data. */
export const VIEW_WORDS_ZH = ['按', '看', '用', '图', '表', '柱', '折', '饼', '趋', '每', '分'];

/** English requests to set values ("set the churn rate to 0", "mark customer 42 as won back"). */
export const DATA_SET_PATTERNS_EN = [
  /\b(?:set|change|make)\s+(?:the\s+|all\s+|every\s+)[\w\s'-]{1,40}?\bto\s+[-\d]/,
  /\bmark\s+[\w\s'-]{1,40}?\bas\b/,
  /\bdrop\s+(?:the\s+|all\s+)?\w+\s+(?:table|database|schema|view)\b/,
  // "drop all test accounts from the customer table": removing rows, not a question about a drop
  /\bdrop\s+(?:all\s+|the\s+|every\s+)[\w\s'-]{1,40}?\bfrom\s+(?:the\s+)?[\w\s-]{0,30}?(?:table|data|database)\b/,
  // "put the price of the two-year plan up by 5%", "raise the price": changing the business, not data
  /\b(?:put|push|raise|increase|cut|lower|bump)\s+(?:the\s+)?(?:price|prices|fee|fees|charges?)\b/,
  /\bput\s+(?:the\s+)?[\w\s'-]{1,40}?\bup\s+by\b/,
];

/** Asking the assistant to carry out an action (send messages, call customers): not a data question. */
export const ACTION_REQUEST_WORDS_ZH = [
  '群发',
  '发一条',
  '发送短信',
  '发短信',
  '发个短信',
  '发邮件',
  '发送邮件',
  '发优惠券',
  '推送给',
  '给他们打电话',
  '打电话给',
  '审批',
  '批准',
  '批一下',
  '对账',
  '做账',
  '记账',
  '入账',
  '下单买',
  '帮我下单',
];
export const ACTION_REQUEST_PATTERNS_EN = [
  // finance and workflow actions of every register: approve a budget, post to the ledger, reconcile
  /\b(?:approve|authori[sz]e|sign\s+off(?:\s+on)?|reconcile|post\s+(?:the\s+)?(?:adjustments?|entries|journal)|book\s+(?:the\s+)?(?:adjustments?|entries))\b/,
  /\bsend\s+(?:an?\s+|the\s+)?(?:sms|text|texts|email|emails|message|messages|coupon|coupons|offer|offers)\b/,
  /\bsend\s+(?:them|all|every|everyone|each)\b/,
  /\b(?:email|text|call)\s+(?:all|every|each)\s+(?:of\s+)?(?:the\s+)?(?:customers?|users?|clients?)\b/,
];

/** Attempts to change the assistant's instructions or role. */
export const INSTRUCTION_OVERRIDE_WORDS = [
  '忽略之前',
  '忽略以上',
  '忽略所有',
  '忽略前面',
  '你现在是',
  '系统提示',
  '提示词',
  '越狱',
  'ignore previous',
  'ignore all previous',
  'ignore the above',
  'ignore your instructions',
  'forget the rules',
  'forget your rules',
  'forget your instructions',
  'you are now',
  'you are dan',
  'developer mode',
  'system prompt',
  'jailbreak',
];

/** Personal data the assistant never lists (contact details, secrets). */
export const PERSONAL_DATA_WORDS = [
  '手机号',
  '电话号码',
  '联系方式',
  '身份证',
  '密码',
  '邮箱地址',
  '家庭住址',
  '银行卡号',
  'email address',
  'email addresses',
  'phone number',
  'phone numbers',
  'password',
  'passwords',
  'home address',
  'credit card number',
  'social security',
];
