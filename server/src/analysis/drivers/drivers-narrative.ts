import { formatValue } from '../../answer/format.ts';
import { listText } from '../../answer/narrative-words.ts';
import { rangeLabel } from '../../answer/period-label.ts';
import type { AnalysisContext } from '../governed/analysis-context.ts';
import { memberText, valueText } from '../governed/analysis-members.ts';
import type { ChurnPopulation } from '../governed/churn-population.ts';
import { benjaminiHochberg } from '../stats/index.ts';
import { type DriverFactor, type FactorScan, FDR, type SuppressionReason } from './driver-factors.ts';
import type { RegressionView } from './driver-regression.ts';
import { isLeadingIndicator, LEADING_INDICATORS } from './leading-indicators.ts';
import type { NestedComparison } from './nested-factors.ts';

export interface DriversStory {
  pop: ChurnPopulation;
  scan: FactorScan;
  risk: DriverFactor[];
  protective: DriverFactor[];
  indicators: DriverFactor[];
  nested: NestedComparison[];
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
  const pafCi = (f: DriverFactor) => `${pct(f.pafLow)}–${pct(f.pafHigh)}`;
  if (top) {
    const ci = `${num(top.low)}–${num(top.high)}`;
    const others = next
      .slice(0, 2)
      .map((f) =>
        zh
          ? `「${f.label}」（相对风险 ${num(f.relativeRisk)}，可归因 ${pct(f.attributableFraction)}，95% 区间 ${pafCi(f)}）`
          : `${f.label} (RR ${num(f.relativeRisk)}, PAF ${pct(f.attributableFraction)}, 95% CI ${pafCi(f)})`,
      );
    parts.push(
      zh
        ? `按可归因比例（PAF）排序，首要因素是「${top.label}」：流失率 ${pct(top.rateWith)}，其余客户 ${pct(top.rateWithout)}，相对风险 ${num(top.relativeRisk)}（95% 置信区间 ${ci}），约 ${pct(top.attributableFraction)}（95% 区间 ${pafCi(top)}）的流失可归因于它${others.length ? `；其次是${listText(others, 'zh')}` : ''}。`
        : `Ranked by attributable share (PAF), the top driver is ${top.label} — churn ${pct(top.rateWith)} against ${pct(top.rateWithout)} for the rest, relative risk ${num(top.relativeRisk)} (95% CI ${ci}), about ${pct(top.attributableFraction)} (95% CI ${pafCi(top)}) of churn attributable to it${others.length ? `; next come ${listText(others, 'en')}` : ''}.`,
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
  for (const n of s.nested) parts.push(nestedSentence(ctx, n));
  if (s.indicators.length) {
    const items = s.indicators.map((f) =>
      zh
        ? `「${f.label}」（相对风险 ${num(f.relativeRisk)}：${LEADING_INDICATORS[f.dimension]!.zh}）`
        : `${f.label} (RR ${num(f.relativeRisk)}: ${LEADING_INDICATORS[f.dimension]!.en})`,
    );
    parts.push(
      zh
        ? `以下因素在结果窗口内测得，是流失的前兆而非原因，未参与排序：${listText(items, 'zh')}。`
        : `Measured inside the outcome's own window, these are leading indicators, not causes, and are not ranked: ${listText(items, 'en')}.`,
    );
  }
  if ('features' in s.regression && s.regression.features.length) {
    const r = s.regression;
    const q = benjaminiHochberg(r.features.map((f) => f.pValue));
    const strongest = r.features
      .filter((f, i) => f.oddsRatio > 1 && f.low > 1 && q[i]! <= FDR && !isLeadingIndicator(f.dimension))
      .slice(0, 3)
      .map((f) => (zh ? `「${f.label}」（OR ${num(f.oddsRatio)}）` : `${f.label} (OR ${num(f.oddsRatio)})`));
    if (strongest.length)
      parts.push(
        zh
          ? `多因素逻辑回归（相互调整后，同样经 Benjamini–Hochberg 校正）中影响最大的是${listText(strongest, 'zh')}。`
          : `Adjusted for each other in a logistic regression (also Benjamini–Hochberg corrected), the strongest are ${listText(strongest, 'en')}.`,
      );
  }
  parts.push(suppressionSentence(ctx, scan));
  return parts.join(zh ? '' : ' ');
}

/** A city set against the rest of its region, and whether the region's excess is the city's. */
function nestedSentence(ctx: AnalysisContext, n: NestedComparison): string {
  const zh = ctx.lang === 'zh';
  const pct = (v: number | null) => formatValue(v, 'percent', ctx.lang);
  const num = (v: number | null) => formatValue(v, 'number', ctx.lang);
  const city = valueText(ctx, n.dimension, n.value);
  const rest = `${num(n.restRr)}（${num(n.restLow)}–${num(n.restHigh)}）`;
  const restEn = `${num(n.restRr)} (${num(n.restLow)}–${num(n.restHigh)})`;
  return zh
    ? `在${n.parentLabel}内部比较：${city}流失率 ${pct(n.withinRate)}，${n.parentLabel}其他地方 ${pct(n.restOfParentRate)}，相对风险 ${num(n.withinRr)}（95% 置信区间 ${num(n.withinLow)}–${num(n.withinHigh)}）；${n.parentLabel}除${city}外相对其他地区的相对风险为 ${rest}${n.explainsParent ? `，即${n.parentLabel}整体偏高来自${city}，应在城市层面处理` : ''}。`
    : `Within ${n.parentLabel}: ${city} churned at ${pct(n.withinRate)} against ${pct(n.restOfParentRate)} in the rest of ${n.parentLabel}, relative risk ${num(n.withinRr)} (95% CI ${num(n.withinLow)}–${num(n.withinHigh)}); the rest of ${n.parentLabel} against other regions: ${restEn}${n.explainsParent ? `, so ${n.parentLabel}'s excess is ${city}'s and is for the city to act on` : ''}.`;
}

/** Says how many factors were tested and which were left out, and why. */
function suppressionSentence(ctx: AnalysisContext, scan: FactorScan): string {
  const zh = ctx.lang === 'zh';
  const by = (reason: SuppressionReason) => scan.suppressed.filter((f) => f.reason === reason);
  const few = by('too_few_customers');
  const zero = by('zero_cell');
  const insignificant = by('ci_crosses_1');
  const fdr = by('fails_fdr');
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
  if (fdr.length)
    reasons.push(
      zh
        ? `${fdr.length} 个单独检验显著、但经 Benjamini–Hochberg 多重检验校正（错误发现率 5%）后不显著（如${names(fdr)}）`
        : `${fdr.length} significant on their own but not after the Benjamini–Hochberg correction for multiple testing (5% false discovery rate; e.g. ${names(fdr)})`,
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
  const corrected = zh
    ? `显著性已按 Benjamini–Hochberg 方法对 ${scan.corrected} 次检验做多重检验校正（错误发现率 5%）`
    : `significance is corrected for ${scan.corrected} tests by Benjamini–Hochberg (5% false discovery rate)`;
  if (!reasons.length)
    return zh
      ? `共检验 ${scan.tested} 个因素，全部显著；${corrected}。`
      : `All ${scan.tested} factors tested were significant; ${corrected}.`;
  return zh
    ? `共检验 ${scan.tested} 个因素，${corrected}，列出 ${shown} 个显著因素；未列出：${reasons.join('；')}。`
    : `${scan.tested} factors tested; ${corrected}; ${shown} significant ones listed; left out: ${reasons.join('; ')}.`;
}
