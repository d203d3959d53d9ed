/**
 * A governed query in words, read-only: the same labels the chat's chips show (metric and dimension labels
 * from the model's catalog, the period in the user's language, filters as "地区 = 华南"), for screens that
 * show an interpretation without editing it (the wrong-answers queue).
 */
import type { Filter, SemanticQuery } from '../api/types.ts';
import type { CatalogIndex } from '../catalog-store.ts';
import { h } from '../dom.ts';
import { t } from '../i18n/i18n.ts';
import type { MessageId } from '../i18n/messages-en.ts';
import { rangeLabel } from '../period-label.ts';
import { shiftDate } from '../query-edits.ts';

const OPERATORS: Record<string, string> = {
  in: '=',
  eq: '=',
  not_in: '≠',
  ne: '≠',
  gt: '>',
  gte: '≥',
  lt: '<',
  lte: '≤',
};

/** A filter in words: `地区 = 华南、华东`, `Tenure ≥ 12`, `Region ≠ South China`. */
export function filterWords(catalog: CatalogIndex, filter: Filter): string {
  const member = catalog.label(filter.member);
  const values = filter.values.map((v) => catalog.valueLabel(filter.member, v));
  if (filter.op === 'between') return `${member} ${values.join(' – ')}`;
  if (filter.op === 'is_null') return `${member} = —`;
  if (filter.op === 'not_null') return `${member} ≠ —`;
  return `${member} ${OPERATORS[filter.op] ?? filter.op} ${values.join(t('list.separator'))}`;
}

/** A period in the user's language: whole months as 2026年第3季度 / Q3 2026, other ranges as dates. */
export function periodWords(range: { start: string; end: string }): string {
  const months = /-01$/.test(range.start) && /-01$/.test(range.end);
  return months ? rangeLabel(range) : `${range.start} – ${shiftDate(range.end, -1)}`;
}

/** An intent's name in the user's language (`breakdown` → 拆分 / Breakdown); an unknown code as itself. */
export function intentWords(intent: string | null | undefined): string {
  if (!intent) return '—';
  const id = `intent.${intent}` as MessageId;
  const text = t(id);
  return text === id ? intent : text;
}

/** The query as labelled lines: metric, by, filters, period, trend grain, comparison. */
export function queryWords(query: SemanticQuery, catalog: CatalogIndex): HTMLElement {
  const separator = t('list.separator');
  const lines: [MessageId, string][] = [
    ['chips.kind.metric', query.metrics.map((m) => catalog.label(m)).join(separator)],
  ];
  if (query.dimensions.length > 0)
    lines.push(['chips.kind.dimension', query.dimensions.map((d) => catalog.label(d)).join(separator)]);
  for (const filter of query.filters ?? []) lines.push(['chips.kind.filter', filterWords(catalog, filter)]);
  if (query.timeRange) lines.push(['chips.kind.period', periodWords(query.timeRange)]);
  if (query.time?.grain) lines.push(['chips.kind.grain', t(`chips.grain.${query.time.grain}` as MessageId)]);
  if (query.compare) lines.push(['chips.kind.compare', t(`chips.compare.${query.compare}` as MessageId)]);
  return h(
    'dl',
    { class: 'query-words' },
    lines.map(([kind, value]) => h('div', null, h('dt', null, t(kind)), h('dd', null, value))),
  );
}
