import type { Catalog, Lang } from '../../../../semantic-layer/src/catalog.ts';
import type { QuestionAnalysis } from './analyse-question.ts';
import type { Draft } from './draft.ts';
import { hasCue } from './intent.ts';
import { say } from './messages.ts';
import { countOfRate } from './metric-choice.ts';

/**
 * "流失客户里面高价值的占多少", "服务和物流各占多少", "what share of churners are high-value": a share is
 * a part of a total, so the count is listed across the named value's dimension (every group, so the
 * part and the total are both there) rather than filtered to the one value; two or more values named
 * are set side by side. A share asks for a count: a rate named (or none) becomes the count of the people
 * it is about. Changes the draft; returns the reading to say (none for values side by side), or undefined
 * when nothing is a share.
 */
export function readShare(
  analysis: QuestionAnalysis,
  catalog: Catalog,
  draft: Draft,
  lang: Lang,
): { note?: string } | undefined {
  if (!hasCue(analysis, 'share')) return undefined;
  const valued = draft.filters.filter(
    (f) => f.op === 'in' && catalog.dimensions.find((d) => d.id === f.member)?.type === 'categorical',
  );
  if (valued.length !== 1) return undefined;
  const filter = valued[0];
  if (draft.dimensions.some((d) => d !== filter.member)) return undefined;
  const metric = draft.metrics[0] ?? catalog.defaultMetric;
  const format = catalog.metrics.find((m) => m.id === metric)?.format;
  const count = format === 'count' ? metric : countOfRate(catalog, metric);
  if (!count || draft.metrics.length > 1) return undefined;
  const several = (filter.values ?? []).length >= 2;
  draft.metrics = [count];
  draft.dimensions = [filter.member];
  if (!several) draft.filters = draft.filters.filter((f) => f !== filter);
  draft.intent = several ? 'comparison' : 'breakdown';
  const dim = catalog.dimensions.find((d) => d.id === filter.member)!;
  const label = catalog.metrics.find((m) => m.id === count)!.label[lang];
  return several ? {} : { note: say.shareReading(label, dim.label[lang], lang) };
}
