/**
 * Controllable versus uncontrollable churn (issue 18 §7, seed 002): the governed classification of
 * reason codes (`churn.reasons.controllable` in the model) applied to the period's churners. Silent
 * churners have no reason and stay apart (unknown); each share comes with a Wilson 95% interval.
 */
import { formatValue } from '../../answer/format.ts';
import { listText } from '../../answer/narrative-words.ts';
import { analysisMessage } from '../analysis-messages.ts';
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
  const lang = ctx.lang;
  const pct = (v: number) => formatValue(v, 'percent', lang);
  const names = (codes: string[]) =>
    codes.length
      ? listText(
          codes.map((c) => valueText(ctx, reasonDimension, c)),
          lang,
        )
      : analysisMessage('reasons.controllable.none', lang);
  const c = s.controllable;
  const u = s.uncontrollable;
  return analysisMessage('reasons.controllable', lang, {
    controllable: names(c.reasons),
    share: pct(c.share),
    low: pct(c.low),
    high: pct(c.high),
    uncontrollable: names(u.reasons),
    uShare: pct(u.share),
    uLow: pct(u.low),
    uHigh: pct(u.high),
    silent: pct(s.silent.share),
  });
}
