import type { Catalog } from '../../../../semantic-layer/src/catalog.ts';
import type { QuestionAnalysis } from './analyse-question.ts';
import { countOfRate } from './metric-choice.ts';

/**
 * "华南有多少高价值客户流失了", "上个月有几个会员走了", "how many premium customers left": people counted
 * (多少/几/how many before the people word, "how many customers with electronic check have left") and then a verb of leaving count the people who left — the count
 * of the default metric's people (流失客户数, catalog-derived) — never everyone (客户数) or the rate.
 */
const COUNTED_PEOPLE_LEAVING_ZH =
  /(?:多少|几)(?:个|位|名|家|户)?[^，,。？?！!]{0,12}?(?:客户|用户|会员|顾客|客人|订户|人)(?:都|已经|就|又)?(?:流失|走|跑|离开|离网|退订|解约|流走|溜)(?:了|掉|咗|走)/;
const COUNTED_PEOPLE_LEAVING_EN =
  /\bhow many\s+(?:[\w-]+\s+){0,4}?(?:customers|users|members|subscribers|accounts|people|clients)\s+(?:(?:with|on|in|from|paying|using)\s+(?:[\w-]+\s+){1,4}?)?(?:have\s+|had\s+)?(?:churned|left|cancel(?:l)?ed|walked away|quit|lapsed)\b/i;

export function leavingHeadcount(
  analysis: QuestionAnalysis,
  catalog: Catalog,
  metrics: string[],
  everyone: string | undefined,
): string[] | undefined {
  const text = analysis.original;
  if (!COUNTED_PEOPLE_LEAVING_ZH.test(text) && !COUNTED_PEOPLE_LEAVING_EN.test(text)) return undefined;
  const count = countOfRate(catalog, catalog.defaultMetric);
  if (!count) return undefined;
  // the people (everyone counted) and the churn words (the rate) are the people who left; other figures stay
  // ("有多少客户流失了，带走了多少收入" → 流失客户数 + lost revenue)
  const read = metrics.map((id) => (id === catalog.defaultMetric || id === everyone ? count : id));
  return read.length === 0 ? [count] : [...new Set(read)];
}
