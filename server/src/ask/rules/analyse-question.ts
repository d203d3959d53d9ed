import type { Catalog, Lang } from '../../../../semantic-layer/src/catalog.ts';
import { DEGREE_BIJIAO_AFTER } from '../lexicon/compare-words.ts';
import { CUE_WORDS, type CueName } from '../lexicon/cue-words.ts';
import {
  AFTER_DIMENSION_HEAD,
  ONE_CHARACTER_GROUPING_NOUNS,
  ONE_CHARACTER_HEAD_LEADS,
} from '../lexicon/dialect-words.ts';
import { MODEL_TAIL_WORDS } from '../lexicon/generic-words.ts';
import { catalogIndex, type MatchTarget } from '../match/catalog-index.ts';
import { insideStopWord, type LeftoverTerm, leftoverTerms } from '../match/leftover-terms.ts';
import { type CatalogMatch, findCatalogWords, findFuzzyWords } from '../match/match-catalog.ts';
import { membersNamedInPart, partialMatch } from '../match/partial-names.ts';
import { findPhrases, selectLongest } from '../match/phrase-finder.ts';
import {
  foldWidthAndCase,
  isCjk,
  type NormalisedText,
  normaliseForMatch,
  normaliseKey,
} from '../text/normalise.ts';
import { combineTimeTokens, type TimeResolution } from '../time/resolve-time.ts';
import { scanTimeTokens, type TimeToken } from '../time/scan-time.ts';

/** A cue word found in the question (span in the original text). */
export interface CueHit {
  cue: CueName;
  start: number;
  end: number;
  /** Lies wholly inside a catalog word ("挽回" in "挽回率"): not a cue there. */
  insideCatalog: boolean;
}

/** Everything the rules read from one question, before deciding what it asks. */
export interface QuestionAnalysis {
  original: string;
  folded: string;
  norm: NormalisedText;
  language: Lang;
  matches: CatalogMatch[];
  timeTokens: TimeToken[];
  time: TimeResolution;
  cues: CueHit[];
  unknown: LeftoverTerm[];
}

const CUE_KEYS = Object.fromEntries(
  Object.entries(CUE_WORDS).map(([cue, phrases]) => [cue, phrases.map(normaliseKey)]),
) as Record<CueName, string[]>;

type Candidate = { start: number; end: number; time?: TimeToken; match?: CatalogMatch };

/** Finds catalog words, time words and cue words; names back the rest; detects the language. */
export function analyseQuestion(original: string, catalog: Catalog, asOf: string): QuestionAnalysis {
  const folded = foldWidthAndCase(original);
  const norm = normaliseForMatch(original);
  const index = catalogIndex(catalog);
  const candidates: Candidate[] = [
    ...scanTimeTokens(folded, asOf, catalog.calendar).map((time) => ({
      start: time.start,
      end: time.end,
      time,
    })),
    ...findCatalogWords(norm, original, index).map((match) => ({
      start: match.start,
      end: match.end,
      match,
    })),
  ];
  // on equal length a catalog word wins: the model's vocabulary is more specific than ours
  const selected = selectLongest(candidates, (c) => (c.match ? 1 : 0));
  const matches = selected.flatMap((c) => (c.match ? [c.match] : []));
  const timeTokens = selected.flatMap((c) => (c.time ? [c.time] : []));

  const covered = new Array<boolean>(original.length).fill(false);
  const cover = (s: number, e: number) => {
    for (let k = s; k < e; k++) covered[k] = true;
  };
  for (const c of selected) cover(c.start, c.end);
  let cues = findCues(norm, matches);
  // "how can we win back" asks for actions; the catalog word inside it is not a metric
  const kept = matches.filter(
    (m) =>
      !cues.some(
        (c) =>
          c.cue === 'actions' && m.start >= c.start && m.end <= c.end && c.end - c.start > m.end - m.start,
      ),
  );
  if (kept.length !== matches.length) {
    matches.splice(0, matches.length, ...kept);
    cues = findCues(norm, matches);
  }
  for (const cue of cues) if (!cue.insideCatalog) cover(cue.start, cue.end);
  // "电信客户…", "telco churn rate": words naming the model itself are understood, never a filter
  for (const w of modelWords(norm, catalog)) cover(w.start, w.end);

  const fuzzy = selectLongest(findFuzzyWords(norm, original, index, covered));
  for (const f of fuzzy) cover(f.start, f.end);
  const partial = partialWords(
    { original, norm, covered, catalog, cues },
    [...matches, ...fuzzy].sort((a, b) => a.start - b.start),
  );
  for (const p of partial) cover(p.start, p.end);
  const allMatches = [...matches, ...fuzzy, ...partial].sort((a, b) => a.start - b.start);

  const leftover = leftoverTerms(original, covered);
  const unknown = [
    ...leftover,
    ...unreadGroupings(original, covered, cues, leftover),
    ...unreadOneCharacterGroupings(original, covered, leftover),
  ].sort((a, b) => a.start - b.start);
  const language = detectLanguage(original, allMatches);
  const time = combineTimeTokens(timeTokens, original, asOf, language);
  return { original, folded, norm, language, matches: allMatches, timeTokens, time, cues, unknown };
}

