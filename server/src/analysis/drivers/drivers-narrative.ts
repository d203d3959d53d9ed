import { formatValue } from '../../answer/format.ts';
import { listText } from '../../answer/narrative-words.ts';
import { rangeLabel } from '../../answer/period-label.ts';
import { analysisMessage } from '../analysis-messages.ts';
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
  const lang = ctx.lang;
  const n = (v: number) => formatValue(v, 'count', ctx.lang);
  const pct = (v: number | null) => formatValue(v, 'percent', ctx.lang);
  const num = (v: number | null) => formatValue(v, 'number', ctx.lang);
  const { scan } = s;
  const parts: string[] = [];
  const period = s.pop.range ? rangeLabel(s.pop.range, ctx.lang) : '';
  const rate = pct(scan.churned / scan.customers);
  parts.push(
    analysisMessage('drivers.population', lang, {
      period: period ? analysisMessage('drivers.population.period', lang, { period }) : '',
      customers: n(scan.customers),
      churned: n(scan.churned),
      rate,
    }).trimStart(),
  );
  const [top, ...next] = s.risk;
  const pafCi = (f: DriverFactor) => `${pct(f.pafLow)}–${pct(f.pafHigh)}`;
  if (top) {
    const ci = `${num(top.low)}–${num(top.high)}`;
    const others = next.slice(0, 2).map((f) =>
      analysisMessage('drivers.next_factor', lang, {
        label: f.label,
        rr: num(f.relativeRisk),
        paf: pct(f.attributableFraction),
        pafCi: pafCi(f),
      }),
    );
    parts.push(
      analysisMessage('drivers.top', lang, {
        label: top.label,
        rateWith: pct(top.rateWith),
        rateWithout: pct(top.rateWithout),
        rr: num(top.relativeRisk),
        ci,
        paf: pct(top.attributableFraction),
        pafCi: pafCi(top),
        next: others.length ? analysisMessage('drivers.next', lang, { factors: listText(others, lang) }) : '',
      }),
    );
  } else {
    parts.push(analysisMessage('drivers.none', lang));
  }
  const guard = [...s.protective].sort((a, b) => (a.relativeRisk ?? 1) - (b.relativeRisk ?? 1)).slice(0, 2);
  if (guard.length) {
    const items = guard.map((f) =>
      analysisMessage('drivers.factor_rr', lang, { label: f.label, rr: num(f.relativeRisk) }),
    );
    parts.push(analysisMessage('drivers.protective', lang, { factors: listText(items, lang) }));
  }
  for (const n of s.nested) parts.push(nestedSentence(ctx, n));
  if (s.indicators.length) {
    const items = s.indicators.map((f) =>
      analysisMessage('drivers.indicator', lang, {
        label: f.label,
        rr: num(f.relativeRisk),
        why: LEADING_INDICATORS[f.dimension]![lang],
      }),
    );
    parts.push(analysisMessage('drivers.indicators', lang, { factors: listText(items, lang) }));
  }
  if ('features' in s.regression && s.regression.features.length) {
    const r = s.regression;
    const q = benjaminiHochberg(r.features.map((f) => f.pValue));
    const strongest = r.features
      .filter((f, i) => f.oddsRatio > 1 && f.low > 1 && q[i]! <= FDR && !isLeadingIndicator(f.dimension))
      .slice(0, 3)
      .map((f) => analysisMessage('drivers.factor_or', lang, { label: f.label, or: num(f.oddsRatio) }));
    if (strongest.length)
      parts.push(analysisMessage('drivers.regression', lang, { factors: listText(strongest, lang) }));
  }
  parts.push(suppressionSentence(ctx, scan));
  return parts.join(analysisMessage('sentence_separator', lang));
}

/** A city set against the rest of its region, and whether the region's excess is the city's. */
function nestedSentence(ctx: AnalysisContext, n: NestedComparison): string {
  const lang = ctx.lang;
  const pct = (v: number | null) => formatValue(v, 'percent', ctx.lang);
  const num = (v: number | null) => formatValue(v, 'number', ctx.lang);
  const words = { parent: n.parentLabel, city: valueText(ctx, n.dimension, n.value) };
  return analysisMessage('drivers.nested', lang, {
    ...words,
    rate: pct(n.withinRate),
    restRate: pct(n.restOfParentRate),
    rr: num(n.withinRr),
    low: num(n.withinLow),
    high: num(n.withinHigh),
    restRr: num(n.restRr),
    restLow: num(n.restLow),
    restHigh: num(n.restHigh),
    explains: n.explainsParent ? analysisMessage('drivers.nested.explains', lang, words) : '',
  });
}

/** Says how many factors were tested and which were left out, and why. */
function suppressionSentence(ctx: AnalysisContext, scan: FactorScan): string {
  const lang = ctx.lang;
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
  const leftOut = [
    ['drivers.left_out.few', few],
    ['drivers.left_out.zero', zero],
    ['drivers.left_out.insignificant', insignificant],
    ['drivers.left_out.fdr', fdr],
    ['drivers.left_out.majority', majority],
  ] as const;
  for (const [id, list] of leftOut)
    if (list.length) reasons.push(analysisMessage(id, lang, { count: list.length, names: names(list) }));
  if (scan.outcomes.length) {
    const outcomeNames = listText(
      scan.outcomes.map((d) => memberText(ctx, d)),
      ctx.lang,
    );
    const id = scan.outcomes.length > 1 ? 'drivers.left_out.outcomes' : 'drivers.left_out.outcome';
    reasons.push(analysisMessage(id, lang, { names: outcomeNames }));
  }
  const tested = { tested: scan.tested, shown: scan.tested - scan.suppressed.length };
  const corrected = analysisMessage('drivers.corrected', lang, { count: scan.corrected });
  if (!reasons.length) return analysisMessage('drivers.all_significant', lang, { ...tested, corrected });
  return analysisMessage('drivers.tested', lang, {
    ...tested,
    corrected,
    reasons: reasons.join(analysisMessage('requirement_separator', lang)),
  });
}
