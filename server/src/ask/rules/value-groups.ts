/** Values of one dimension read together: numbered siblings, people having a trait, values describing people. */
import type { Catalog, CatalogDimension } from '../../../../semantic-layer/src/catalog.ts';
import { ENTITY_WORDS, NO_VALUES } from '../lexicon/generic-words.ts';
import { yesNoValues } from '../match/catalog-index.ts';
import type { CatalogMatch } from '../match/match-catalog.ts';
import { normaliseKey } from '../text/normalise.ts';
import { escapeRegex } from '../text/word-pattern.ts';
import type { QuestionAnalysis } from './analyse-question.ts';
import { cueBefore } from './cue-position.ts';
import type { Members } from './members.ts';

/** "or 2", "和2", "、3": a bare number set beside a value just read. */
const NUMBER_BESIDE = /^\s*(?:or|and|,|、|或者|或|和|跟|\/)\s*(\d+)(?![\d.%])/i;
/** "only" right before values (只打了1分和2分, "only rated 1 and 2"): the values named are one group. */
const ONLY_BEFORE = /(?:只|仅|就|\bonly|\bjust)[^，,。？?]{0,10}$/i;

/**
 * "rated satisfaction 1 or 2", "满意度1分和2": a bare number beside a value of a dimension whose stored values
 * are numbers is that dimension's value too (when stored), not an unexplained number.
 */
export function numberedSiblings(
  analysis: QuestionAnalysis,
  catalog: Catalog,
  out: Members,
  filterValues: Map<string, { in: string[]; out: string[] }>,
): void {
  for (const m of out.valueMatches) {
    const t = m.targets[0].target;
    if (t.kind !== 'value' || !/^\d+$/.test(t.value)) continue;
    const beside = NUMBER_BESIDE.exec(analysis.original.slice(m.end));
    const dim = catalog.dimensions.find((d) => d.id === t.dimension);
    if (!beside || !dim?.values?.some((v) => v.value === beside[1])) continue;
    const entry = filterValues.get(t.dimension);
    if (!entry?.in.includes(t.value)) continue;
    if (!entry.in.includes(beside[1])) entry.in.push(beside[1]);
    const only = ONLY_BEFORE.test(analysis.original.slice(Math.max(0, m.start - 16), m.start));
    if (only || /^\s*(?:or|或者|或|\/)/i.test(beside[0])) {
      out.unions = out.unions ?? new Set();
      out.unions.add(t.dimension);
    }
    const end = m.end + beside[0].length;
    analysis.unknown = analysis.unknown.filter((u) => !(u.start >= m.end && u.end <= end));
  }
}

/**
 * "宽带用户", "internet customers": a dimension with a "none" value (No, 无) named right before the people it
 * describes, with no grouping word before it and no comparison asked, is the people who have it: the
 * dimension ≠ its none value. Returns that stored value.
 */
export function peopleHavingIt(
  analysis: QuestionAnalysis,
  m: CatalogMatch,
  dim: CatalogDimension,
): string | undefined {
  if (dim.type !== 'categorical' || yesNoValues(dim) || !PEOPLE_AFTER.test(analysis.original.slice(m.end)))
    return undefined;
  if (cueBefore(analysis, 'byDimension', m.start) || cueBefore(analysis, 'which', m.start)) return undefined;
  if (analysis.cues.some((c) => !c.insideCatalog && c.cue === 'comparison')) return undefined;
  const none = dim.values.filter((v) =>
    [v.value, v.label.en].some((w) => NO_VALUES.includes(normaliseKey(w))),
  );
  return none.length === 1 ? none[0].value : undefined;
}

const PEOPLE_AFTER = new RegExp(
  `^\\s*(?:的|who|that)?\\s*(?:${ENTITY_WORDS.map(escapeRegex).join('|')}|人)`,
  'i',
);
/** Nothing but a list mark between two values of one dimension ("打1分2分", "1分、2分"); 和/and compares. */
const JOINED = /^[\s、,，/]*$/;
/** After "only" (只打了1分和2分的用户, "only 1 and 2 star customers"), 和/and/or join one group too. */
const JOINED_AFTER_ONLY = /^[\s、,，/]*(?:和|与|跟|及|或|或者|and|or)?[\s、,，/]*$/i;

/**
 * "满意度打1分2分的用户", "1-star and 2-star customers": values of one dimension set side by side and then
 * naming the people they describe (的用户, customers) are one group, a filter, not groups compared: unless the
 * question sets them against each other (对比, vs, 分别, 差多少).
 */
export function valuesDescribingPeople(
  analysis: QuestionAnalysis,
  out: Members,
  filterValues: Map<string, { in: string[]; out: string[] }>,
): void {
  const compared = analysis.cues.some(
    (c) => !c.insideCatalog && (c.cue === 'comparison' || c.cue === 'withAndWithout'),
  );
  if (
    compared ||
    /分别|各自|respectively|差多少|差距|相差|高还是低|更高|更低|difference/i.test(analysis.original)
  )
    return;
  for (const [dimension, entry] of filterValues) {
    if (entry.in.length < 2 || out.unions?.has(dimension)) continue;
    const spans = out.valueMatches
      .filter((m) => {
        const t = m.targets[0].target;
        return t.kind === 'value' && t.dimension === dimension;
      })
      .sort((a, b) => a.start - b.start);
    if (spans.length === 0) continue;
    const last = spans[spans.length - 1];
    // numbered siblings ("1分和2") end after the last match
    const tail = analysis.original.slice(last.end).replace(/^\s*[、,，/]?\s*\d+(?:分|星)?/, '');
    const only = ONLY_BEFORE.test(analysis.original.slice(Math.max(0, spans[0].start - 16), spans[0].start));
    const joined = spans.every(
      (m, i) =>
        i === 0 ||
        (only ? JOINED_AFTER_ONLY : JOINED).test(analysis.original.slice(spans[i - 1].end, m.start)),
    );
    if (!joined || !PEOPLE_AFTER.test(tail)) continue;
    out.unions = out.unions ?? new Set();
    out.unions.add(dimension);
  }
}