/** Characters that end a grouping after 按 ("按X看", "按X分"). */
const GROUPING_END = /[看分排拆的，,。？?！!\s]/;

/**
 * "按会员等级看": the words after 按/by that nothing understood, even when stop words inside them would
 * hide them from the leftover terms (会员 + 等 + 级): a grouping asked for must never be dropped silently.
 */
function unreadGroupings(
  original: string,
  covered: boolean[],
  cues: CueHit[],
  leftover: LeftoverTerm[],
): LeftoverTerm[] {
  const found: LeftoverTerm[] = [];
  for (const c of cues) {
    if (c.cue !== 'byDimension' || c.insideCatalog || insideStopWord(original, c.start, c.end)) continue;
    let start = c.end;
    while (original[start] === ' ') start++;
    let end = start;
    while (end < original.length && !covered[end] && !GROUPING_END.test(original[end])) end++;
    if (!/^\p{Script=Han}{2,}$/u.test(original.slice(start, end))) continue;
    if (leftover.some((t) => t.start < end && t.end > start)) continue;
    found.push({ text: original.slice(start, end), start, end });
  }
  return found;
}

/**
 * "哪个省的流失率最高", "各省": a one-character grouping noun after a grouping lead that nothing read (the model
 * has no province): named back, never dropped with the grouping.
 */
function unreadOneCharacterGroupings(
  original: string,
  covered: boolean[],
  leftover: LeftoverTerm[],
): LeftoverTerm[] {
  const found: LeftoverTerm[] = [];
  const lead = new RegExp(`${ONE_CHARACTER_HEAD_LEADS.source}(\\p{Script=Han})`, 'gu');
  for (const m of original.matchAll(lead)) {
    const start = (m.index ?? 0) + m[0].length - 1;
    if (covered[start] || !ONE_CHARACTER_GROUPING_NOUNS.test(m[1])) continue;
    const next = original[start + 1];
    const ends =
      next === undefined ||
      !/\p{Script=Han}/u.test(next) ||
      AFTER_DIMENSION_HEAD.test(next) ||
      covered[start + 1];
    if (!ends || leftover.some((t) => t.start <= start && t.end > start)) continue;
    found.push({ text: m[1], start, end: start + 1 });
  }
  return found;
}

/** Only spaces (or 的) between two spans. */
const touching = (original: string, end: number, start: number) =>
  end <= start && /^[\s的]*$/.test(original.slice(end, start));

/** Spaces, 的, or a count of what was named ("APP和门店两个渠道", "these two channels") between two spans. */
const countedAfter = (original: string, end: number, start: number) =>
  end <= start &&
  /^[\s的]*(?:这|那)?(?:两|二|三|四|五|几|2|3|4|5|both|these two|the two|two|three)?\s*(?:个|种|类|大)?[\s的]*$/i.test(
    original.slice(end, start),
  );

/**
 * Words that are only part of member names: an unknown word after 按/by, or next to a value of such
 * a dimension ("按渠道看" → 获客渠道 or 销售渠道; "直播带货 channel"); or a question of one word in any
 * member's names ("价值", "value?").
 */
