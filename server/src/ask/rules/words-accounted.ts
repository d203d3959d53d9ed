import type { Catalog } from '../../../../semantic-layer/src/catalog.ts';
import type { SemanticQueryInput } from '../../../../semantic-layer/src/query.ts';
import { ACTOR_AFTER } from '../lexicon/act-on-customer-words.ts';
import { OTHERS_ALONE, OTHERS_BEFORE, PURPOSE_AFTER } from '../lexicon/generic-words.ts';
import type { CatalogMatch } from '../match/match-catalog.ts';
import type { QuestionAnalysis } from './analyse-question.ts';
import { hasCue } from './intent.ts';
import type { Members } from './members.ts';
import { say } from './messages.ts';
import { countOfValue } from './two-asks.ts';

/**
 * Words the reading must account for (issue 13, round 10): each word that names a member either shapes the
 * query or is said back. People read as another metric's population, a restriction the metric's definition
 * already meets, one value set against the rest of its dimension.
 */

/**
 * People read as the population of another metric (metric-words.ts `populations`): understood when that
 * metric's definition names them (挽回率: 触达的流失客户中…) or a value describes them ("livestream-acquired
 * customers"); otherwise named back as not used, never silently dropped.
 */
export function readPopulation(
  analysis: QuestionAnalysis,
  catalog: Catalog,
  matches: CatalogMatch[],
  population: CatalogMatch[],
  out: Members,
): void {
  const metricOf = (m: CatalogMatch) => {
    const t = m.targets[0].target;
    return t.kind === 'metric' ? catalog.metrics.find((x) => x.id === t.id) : undefined;
  };
  const others = matches.flatMap((m) => (metricOf(m) ? [metricOf(m)!] : []));
  for (const p of population) {
    const own = metricOf(p);
    const stem = own?.label.zh.replace(/数$/, '') ?? '';
    const defined = others.find((o) => stem.length >= 2 && o.description.zh.includes(stem));
    const valued = matches.some(
      (v) =>
        v.targets.every((t) => t.target.kind === 'value') &&
        v.end <= p.start &&
        /^[\s的-]*$/.test(analysis.original.slice(v.end, p.start)),
    );
    const about = defined ?? others[0];
    if ((defined || valued) && about)
      out.understood.push({
        text: p.text,
        meaning: say.population(about.label[analysis.language], analysis.language),
      });
    else
      analysis.unknown = [...analysis.unknown, { text: p.text, start: p.start, end: p.end }].sort(
        (a, b) => a.start - b.start,
      );
  }
}

/** Characters of a restriction verb said before what is kept ("只算完成的订单": 算). */
const RESTRICT_VERB = /^(?:算|含|计|看|要|统计|包括)/;

/**
 * "只算完成的订单", "completed orders only": a restriction (only/只/仅) whose word, right before the metric's
 * word, is already in the metric's definition (订单数: 已完成订单数) is met by the metric itself: understood
 * and said, not an unknown filter. A restriction the definition does not name stays unknown (asked back).
 */
export function restrictionsByDefinition(
  analysis: QuestionAnalysis,
  catalog: Catalog,
  matches: CatalogMatch[],
  out: Members,
): void {
  const text = analysis.original;
  const clauseOf = (i: number) => text.slice(0, i).split(/[。？?！!；;,，]/).length;
  const only = analysis.cues.filter((c) => c.cue === 'only' && !c.insideCatalog);
  if (only.length === 0) return;
  analysis.unknown = analysis.unknown.filter((u) => {
    if (!only.some((c) => clauseOf(c.start) === clauseOf(u.start))) return true;
    const m = matches.find(
      (x) =>
        x.targets.length === 1 &&
        x.targets[0].target.kind === 'metric' &&
        x.start >= u.end &&
        /^[\s的]*$/.test(text.slice(u.end, x.start)),
    );
    const t = m?.targets[0].target;
    const metric = t?.kind === 'metric' ? catalog.metrics.find((x) => x.id === t.id) : undefined;
    const word = u.text.trim().replace(RESTRICT_VERB, '').toLowerCase();
    if (!metric || word.length < 2) return true;
    const lang = analysis.language;
    if (!metric.description.zh.includes(word) && !metric.description.en.toLowerCase().includes(word))
      return true;
    out.understood.push({
      text: u.text,
      meaning: say.byDefinition(metric.label[lang], metric.description[lang], lang),
    });
    return false;
  });
}

/**
 * "电子支票付款的用户流失率…跟其他付款方式比一下", "than for other payment methods", "vs everyone else": one
 * value set against the rest of its dimension is the whole dimension side by side (the value is among the
 * rows), never that value alone. Said back.
 */
export function againstTheRest(
  analysis: QuestionAnalysis,
  matches: CatalogMatch[],
  out: Members,
  filterValues: Map<string, { in: string[]; out: string[] }>,
): void {
  const text = analysis.folded;
  const single = [...filterValues].filter(([, v]) => v.in.length === 1 && v.out.length === 0);
  if (single.length === 0) return;
  const named = matches.find((m) => {
    const t = m.targets[0].target;
    return (
      m.targets.length === 1 &&
      t.kind === 'dimension' &&
      single.some(([d]) => d === t.id) &&
      OTHERS_BEFORE.test(text.slice(Math.max(0, m.start - 16), m.start))
    );
  });
  const t = named?.targets[0].target;
  let dimension = t?.kind === 'dimension' ? t.id : undefined;
  const compared = hasCue(analysis, 'comparison') || hasCue(analysis, 'difference');
  if (!dimension && compared && single.length === 1 && OTHERS_ALONE.test(text)) dimension = single[0][0];
  if (!dimension) return;
  const value = filterValues.get(dimension)!.in[0];
  filterValues.delete(dimension);
  if (!out.dimensions.includes(dimension)) out.dimensions.push(dimension);
  out.groupedBy.add(dimension);
  out.understood.push({ text: value, meaning: say.againstTheRest(value, analysis.language) });
  analysis.unknown = analysis.unknown.filter((u) => !/^(?:other|others|rest|else)$/i.test(u.text.trim()));
}

/**
 * The last check of an answer (issue 13, round 10): every word that named one stored value must show in
 * the query — as a filter or a grouping of its dimension, or as the count metric of its people (活跃客户 →
 * 活跃客户数) — or be a purpose said back ("明天外呼用"). A value read and then lost on the way (a people
 * filter dropped, a value overridden by another reading) is returned, to be named back in the headline:
 * never an answer that looks right but silently ignores part of the question.
 */
export function unaccountedValues(
  analysis: QuestionAnalysis,
  catalog: Catalog,
  query: SemanticQueryInput,
): { text: string; start: number; end: number }[] {
  const dims = new Set([...(query.dimensions ?? []), ...(query.filters ?? []).map((f) => f.member)]);
  return analysis.matches.flatMap((m) => {
    if (m.targets.length !== 1) return [];
    const t = m.targets[0].target;
    if (t.kind !== 'value' || dims.has(t.dimension)) return [];
    if (query.metrics.includes(countOfValue(catalog, t.dimension, t.value)?.id ?? '')) return [];
    const after = analysis.original.slice(m.end);
    if (PURPOSE_AFTER.test(after) || ACTOR_AFTER.test(after)) return [];
    if (analysis.unknown.some((u) => u.start <= m.start && u.end >= m.end)) return [];
    return [{ text: m.text, start: m.start, end: m.end }];
  });
}
