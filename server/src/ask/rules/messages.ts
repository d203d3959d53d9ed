import type { Catalog, Lang } from '../../../../semantic-layer/src/catalog.ts';
import type { TimeRange } from '../../../../semantic-layer/src/query.ts';
import { addDays } from '../../calendar/calendar.ts';

/** Everything the rules interpreter says to the user, in Chinese and English. */

/** A range as the user reads it: inclusive last day. */
export function rangeText(range: TimeRange, lang: Lang): string {
  const last = addDays(range.end, -1);
  return lang === 'zh' ? `${range.start} 至 ${last}` : `${range.start} to ${last}`;
}

export const say = {
  defaultQuarter: (label: string, lang: Lang) =>
    lang === 'zh'
      ? `未指定时间，按最近一个完整季度 ${label} 计算`
      : `Using the last complete quarter, ${label.replace('Q', ' Q')}`,
  defaultTrend: (grainText: { zh: string; en: string }, range: TimeRange, lang: Lang) =>
    lang === 'zh'
      ? `未指定时间范围，趋势按最近${grainText.zh}（${rangeText(range, lang)}）`
      : `No period given: the trend covers the last ${grainText.en} (${rangeText(range, lang)})`,
  defaultMetric: (label: string, lang: Lang) =>
    lang === 'zh'
      ? `未指定指标，按默认指标“${label}”回答`
      : `No metric named: using the default metric, ${label}`,
  noTimeInModel: (words: string[], lang: Lang) =>
    lang === 'zh'
      ? `该数据模型没有日期，已忽略时间条件“${words.join('、')}”`
      : `This model has no dates, so "${words.join('", "')}" was ignored`,
  timelessMetric: (label: string, words: string[], lang: Lang) =>
    lang === 'zh'
      ? `“${label}”是当前状态指标，不按时间筛选，已忽略“${words.join('、')}”`
      : `${label} is a current-state metric; "${words.join('", "')}" was not applied`,
  unknownTerms: (terms: string[], lang: Lang) =>
    lang === 'zh'
      ? `未识别“${terms.join('”、“')}”，结果没有按它筛选`
      : `Did not recognise "${terms.join('", "')}"; the result is not filtered by it`,
  decompositionCompare: (lang: Lang) =>
    lang === 'zh' ? '与上一个同长度的时期比较变化' : 'Comparing with the previous period of the same length',
  followUp: (lang: Lang) =>
    lang === 'zh' ? '沿用上一个问题的条件' : 'Keeping the conditions of the previous question',
  sameRangeLastYear: (range: TimeRange, lang: Lang) =>
    lang === 'zh'
      ? `去年同期：${rangeText(range, lang)}`
      : `Same period last year: ${rangeText(range, lang)}`,
  periodBefore: (range: TimeRange, lang: Lang) =>
    lang === 'zh'
      ? `上一个问题之前的一期：${rangeText(range, lang)}`
      : `The period before the previous question's: ${rangeText(range, lang)}`,
  emptyPeriod: (words: string, range: TimeRange, lang: Lang) =>
    lang === 'zh'
      ? `“${words}”从 ${range.start} 开始，目前还没有数据（数据截至 ${addDays(range.start, -1)}）。`
      : `"${words}" starts on ${range.start} and has no data yet (data runs to ${addDays(range.start, -1)}).`,
  ambiguous: (words: string, lang: Lang) =>
    lang === 'zh'
      ? `“${words}”可以有几种理解，请选择一种：`
      : `"${words}" can mean more than one thing; please pick one:`,
  shareReading: (metric: string, dimension: string, lang: Lang) =>
    lang === 'zh'
      ? `占比：按${dimension}列出各组的${metric}，每组占合计的比例`
      : `Share: ${metric} listed by ${dimension.toLowerCase()}, each group's part of the total`,
  forecastHorizon: (range: TimeRange, unused: string[], lang: Lang) =>
    lang === 'zh'
      ? `预测期为数据截止日起的下一个季度（${rangeText(range, lang)}）${unused.length ? `，未使用“${unused.join('、')}”` : ''}`
      : `The forecast covers the quarter after the data's date (${rangeText(range, lang)})${unused.length ? `; "${unused.join('", "')}" was not used` : ''}`,
  groupingReading: (words: string, chosen: string, others: string[], lang: Lang) =>
    lang === 'zh'
      ? `按“${chosen}”理解“${words}”；也可以按${others.map((o) => `“${o}”`).join('、')}看`
      : `Read "${words}" as ${chosen}; it could also mean ${others.join(' or ')}`,
  whichMetric: (lang: Lang) =>
    lang === 'zh'
      ? '没有说明要看哪个指标，可以从这些开始：'
      : 'Which figure would you like to see? For example:',
  whichCount: (words: string, lang: Lang) =>
    lang === 'zh'
      ? `“${words}”要看哪个数？请选择：`
      : `Which count of "${words}" do you mean? Please pick one:`,
  unknownFilter: (terms: string[], lang: Lang) =>
    lang === 'zh'
      ? `数据里没有找到“${terms.join('”、“')}”，无法按它筛选。可以不加这个条件，或换一个数据里有的取值。`
      : `"${terms.join('", "')}" was not found in the data, so it cannot be used as a filter. You can drop it or pick a value that exists.`,
  unknownMetric: (words: string, lang: Lang) =>
    lang === 'zh'
      ? `数据里没有“${words}”这个指标。可以从这些指标开始：`
      : `The data has no metric called "${words}". You could start from one of these:`,
  unknownEvent: (name: string, lang: Lang) =>
    lang === 'zh'
      ? `业务日历里没有“${name}”这个日期，无法确定时间范围。可以给出具体日期，或去掉它。`
      : `The business calendar has no date called "${name}", so the period is unclear. You can give the dates or drop it.`,
  unknownGrouping: (terms: string[], lang: Lang) =>
    lang === 'zh'
      ? `数据里没有“${terms.join('”、“')}”这个分组，无法按它拆分。可以去掉它，或换一个数据里有的维度。`
      : `The data has no grouping "${terms.join('", "')}", so the answer cannot be split by it. You can drop it or pick a grouping that exists.`,
  unknownCondition: (terms: string[], lang: Lang) =>
    lang === 'zh'
      ? `没能把“${terms.join('”、“')}”理解成数据里的条件（取值、数量或时间），所以没有直接回答。可以去掉它，或换一种说法。`
      : `"${terms.join('", "')}" could not be read as a condition on the data (a value, a number or a period), so it was not dropped silently. You can remove it or rephrase.`,
  impossibleValue: (words: string[], lang: Lang) =>
    lang === 'zh'
      ? `“${words.join('”、“')}”不是这个指标可能取到的值（比率在 0 到 100% 之间，数量和金额不为负），所以没有按它筛选。`
      : `"${words.join('", "')}" is not a value this metric can take (rates lie between 0 and 100%, counts and amounts are not negative), so it was not used.`,
  noChurnedSplit: (metric: string, lang: Lang) =>
    lang === 'zh'
      ? `数据模型里没有“是否流失”的客户维度，无法把“${metric}”按流失客户和留存客户分开比较，所以没有给出一个总体数字。可以看流失原因或驱动因素分析，或请分析师在模型里加这个维度。`
      : `The model has no churned-or-retained customer dimension, so ${metric} cannot be split between churned and retained customers; one overall figure would be misleading. Try the churn reasons or drivers analysis, or ask an analyst to add that dimension.`,
  byDefinition: (label: string, description: string, lang: Lang) =>
    lang === 'zh'
      ? `“${label}”按定义即${description}`
      : `${label} counts ${description.toLowerCase()} by definition`,
  againstTheRest: (value: string, lang: Lang) =>
    lang === 'zh'
      ? `与其他取值并列比较（${value}在其中）`
      : `set beside the other values (${value} among them)`,
  notApplied: (words: string[], lang: Lang) =>
    lang === 'zh'
      ? `“${words.join('”、“')}”没有用进这次查询，结果没有按它筛选`
      : `"${words.join('", "')}" was not applied; the result is not filtered by it`,
  population: (label: string, lang: Lang) =>
    lang === 'zh' ? `“${label}”的统计对象，不另算人数` : `whose ${label} it is, not counted separately`,
  purpose: (text: string, lang: Lang) =>
    lang === 'zh' ? `用途（${text}），不作筛选` : `what it is for (${text}), not a filter`,
  unknownFactor: (words: string[], lang: Lang) =>
    lang === 'zh'
      ? `数据里没有“${words.join('”、“')}”，无法分析它对流失的影响`
      : `The data has no "${words.join('", "')}", so its effect on churn cannot be analysed`,
  sqlReading: (text: string, lang: Lang) =>
    lang === 'zh' ? `按 SQL 关键词理解为“${text}”` : `Read the SQL keywords as "${text}"`,
  unanswered: (asks: string[], lang: Lang) =>
    lang === 'zh'
      ? `只回答了第一个问题；“${asks.join('”、“')}”没有回答，请单独再问`
      : `Only the first question is answered; "${asks.join('", "')}" is not — please ask it separately`,
  customerList: (metric: string, lang: Lang) =>
    lang === 'zh'
      ? `列出期间内计入“${metric}”的客户（不是有流失风险的客户名单）`
      : `Listing the customers counted in ${metric} in the period (not the at-risk list)`,
  perCustomer: (metric: string, attribute: string, lang: Lang) =>
    lang === 'zh'
      ? `按每个客户的“${attribute}”筛选（“${metric}”的条件加在每个客户上，不是总数上）`
      : `Filtered on each customer's ${attribute} (the condition on ${metric} applies per customer, not to the total)`,
  noPerCustomerAttribute: (words: string[], lang: Lang) =>
    lang === 'zh'
      ? `“${words.join('”、“')}”是对每个客户的条件，但数据模型里没有按客户计算的这个指标，所以没有直接回答（不会把条件加在总数上）。可以去掉它，或换一个按客户的属性。`
      : `"${words.join('", "')}" is a condition on each customer, but the model has no per-customer value for it, so it was not answered (it would not be applied to the total). You can drop it or use a customer attribute.`,
  durationDays: (text: string, days: number, lang: Lang) =>
    lang === 'zh'
      ? `“${text}”按 ${days} 天计算（1个月按30天、1年按365天）`
      : `"${text}" read as ${days} days (a month counted as 30 days, a year as 365)`,
  overDays: (days: number, lang: Lang) => (lang === 'zh' ? `超过${days}天` : `over ${days} days`),
  trailingWindow: (window: string, attribute: string, lang: Lang) =>
    lang === 'zh'
      ? `“${window}”按每个客户的“${attribute}”计算（截至今天的滚动窗口，不是自然年/自然月）`
      : `"${window}" read as each customer's ${attribute} (a trailing window up to today, not the calendar period)`,
  vagueDuration: (words: string[], attribute: string, lang: Lang) =>
    lang === 'zh'
      ? `“${words.join('”、“')}”没有说多少天。按“${attribute}”要给一个天数，请选一个，或换成自己的天数。`
      : `"${words.join('", "')}" gives no number of days. ${attribute} needs one: pick one below or ask with your own number of days.`,
  otherWindow: (window: string, attribute: string, lang: Lang) =>
    lang === 'zh'
      ? `数据模型按客户只有“${attribute}”，没有“${window}”这个时间窗口的数值，所以没有直接回答（不会换成另一个窗口）。可以改用“${attribute}”。`
      : `The model holds each customer's ${attribute}, not a value over "${window}", so this was not answered (it would not be read as another window). You can ask with ${attribute} instead.`,
  withoutTerm: (lang: Lang) => (lang === 'zh' ? '不加这个条件' : 'Without that condition'),
  noQuestion: (lang: Lang) => (lang === 'zh' ? '没有看到问题。' : 'No question was given.'),
  conditionList: (lang: Lang) =>
    lang === 'zh'
      ? '列出满足每个客户条件的客户（按客户当前状态，不是流失客户或有流失风险的名单）'
      : 'Listing the customers who meet the condition on each customer (their current state; not the churned or at-risk list)',
  absentConcept: (word: string, lang: Lang) =>
    lang === 'zh'
      ? `数据里没有“${word}”，所以没有回答（不会用别的指标代替）。可以问流失、订单、营收、工单等数据里有的指标。`
      : `The data has nothing on "${word}", so it was not answered (no other metric stands in for it). You can ask about churn, orders, revenue, tickets and the other metrics the data holds.`,
  contextSetAside: (clauses: string[], kept: string[], lang: Lang) =>
    lang === 'zh'
      ? `按消息里提问的部分回答，背景“${clauses.join('”、“')}”不作为问题${kept.length > 0 ? `（其中“${kept.join('”、“')}”作为范围保留）` : ''}`
      : `Answered the question part of the message; the background ("${clauses.join('", "')}") is not read as the question${kept.length > 0 ? ` (its "${kept.join('", "')}" kept as the scope)` : ''}`,
};