function partialWords(
  q: { original: string; norm: NormalisedText; covered: boolean[]; catalog: Catalog; cues: CueHit[] },
  matches: CatalogMatch[],
): CatalogMatch[] {
  const { original, norm, catalog } = q;
  const lone = norm.text.trim();
  if (matches.length === 0 && lone.length > 0 && !lone.includes(' ')) {
    const targets = membersNamedInPart(lone, catalog, true);
    const span = { start: norm.map[0], end: norm.map[norm.text.length - 1] + 1 };
    return targets.length > 0 ? [partialMatch(span, original, targets)] : [];
  }
  return leftoverTerms(original, q.covered).flatMap((t) => {
    const afterBy = q.cues.some(
      (c) => c.cue === 'byDimension' && !c.insideCatalog && touching(original, c.end, t.start),
    );
    const besideValue = (dimension: string) =>
      matches.some(
        (m) =>
          m.targets.some((x) => x.target.kind === 'value' && x.target.dimension === dimension) &&
          (countedAfter(original, m.end, t.start) || touching(original, t.end, m.start)),
      );
    const composed = afterBy ? composedName(t.text, matches, catalog) : undefined;
    if (composed) return [partialMatch(t, original, [composed])];
    const targets = membersNamedInPart(t.text, catalog, false).filter(
      (x) => afterBy || (x.kind === 'dimension' && besideValue(x.id)),
    );
    return targets.length > 0 ? [partialMatch(t, original, targets)] : [];
  });
}

/**
 * "工单按类型": a part word that, joined to another word of the question, is a dimension's name
 * (工单 + 类型 = 工单类型 → ticket category; "ticket" + "type"), whatever else the part word is in.
 */
function composedName(word: string, matches: CatalogMatch[], catalog: Catalog): MatchTarget | undefined {
  const keys = catalogIndex(catalog).keys;
  for (const m of matches) {
    for (const joined of [`${m.key}${normaliseKey(word)}`, `${m.key} ${normaliseKey(word)}`]) {
      const found = keys.get(joined)?.filter((r) => r.target.kind === 'dimension') ?? [];
      if (found.length === 1) return found[0].target;
    }
  }
  return undefined;
}

const MODEL_TAILS = MODEL_TAIL_WORDS.map(normaliseKey);

/** Spans (original text) of the words naming the model's business (model.yaml `synonyms`), with a tail word. */
function modelWords(norm: NormalisedText, catalog: Catalog): { start: number; end: number }[] {
  const words = [...(catalog.synonyms?.zh ?? []), ...(catalog.synonyms?.en ?? [])].map(normaliseKey);
  return findPhrases(norm.text, words).map((hit) => {
    // "电信业务", "telco side": a word saying "that part of the company" goes with the name
    const rest = norm.text.slice(hit.end).replace(/^ /, '');
    const tail = MODEL_TAILS.find((w) => rest.startsWith(w) && !/^[a-z]/.test(rest.slice(w.length)));
    const end = tail ? hit.end + (norm.text.length - hit.end - rest.length) + tail.length : hit.end;
    return { start: norm.map[hit.start], end: norm.map[end - 1] + 1 };
  });
}

function findCues(norm: NormalisedText, matches: CatalogMatch[]): CueHit[] {
  const hits: CueHit[] = [];
  for (const [cue, phrases] of Object.entries(CUE_KEYS) as [CueName, string[]][]) {
    for (const hit of findPhrases(norm.text, phrases)) {
      // "怎么召回比较好": 比较 as "rather" asks nothing to be compared
      const said = norm.text.slice(hit.start, hit.end);
      if (cue === 'comparison' && said === '比较' && DEGREE_BIJIAO_AFTER.test(norm.text.slice(hit.end)))
        continue;
      const start = norm.map[hit.start];
      const end = norm.map[hit.end - 1] + 1;
      const insideCatalog = matches.some((m) => start >= m.start && end <= m.end);
      hits.push({ cue, start, end, insideCatalog });
    }
  }
  return hits;
}

/** Chinese when Chinese characters carry the grammar (outside catalog words), else English. */
function detectLanguage(original: string, matches: CatalogMatch[]): Lang {
  let cjkOutside = 0;
  let cjkInside = 0;
  for (let i = 0; i < original.length; i++) {
    if (!isCjk(original[i])) continue;
    if (matches.some((m) => i >= m.start && i < m.end)) cjkInside++;
    else cjkOutside++;
  }
  if (cjkOutside > 0) return 'zh';
  return /[a-z]{2,}/i.test(original) ? 'en' : cjkInside > 0 ? 'zh' : 'en';
}
