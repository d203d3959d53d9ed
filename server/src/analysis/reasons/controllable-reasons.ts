/**
 * Controllable versus uncontrollable churn (issue 18 §7, seed 002): the governed classification of
 * reason codes (`churn.reasons.controllable` in the model) applied to the period's churners. Silent
 * churners have no reason and stay apart (unknown); each share comes with a Wilson 95% interval.
 */
import { formatValue } from '../../answer/format.ts';
import { listText } from '../../answer/narrative-words.ts';
import type { AnalysisContext } from '../governed/analysis-context.ts';
import { valueText } from '../governed/analysis-members.ts';
import { wilsonInterval } from '../stats/index.ts';

export interface ControllableSplit {
  controllable: { churned: number; share: number; low: number; high: number; reasons: string[] };
  uncontrollable: { churned: number; share: number; low: number; high: number; reasons: string[] };
  silent: { churned: number; share: number };
  total: number;
}

/** The split, or null when the model does not classify its reasons. */
export function controllableSplit(
  ctx: AnalysisContext,
  lines: { reason: string; churned: number }[],
  silentCode: string,
): ControllableSplit | null {
  const list = ctx.runtime.model.churn.reasons.controllable;
  if (!list?.length) return null;
  const controllable = new Set(list);
  const total = lines.reduce((s, l) => s + l.churned, 0);
  if (total === 0) return null;
  const part = (pick: (code: string) => boolean) => {
    const chosen = lines.filter((l) => l.reason !== silentCode && pick(l.reason));
    const churned = chosen.reduce((s, l) => s + l.churned, 0);
    const ci = wilsonInterval(churned, total);
    const [low, high] = ci.ok ? [ci.value.lower, ci.value.upper] : [Number.NaN, Number.NaN];
    return { churned, share: churned / total, low, high, reasons: chosen.map((l) => l.reason) };
  };
  const silent = lines.filter((l) => l.reason === silentCode).reduce((s, l) => s + l.churned, 0);
  return {
    controllable: part((c) => controllable.has(c)),
    uncontrollable: part((c) => !controllable.has(c)),
    silent: { churned: silent, share: silent / total },
    total,
  };
}

/** One sentence: how much of churn the company could act on. */
export function controllableSentence(
  ctx: AnalysisContext,
  s: ControllableSplit,
  reasonDimension: string,
): string {
  const zh = ctx.lang === 'zh';
  const pct = (v: number) => formatValue(v, 'percent', ctx.lang);
  const names = (codes: string[]) =>
    codes.length
      ? listText(
          codes.map((c) => valueText(ctx, reasonDimension, c)),
          ctx.lang,
        )
      : zh
        ? '无'
        : 'none';
  const c = s.controllable;
  const u = s.uncontrollable;
  return zh
    ? `按治理的原因分类，可控原因（${names(c.reasons)}）占流失客户的 ${pct(c.share)}（95% 区间 ${pct(c.low)}–${pct(c.high)}），不可控原因（${names(u.reasons)}）占 ${pct(u.share)}（${pct(u.low)}–${pct(u.high)}），其余 ${pct(s.silent.share)} 为静默流失、原因未知。`
    : `By the governed classification of reasons, controllable ones (${names(c.reasons)}) account for ${pct(c.share)} of churners (95% CI ${pct(c.low)}–${pct(c.high)}), uncontrollable ones (${names(u.reasons)}) for ${pct(u.share)} (${pct(u.low)}–${pct(u.high)}); the remaining ${pct(s.silent.share)} churned silently, reason unknown.`;
}
