import { formatValue } from '../../answer/format.ts';
import { listText } from '../../answer/narrative-words.ts';
import { rangeLabel } from '../../answer/period-label.ts';
import type { AnalysisContext } from '../governed/analysis-context.ts';
import { memberText } from '../governed/analysis-members.ts';
import type { ChurnPopulation } from '../governed/churn-population.ts';
import type { DriverFactor, FactorScan, SuppressionReason } from './driver-factors.ts';
import type { RegressionView } from './driver-regression.ts';

export interface DriversStory {
  pop: ChurnPopulation;
  scan: FactorScan;
  risk: DriverFactor[];
  protective: DriverFactor[];
  regression: RegressionView | { error: string };
}

/** Key drivers in words: the population, the top factors by PAF, protective ones, the adjusted view, what was left out. */
export function driversNarrative(ctx: AnalysisContext, s: DriversStory): string {
  const zh = ctx.lang === 'zh';
  const n = (v: number) => formatValue(v, 'count', ctx.lang);
  const pct = (v: number | null) => formatValue(v, 'percent', ctx.lang);
  const num = (v: number | null) => formatValue(v, 'number', ctx.lang);
  const { scan } = s;
  const parts: string[] = [];
  const period = s.pop.range ? rangeLabel(s.pop.range, ctx.lang) : '';
  const rate = pct(scan.churned / scan.customers);
  parts.push(
    zh
      ? `${period ? `${period}期初活跃的` : ''} ${n(scan.customers)} 位客户中有 ${n(scan.churned)} 人流失（${rate}）。`.trimStart()
      : `Of ${n(scan.customers)} customers${period ? ` active at the start of ${period}` : ''}, ${n(scan.churned)} churned (${rate}).`,
  );
  const [top, ...next] = s.risk;
  if (top) {
    const ci = `${num(top.low)}–${num(top.high)}`;
    const others = next
      .slice(0, 2)
      .map((f) =>
        zh
          ? `「${f.label}」（相对风险 ${num(f.relativeRisk)}，可归因 ${pct(f.attributableFraction)}）`
          : `${f.label} (RR ${num(f.relativeRisk)}, PAF ${pct(f.attributableFraction)})`,
      );
    parts.push(
      zh
        ? `按可归因比例（PAF）排序，首要因素是「${top.label}」：流失率 ${pct(top.rateWith)}，其余客户 ${pct(top.rateWithout)}，相对风险 ${num(top.relativeRisk)}（95% 置信区间 ${ci}），约 ${pct(top.attributableFraction)} 的流失可归因于它${others.length ? `；其次是${listText(others, 'zh')}` : ''}。`
        : `Ranked by attributable share (PAF), the top driver is ${top.label} — churn ${pct(top.rateWith)} against ${pct(top.rateWithout)} for the rest, relative risk ${num(top.relativeRisk)} (95% CI ${ci}), about ${pct(top.attributableFraction)} of churn attributable to it${others.length ? `; next come ${listText(others, 'en')}` : ''}.`,
    );
  } else {
    parts.push(zh ? '没有显著提高流失风险的因素。' : 'No factor significantly raised the churn risk.');
  }
  const guard = [...s.protective].sort((a, b) => (a.relativeRisk ?? 1) - (b.relativeRisk ?? 1)).slice(0, 2);
  if (guard.length) {
    const items = guard.map((f) =>
      zh ? `「${f.label}」（相对风险 ${num(f.relativeRisk)}）` : `${f.label} (RR ${num(f.relativeRisk)})`,
    );
    parts.push(
      zh
        ? `流失风险明显较低的是${listText(items, 'zh')}。`
        : `Churn is markedly lower for ${listText(items, 'en')}.`,
    );
  }
  if ('features' in s.regression && s.regression.features.length) {
    const r = s.regression;
    const strongest = r.features
      .filter((f) => f.oddsRatio > 1 && f.low > 1)
      .slice(0, 3)
      .map((f) => (zh ? `「${f.label}」（OR ${num(f.oddsRatio)}）` : `${f.label} (OR ${num(f.oddsRatio)})`));
    if (strongest.length)
      parts.push(
        zh
          ? `多因素逻辑回归（相互调整后）中影响最大的是${listText(strongest, 'zh')}。`
          : `Adjusted for each other in a logistic regression, the strongest are ${listText(strongest, 'en')}.`,
      );
  }
  parts.push(suppressionSentence(ctx, scan));
  return parts.join(zh ? '' : ' ');
}

/** Says how many factors were tested and which were left out, and why. */
function suppressionSentence(ctx: AnalysisContext, scan: FactorScan): string {
  const zh = ctx.lang === 'zh';
  const by = (reason: SuppressionReason) => scan.suppressed.filter((f) => f.reason === reason);
  const few = by('too_few_customers');
  const zero = by('zero_cell');
  const insignificant = by('ci_crosses_1');
  const majority = by('majority');
  const reasons: string[] = [];
  const names = (list: typeof few) =>
    listText(
      list.slice(0, 3).map((f) => f.label),
      ctx.lang,
    );
  if (few.length)
    reasons.push(
      zh
        ? `${few.length} 个因客户不足 30 人（如${names(few)}）`
        : `${few.length} with fewer than 30 customers (e.g. ${names(few)})`,
    );
  if (zero.length)
    reasons.push(
      zh
        ? `${zero.length} 个因没有流失客户无法计算相对风险`
        : `${zero.length} with no churners to compute a relative risk`,
    );
  if (insignificant.length)
    reasons.push(
      zh
        ? `${insignificant.length} 个因 95% 置信区间包含 1、差异不显著（如${names(insignificant)}）`
        : `${insignificant.length} whose 95% CI includes 1, i.e. not significant (e.g. ${names(insignificant)})`,
    );
  if (majority.length)
    reasons.push(
      zh
        ? `${majority.length} 个因覆盖八成以上客户、属于基准人群（如${names(majority)}）`
        : `${majority.length} held by over 80% of customers, i.e. the baseline (e.g. ${names(majority)})`,
    );
  if (scan.outcomes.length) {
    const outcomeNames = listText(
      scan.outcomes.map((d) => memberText(ctx, d)),
      ctx.lang,
    );
    reasons.push(
      zh
        ? `${outcomeNames}只记录在已流失客户身上，是流失的结果而非因素`
        : `${outcomeNames} ${scan.outcomes.length > 1 ? 'are' : 'is'} recorded only for churned customers: a consequence of churn, not a factor`,
    );
  }
  const shown = scan.tested - scan.suppressed.length;
  if (!reasons.length)
    return zh
      ? `共检验 ${scan.tested} 个因素，全部显著。`
      : `All ${scan.tested} factors tested were significant.`;
  return zh
    ? `共检验 ${scan.tested} 个因素，列出 ${shown} 个显著因素；未列出：${reasons.join('；')}。`
    : `${scan.tested} factors tested, ${shown} significant ones listed; left out: ${reasons.join('; ')}.`;
}