const GRAIN_TEXT = {
  month: { zh: '12个完整月', en: '12 complete months' },
  quarter: { zh: '8个完整季度', en: '8 complete quarters' },
  week: { zh: '13个完整周', en: '13 complete weeks' },
  day: { zh: '30天', en: '30 days' },
  year: { zh: '几年（自数据开始）', en: 'years since the data begins' },
} as const;

/** The phrase naming a default trend window. */
export function grainText(grain: keyof typeof GRAIN_TEXT) {
  return GRAIN_TEXT[grain];
}

/** What the assistant can answer, with examples taken from the catalog. */
export function capabilities(catalog: Catalog, lang: Lang): string {
  const metrics = catalog.metrics.filter((m) => m.certified).slice(0, 4);
  const main = catalog.metrics.find((m) => m.id === catalog.defaultMetric) ?? metrics[0];
  const dim = catalog.dimensions.find((d) => d.type === 'categorical');
  const names = metrics.map((m) => m.label[lang]);
  if (lang === 'zh') {
    const byDim = dim && main ? `、按${dim.label.zh}看${main.label.zh}` : '';
    return `我可以回答关于${catalog.label.zh}数据的问题，例如：${names.join('、')}${byDim}、原因分析和有流失风险的客户。`;
  }
  const byDim = dim && main ? `, ${main.label.en} by ${dim.label.en.toLowerCase()}` : '';
  return `I can answer questions about the ${catalog.label.en} data, for example: ${names.join(', ')}${byDim}, reasons for churn and customers at risk.`;
}

export const decline = {
  action: (catalog: Catalog, lang: Lang) =>
    (lang === 'zh'
      ? '抱歉，我只能查询和分析数据，不能执行操作（例如发送消息或修改客户记录）。'
      : 'Sorry, I can only read and analyse the data; I cannot carry out actions such as sending messages or changing records. ') +
    capabilities(catalog, lang),
  instructions: (catalog: Catalog, lang: Lang) =>
    (lang === 'zh'
      ? '抱歉，我不会改变自己的规则，也不会列出个人联系方式或密码等敏感信息。'
      : 'Sorry, I do not change my rules, and I do not list personal contact details, passwords or other sensitive data. ') +
    capabilities(catalog, lang),
  offTopic: (catalog: Catalog, lang: Lang) =>
    (lang === 'zh'
      ? '抱歉，这个问题不在我能回答的范围内。'
      : 'Sorry, that question is outside what I can answer. ') + capabilities(catalog, lang),
  dataChange: (catalog: Catalog, lang: Lang) =>
    (lang === 'zh'
      ? '抱歉，我只能查询和分析数据，不能修改、删除或写入数据。'
      : 'Sorry, I can only read and analyse the data; I cannot change, delete or write it. ') +
    capabilities(catalog, lang),
};
