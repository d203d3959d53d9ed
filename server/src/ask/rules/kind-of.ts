import type { Catalog } from '../../../../semantic-layer/src/catalog.ts';
import { COARSER_HEADS, KIND_HEADS, KIND_WORDS } from '../lexicon/generic-words.ts';
import { catalogIndex } from '../match/catalog-index.ts';
import { normaliseKey } from '../text/normalise.ts';
import type { QuestionAnalysis } from './analyse-question.ts';
import type { Members } from './members.ts';

/**
 * The metric's own kind dimension: a dimension named after the metric's entity and a kind head
 * ("工单" + 类别 = 工单类别 for 工单数; "Ticket" + category for Tickets), by the metrics' labels.
 * Catalog-derived; undefined when none or several fit.
 */
export function ownKindDimension(metrics: string[], catalog: Catalog): string | undefined {
  const names = catalog.metrics
    .filter((m) => metrics.includes(m.id))
    .flatMap((m) => [m.label.zh, m.label.en.toLowerCase()]);
  const fits = catalog.dimensions.filter((d) =>
    (['zh', 'en'] as const).some((lang) => {
      const name = d.label[lang].toLowerCase();
      const head = KIND_HEADS[lang].find((h) => name.endsWith(h));
      if (!head) return false;
      const rest = name.slice(0, name.length - head.length).trim();
      return rest.length >= 2 && names.some((n) => n.includes(rest));
    }),
  );
  return fits.length === 1 ? fits[0].id : undefined;
}

/** The span of a kind word in the question ("哪类", "按类别", "by category"), if any. */
function kindWord(analysis: QuestionAnalysis): { start: number; end: number } | undefined {
  const text = analysis.folded.toLowerCase();
  for (const w of [...KIND_WORDS.zh, ...KIND_WORDS.en].sort((a, b) => b.length - a.length)) {
    const at = /[a-z]/.test(w[0]) ? new RegExp(`\\b${w}\\b`).exec(text)?.index : text.indexOf(w);
    if (at !== undefined && at >= 0) return { start: at, end: at + w.length };
  }
  return undefined;
}

/**
 * "近90天哪类工单最多", "按类别拆开呢" after tickets: a kind word and no other grouping groups by the
 * metric's own kind dimension (the question's metrics, else the previous query's). The kind word's
 * ambiguity (类别 is in 产品类别 and 客户类别 too) and unknown words are resolved by it.
 */
export function readKindOf(
  analysis: QuestionAnalysis,
  catalog: Catalog,
  members: Members,
  previousMetrics: string[],
): void {
  const span = kindWord(analysis);
  if (!span) return;
  if (coarserKind(analysis, catalog, members, span)) return;
  const inSpan = (s: { start: number; end: number }) => s.start < span.end && s.end > span.start;
  const bare = bareKindGrouping(analysis, members, span);
  if (members.groupedBy.size > bare.length) return;
  const own = ownKindDimension(members.metrics.length > 0 ? members.metrics : previousMetrics, catalog);
  if (!own) return;
  for (const id of bare) {
    members.groupedBy.delete(id);
    members.dimensions = members.dimensions.filter((d) => d !== id);
  }
  const ambiguous = members.ambiguities.filter((a) => inSpan(a.match));
  if (members.ambiguities.length !== ambiguous.length) return;
  if (ambiguous.some((a) => !a.targets.some((t) => t.kind === 'dimension' && t.id === own))) return;
  members.ambiguities = [];
  if (!members.dimensions.includes(own)) members.dimensions.push(own);
  members.groupedBy.add(own);
  const dim = catalog.dimensions.find((d) => d.id === own)!;
  members.understood.push({
    text: analysis.original.slice(span.start, span.end),
    meaning: analysis.language === 'zh' ? `按${dim.label.zh}` : `by ${dim.label.en}`,
  });
  analysis.unknown = analysis.unknown.filter((u) => !inSpan(u));
}

/**
 * "by category" after a tickets question: the grouped dimensions named only by the kind word itself (its
 * match lies inside the kind word's span), which the metric's own kind dimension may replace. "by product
 * category" names its dimension with more than the kind word and is kept.
 */
function bareKindGrouping(
  analysis: QuestionAnalysis,
  members: Members,
  span: { start: number; end: number },
): string[] {
  const inside = analysis.matches.filter((m) => m.start >= span.start && m.end <= span.end);
  const ids = [...members.groupedBy];
  const bare = ids.filter((id) =>
    inside.some((m) => m.targets.some((t) => t.target.kind === 'dimension' && t.target.id === id)),
  );
  const named = analysis.matches.filter((m) => !(m.start >= span.start && m.end <= span.end));
  return bare.filter(
    (id) => !named.some((m) => m.targets.some((t) => t.target.kind === 'dimension' && t.target.id === id)),
  );
}

/**
 * "流失原因分成几大类？每类流失几位": a kind word beside a dimension that has a coarser kind of its own (a
 * dimension named with its name + a kind head: 流失原因大类 → churn category) groups by that coarser kind.
 * Catalog-derived by names.
 */
function coarserKind(
  analysis: QuestionAnalysis,
  catalog: Catalog,
  members: Members,
  span: { start: number; end: number },
): boolean {
  const keys = catalogIndex(catalog).keys;
  for (const id of members.dimensions) {
    const dim = catalog.dimensions.find((d) => d.id === id);
    if (!dim) continue;
    const names = [dim.label.zh, dim.label.en, ...dim.synonyms.zh, ...dim.synonyms.en].map(normaliseKey);
    const coarser = names.flatMap((n) =>
      [...COARSER_HEADS.zh, ...COARSER_HEADS.en].flatMap((h) =>
        [`${n}${h}`, `${n} ${h}`].flatMap((k) =>
          (keys.get(k) ?? []).flatMap((r) =>
            r.target.kind === 'dimension' && r.target.id !== id ? [r.target.id] : [],
          ),
        ),
      ),
    );
    const own = [...new Set(coarser)];
    if (own.length !== 1) continue;
    members.dimensions = members.dimensions.map((d) => (d === id ? own[0] : d));
    members.groupedBy.delete(id);
    members.groupedBy.add(own[0]);
    const label = catalog.dimensions.find((d) => d.id === own[0])!.label;
    members.understood.push({
      text: analysis.original.slice(span.start, span.end),
      meaning: analysis.language === 'zh' ? `按${label.zh}` : `by ${label.en}`,
    });
    analysis.unknown = analysis.unknown.filter((u) => !(u.start < span.end && u.end > span.start));
    return true;
  }
  return false;
}
