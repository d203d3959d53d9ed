/**
 * Formal written Chinese (书面语: board reports, official letters) read as plain Mandarin before matching:
 * 之 as 的, 几何 as 多少, 较 as 比, 年度 periods, polite request verbs. Language vocabulary, not model
 * vocabulary; no catalog word is changed, so the reading is not named back. Applied in order.
 */
export const FORMAL_WORDS: [RegExp, string][] = [
  // 之 = 的 (流失客户之数量, 各区域之流失率, 较上年同期之增减), outside the words where 之 is not 的
  // (之一, 之间, 之后, 之前, 之内, 之外, 之中, 之类, 之际, 之所以, 总之, 百分之, 随之, 加之)
  [/(?<![总随加百分])之(?![一间后前内外上下中类际所余多])/g, '的'],
  // 几何 = 多少 when it asks (金额几何？, 流失率几何), never 几何 as a noun before another word
  [/几何(?=[？?。，,！!]|呢|$)/g, '多少'],
  // 年度 periods: 本年度迄今 = year to date; 上年度 = last year; 上年同期 = the same period last year
  [/(?:本|今)年度?(?:迄今|至今)(?:为止)?/g, '今年至今'],
  [/(?:本|今)年度/g, '今年'],
  // 本季度迄今 / 本月至今 = quarter / month to date; 上季度同期 = the quarter before (same point)
  [/本(季度|季|月|周)(?:迄今|至今)(?:为止)?/g, '本$1'],
  [/(上个?季度|上一季度|上个?月|上一个月|上周)同期/g, '$1'],
  // 逾 = 超过 (消费逾五千元), never 逾期 (overdue)
  [/逾(?!期)/g, '超过'],
  [/(?:上一?个?|去|上一)年度/g, '去年'],
  [/(?:上|上一|去)年同期/g, '去年同期'],
  // after a period word it only says "to date" (本季度截至目前 = this quarter so far); alone it is the year to date
  [
    /(?<=本季度|本季|本月|本周|今年|本年)(?:截至|截止(?:到|至)?|迄)(?:目前|今日|今天|现在|当前|本日)(?:为止)?/g,
    '',
  ],
  [/(?:截至|截止(?:到|至)?|迄)(?:目前|今日|今天|现在|当前|本日)(?:为止)?/g, '今年至今'],
  // 较 = 比 before what is compared (较上年同期, 较前一季度, 较第二季度)
  [/较(?=上|去|前|同|第|本|今|\d|[一二三四]季|再)/g, '比'],
  // 列示 / 分列 = 列出
  [/分别列示|列示|分列/g, '列出'],
  // 为何 closing a question about things ("流失率最高之三个城市为何") asks which; after 原因/成因/因素 it asks why
  [/(?<!原因|成因|因素|缘由|缘故|理由)为何(?=[？?。]?$)/g, '是哪些'],
  // the company speaking of itself (本公司, 我司, 全公司): the whole business, no filter
  [/(?:本公司|我公司|我司|本集团|我集团|全公司)(?:之|的)?/g, ''],
  // letter openings and closings: 兹就…请予说明
  [/^兹就|^兹将|^兹/g, ''],
  [/(?:请予|予以|敬请)(?:说明|答复|回复|告知|解答)/g, ''],
  // polite request verbs of letters (烦请提供, 敬请告知, 恳请汇报) carry no content
  [/(?:烦请|敬请|恳请|劳烦|烦劳|谨请)/g, '请'],
  [/(?<=请)(?:提供|告知|呈报|汇报|惠告|示知|说明)/g, ''],
  // 按降序排列: the order word says it all
  [/(?<=降序|升序|从高到低|由高到低|从低到高|由低到高|从大到小|从小到大|从多到少|从少到多)排列/g, ''],
  // any register: a classifier between 多少 and a people noun adds nothing (新增了多少个会员 → 新增了多少会员)
  [/(?<=多少)(?:个|位|名)(?=会员|客户|用户|顾客|客人|订户|门号)/g, ''],
];
