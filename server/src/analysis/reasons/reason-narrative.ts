import type { TimeRange } from '../../../../semantic-layer/src/query.ts';
import { formatValue } from '../../answer/format.ts';
import { listText } from '../../answer/narrative-words.ts';
import { rangeLabel, rangePhrase } from '../../answer/period-label.ts';
import type { AnalysisContext } from '../governed/analysis-context.ts';
import { memberText, valueText } from '../governed/analysis-members.ts';
import type { Verbatims } from './reason-verbatims.ts';
import type { ReasonLine, SegmentReasons } from './reasons-analysis.ts';

export interface ReasonsStory {
  /** The reason dimension. */
  reason: string;
  /** The period; none for label churn (no dates). */
  range?: TimeRange;
  total: number;
  lines: ReasonLine[];
  silent: ReasonLine | null;
  verbatims: Verbatims;
  by?: string;
  segments: SegmentReasons[];
}

/** The reason breakdown in words: the main reasons with counts and shares, silent churn, verbatims, segments. */
export function reasonsNarrative(ctx: AnalysisContext, s: ReasonsStory): string {
  const zh = ctx.lang === 'zh';
  const n = (v: number) => formatValue(v, 'count', ctx.lang);
  const pct = (v: number) => formatValue(v, 'percent', ctx.lang);
  const name = (reason: string) => valueText(ctx, s.reason, reason);
  const named = s.lines.filter((l) => l !== s.silent).slice(0, 3);
  const lookback = Number(ctx.runtime.model.churn.reasons.lookback_days);
  const parts: string[] = [];

  if (s.range)
    parts.push(
      zh
        ? `${rangeLabel(s.range, 'zh')}期初活跃客户中共流失 ${n(s.total)} 人。`
        : `${n(s.total)} customers who were active at the start of ${rangeLabel(s.range, 'en')} churned ${rangePhrase(s.range, 'en')}.`,
    );
  else parts.push(zh ? `共有 ${n(s.total)} 位流失客户。` : `${n(s.total)} customers churned.`);
  if (named.length) {
    const items = named.map((l) =>
      zh
        ? `${name(l.reason)}（${n(l.churned)} 人，占 ${pct(l.share)}）`
        : `${name(l.reason).toLowerCase()} (${n(l.churned)}, ${pct(l.share)})`,
    );
    const [head, ...rest] = items;
    parts.push(
      zh
        ? `最主要的原因是${head}${rest.length ? `，其次是${listText(rest, 'zh')}` : ''}。`
        : `The main reason was ${head}${rest.length ? `, followed by ${listText(rest, 'en')}` : ''}.`,
    );
  }
  if (s.silent && !s.range) {
    parts.push(
      zh
        ? `另有 ${n(s.silent.churned)} 人（${pct(s.silent.share)}）没有记录流失原因。`
        : `${n(s.silent.churned)} churners (${pct(s.silent.share)}) have no recorded reason.`,
    );
  } else if (s.silent) {
    parts.push(
      zh
        ? `另有 ${n(s.silent.churned)} 人（${pct(s.silent.share)}）流失前 ${lookback} 天没有工单或负面反馈，记为静默流失，原因无法从数据中得知。`
        : `${n(s.silent.churned)} churners (${pct(s.silent.share)}) left no ticket or negative feedback in the ${lookback} days before churning (silent churn): their reason is unknown.`,
    );
  }
  const top = named[0];
  const quotes = top ? (s.verbatims[top.reason] ?? []).slice(0, 2) : [];
  if (top && quotes.length) {
    const q = quotes.map((v) => (zh ? `“${v.text}”` : `"${v.text}"`));
    parts.push(
      zh
        ? `${name(top.reason)}相关的典型反馈：${q.join('、')}。`
        : `Typical feedback on ${name(top.reason).toLowerCase()}: ${q.join(', ')}.`,
    );
  }
  if (s.by && s.segments.length) {
    const lines = s.segments.slice(0, 3).map((seg) => {
      const first = seg.reasons.find((l) => l.reason !== 'silent');
      const who = seg.segment === null ? (zh ? '（空）' : '(none)') : valueText(ctx, s.by!, seg.segment);
      if (!first)
        return zh
          ? `${who}流失 ${n(seg.churned)} 人，均为静默流失`
          : `${who}: ${n(seg.churned)} churners, all silent`;
      return zh
        ? `${who}流失 ${n(seg.churned)} 人，首要原因是${name(first.reason)}（占该组 ${pct(first.share)}）`
        : `${who}: ${n(seg.churned)} churners, mainly ${name(first.reason).toLowerCase()} (${pct(first.share)} of them)`;
    });
    const byLabel = memberText(ctx, s.by);
    parts.push(
      zh ? `按${byLabel}看：${lines.join('；')}。` : `By ${byLabel.toLowerCase()}: ${lines.join('; ')}.`,
    );
  }
  return parts.join(zh ? '' : ' ');
}
