import type { TimeRange } from '../../../../semantic-layer/src/query.ts';
import { formatValue } from '../../answer/format.ts';
import { listText } from '../../answer/narrative-words.ts';
import { rangeLabel, rangePhrase } from '../../answer/period-label.ts';
import { analysisMessage } from '../analysis-messages.ts';
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
  const lang = ctx.lang;
  const n = (v: number) => formatValue(v, 'count', lang);
  const pct = (v: number) => formatValue(v, 'percent', lang);
  const name = (reason: string) => valueText(ctx, s.reason, reason);
  const nameWords = (reason: string) => ({ name: name(reason), name_lower: name(reason).toLowerCase() });
  const named = s.lines.filter((l) => l !== s.silent).slice(0, 3);
  const lookback = Number(ctx.runtime.model.churn.reasons.lookback_days);
  const parts: string[] = [];

  const total = n(s.total);
  if (s.range)
    parts.push(
      analysisMessage('reasons.total.period', lang, {
        total,
        range: rangeLabel(s.range, lang),
        phrase: rangePhrase(s.range, lang),
      }),
    );
  else parts.push(analysisMessage('reasons.total', lang, { total }));
  if (named.length) {
    const items = named.map((l) =>
      analysisMessage('reasons.item', lang, {
        ...nameWords(l.reason),
        churned: n(l.churned),
        share: pct(l.share),
      }),
    );
    const [head, ...rest] = items;
    const more = rest.length
      ? analysisMessage('reasons.main.rest', lang, { items: listText(rest, lang) })
      : '';
    parts.push(analysisMessage('reasons.main', lang, { head: head!, rest: more }));
  }
  if (s.silent) {
    const silent = { churned: n(s.silent.churned), share: pct(s.silent.share), days: lookback };
    parts.push(analysisMessage(s.range ? 'reasons.silent' : 'reasons.unrecorded', lang, silent));
  }
  const top = named[0];
  const quotes = top ? (s.verbatims[top.reason] ?? []).slice(0, 2) : [];
  if (top && quotes.length) {
    const q = quotes.map((v) => analysisMessage('reasons.quote', lang, { text: v.text }));
    parts.push(
      analysisMessage('reasons.quotes', lang, {
        ...nameWords(top.reason),
        quotes: q.join(analysisMessage('list_separator', lang)),
      }),
    );
  }
  if (s.by && s.segments.length) {
    const lines = s.segments.slice(0, 3).map((seg) => {
      const first = seg.reasons.find((l) => l.reason !== 'silent');
      const who =
        seg.segment === null ? analysisMessage('no_value', lang) : valueText(ctx, s.by!, seg.segment);
      if (!first) return analysisMessage('reasons.segment.silent', lang, { who, churned: n(seg.churned) });
      return analysisMessage('reasons.segment.main', lang, {
        who,
        churned: n(seg.churned),
        ...nameWords(first.reason),
        share: pct(first.share),
      });
    });
    const by = memberText(ctx, s.by);
    parts.push(
      analysisMessage('reasons.by_segment', lang, {
        by,
        by_lower: by.toLowerCase(),
        lines: lines.join(analysisMessage('requirement_separator', lang)),
      }),
    );
  }
  return parts.join(analysisMessage('sentence_separator', lang));
}
