import type { Catalog, Lang } from '../../../../semantic-layer/src/catalog.ts';
import type { SemanticQueryInput, TimeRange } from '../../../../semantic-layer/src/query.ts';
import type { ClarifyOption, Interpretation } from '../interpretation.ts';
import { PLAN_HEAD_EN } from '../lexicon/act-on-customer-words.ts';
import type { MatchTarget } from '../match/catalog-index.ts';
import type { LeftoverTerm } from '../match/leftover-terms.ts';
import type { CatalogMatch } from '../match/match-catalog.ts';
import { normaliseKey } from '../text/normalise.ts';
import { say } from './messages.ts';

/** Re-reads an option's question, to attach the query it would run. */
export type Reinterpret = (question: string) => Interpretation | null;

const replaceSpan = (text: string, start: number, end: number, by: string) =>
  text.slice(0, start) + by + text.slice(end);

function option(label: string, question: string, reinterpret: Reinterpret): ClarifyOption {
  const reading = reinterpret(question);
  const answered = reading && (reading.kind === 'query' || reading.kind === 'analysis') && reading.query;
  return answered ? { label, question, query: reading.query! } : { label, question };
}

/** The words that name a target unambiguously in the question's language. */
function targetWords(t: MatchTarget, catalog: Catalog, lang: Lang): { label: string; words: string } {
  if (t.kind === 'metric') {
    const label = catalog.metrics.find((m) => m.id === t.id)?.label[lang] ?? t.id;
    return { label, words: label };
  }
  const dim = catalog.dimensions.find((d) => d.id === (t.kind === 'value' ? t.dimension : t.id))!;
  if (t.kind === 'dimension') return { label: dim.label[lang], words: dim.label[lang] };
  const v = dim.values.find((x) => x.value === t.value);
  const vl = v?.label[lang] ?? t.value;
  return lang === 'zh'
    ? { label: `${dim.label.zh}：${vl}`, words: `${dim.label.zh}${vl}` }
    : { label: `${dim.label.en}: ${vl}`, words: `${dim.label.en} ${vl}` };
}

/** Words matching several members equally: offer each reading (at most three). */
export function clarifyAmbiguous(
  match: CatalogMatch,
  targets: MatchTarget[],
  original: string,
  catalog: Catalog,
  lang: Lang,
  reinterpret: Reinterpret,
): Pick<Interpretation, 'reason' | 'options'> {
  const options = targets.slice(0, 3).map((t) => {
    const { label, words } = targetWords(t, catalog, lang);
    return option(label, replaceSpan(original, match.start, match.end, words), reinterpret);
  });
  return { reason: say.ambiguous(match.text, lang), options };
}

/**
 * A bare "客户/customers" with no count cue: offer the counts of people the catalog has, the plain
 * count first, then those sharing words with the default metric (churn), then catalog order.
 */
export function clarifyWhichCount(
  match: CatalogMatch,
  plainMetric: string,
  original: string,
  catalog: Catalog,
  lang: Lang,
  reinterpret: Reinterpret,
): Pick<Interpretation, 'reason' | 'options'> {
  const word = match.key;
  const defaultLabel = catalog.metrics.find((m) => m.id === catalog.defaultMetric)?.label.zh ?? '';
  const stems = new Set([...defaultLabel].slice(0, -1).map((_, i) => defaultLabel.slice(i, i + 2)));
  const names = (id: string) => {
    const m = catalog.metrics.find((x) => x.id === id)!;
    return [m.label.zh, m.label.en, ...m.synonyms.zh, ...m.synonyms.en].map(normaliseKey);
  };
  const score = (id: string) =>
    (id === plainMetric ? 100 : 0) + (names(id).some((n) => [...stems].some((s) => n.includes(s))) ? 10 : 0);
  const candidates = catalog.metrics
    .filter((m) => m.format === 'count' && names(m.id).some((n) => n.includes(word)))
    .map((m, i) => ({ id: m.id, rank: score(m.id) - i / 100 }))
    .sort((a, b) => b.rank - a.rank)
    .slice(0, 3);
  const options = candidates.map(({ id }) => {
    const label = catalog.metrics.find((m) => m.id === id)!.label[lang];
    return option(label, replaceSpan(original, match.start, match.end, label), reinterpret);
  });
  return { reason: say.whichCount(match.text, lang), options };
}

/** The parts of a question that carry over to each offered reading: its time words and named members. */
export interface QuestionParts {
  time: string[];
  values: string[];
  groupings: string[];
}

/** The catalog's first choices of metric: the default, a count sharing its words, then a plain count. */
function headlineMetrics(catalog: Catalog): string[] {
  const def = catalog.metrics.find((m) => m.id === catalog.defaultMetric);
  const label = def?.label.zh ?? '';
  const stems = [...label].slice(0, -1).map((_, i) => label.slice(i, i + 2));
  const certified = catalog.metrics.filter((m) => m.certified && m.id !== def?.id);
  const related = certified.find(
    (m) => m.format !== def?.format && stems.some((s) => m.label.zh.includes(s)),
  );
  const plain = certified.find((m) => m.id !== related?.id && !stems.some((s) => m.label.zh.includes(s)));
  return [def?.id, related?.id, plain?.id].filter((id): id is string => id !== undefined);
}

/** A question naming no metric ("上个月的", "how is the south doing", "帮我分析一下"): offer the headline ones. */
export function clarifyWhichMetric(
  parts: QuestionParts,
  catalog: Catalog,
  lang: Lang,
  reinterpret: Reinterpret,
): Pick<Interpretation, 'reason' | 'options'> {
  const options = headlineMetrics(catalog).map((id) => {
    const label = catalog.metrics.find((m) => m.id === id)!.label[lang];
    const question =
      lang === 'zh'
        ? `${parts.time.join('')}${parts.values.join('')}${parts.groupings.map((g) => `按${g}`).join('')}的${label}`
        : [
            label,
            ...parts.groupings.map((g) => `by ${g}`),
            parts.values.length > 0 ? `for ${parts.values.join(' and ')}` : '',
            ...parts.time,
          ]
            .filter(Boolean)
            .join(' ');
    return option(label, question.replace(/^的/, ''), reinterpret);
  });
  return { reason: say.whichMetric(lang), options };
}

/** A period with no data yet ("本季度" on its first day): offer the last complete one. */
export function clarifyEmptyPeriod(
  words: { text: string; start: number; end: number },
  range: TimeRange,
  alternative: { range: TimeRange; label: string } | undefined,
  original: string,
  query: SemanticQueryInput,
  lang: Lang,
): Pick<Interpretation, 'reason' | 'options'> {
  const options: ClarifyOption[] = alternative
    ? [
        {
          label: alternative.label,
          question: replaceSpan(original, words.start, words.end, alternative.label),
          query: { ...query, timeRange: alternative.range },
        },
      ]
    : [];
  return { reason: say.emptyPeriod(words.text, range, lang), options };
}

const FILTER_AFTER_ZH = [
  '的',
  '过的',
  '地区',
  '市',
  '省',
  '区',
  '城市',
  '客户',
  '用户',
  '门店',
  '渠道',
  '品类',
  // the means of paying ("用八达通付款的客户", Cantonese 俾钱 → 给钱): a payment method the data may lack
  '付款的',
  '付钱的',
  '给钱的',
  '交钱的',
  '支付的',
  '缴费的',
  '交费的',
  '买单的',
];
const FILTER_BEFORE_ZH = ['在', '来自', '位于', '只看', '仅看', '只要'];
/** 按 + an unknown word ending the grouping ("按优先级看"): a grouping the data does not have. */
const GROUPING_ZH = /(?:按|按照)$/;
const GROUPING_END_ZH = /^(?:看|分|排|统计|拆|来看|$|[，,。？?！!\s])/;
const FILTER_BEFORE_EN = /\b(?:in|from|for|at|only|located in|by)\s*$/i;
/** An unknown word describing the people or things counted ("sticky customers", "reopened tickets"). */
const FILTER_AFTER_EN = new RegExp(
  `^(?:customers?|users?|clients?|buyers?|subscribers?|accounts?|${PLAN_HEAD_EN})\\b`,
  'i',
);

/** A number or code-like text ("250", "1=1", "-50%") that the question did not explain. */
const isConditionLike = (term: LeftoverTerm) => /[\d=;"<>]|'(?![a-z])|(?<![a-z])'/i.test(term.text);

/**
 * An unknown word standing where a filter value would ("拉萨的流失率", "churn in Lhasa"), or an
 * unexplained number or code ("aged 250", "1=1"): never dropped silently.
 */
export function looksLikeFilter(term: LeftoverTerm, original: string): boolean {
  if (isConditionLike(term)) return true;
  const before = original.slice(0, term.start).trimEnd();
  const after = original.slice(term.end).trimStart();
  if (/\p{Script=Han}/u.test(term.text)) {
    return (
      FILTER_AFTER_ZH.some((w) => after.startsWith(w)) ||
      FILTER_BEFORE_ZH.some((w) => before.endsWith(w)) ||
      (GROUPING_ZH.test(before) && GROUPING_END_ZH.test(after))
    );
  }
  const capitalised = /^[A-Z]/.test(term.text) && before.length > 0;
  return (
    FILTER_BEFORE_EN.test(`${before} `) ||
    FILTER_BEFORE_EN.test(before) ||
    FILTER_AFTER_EN.test(after) ||
    capitalised
  );
}

/** Unknown filter-looking words: offer the question without them rather than silently dropping them. */
export function clarifyUnknownFilter(
  terms: LeftoverTerm[],
  original: string,
  lang: Lang,
  reinterpret: Reinterpret,
  reason?: string,
  alternatives: { label: string; question: string }[] = [],
): Pick<Interpretation, 'reason' | 'options'> {
  let without = original;
  for (const t of [...terms].sort((a, b) => b.start - a.start))
    without = replaceSpan(without, t.start, t.end, '');
  if (terms.some(isConditionLike))
    // what is left of injected code ("华南' OR 1=1 --"): quotes, comment dashes, a dangling OR/AND
    without = without.replace(/['"`;]+|-{2,}/g, ' ').replace(/\s(?:or|and)(?=\s*(?:$|[的?？]))/gi, ' ');
  without = without
    .replace(/\s{2,}/g, ' ')
    .replace(/^[在的]+/, '')
    .replace(/\s+(?:in|from|for|at|of)\s*([?？.!]?)\s*$/i, '$1')
    .trim();
  const words = terms.map((t) => t.text);
  return {
    reason:
      reason ??
      (terms.some(isConditionLike) ? say.unknownCondition(words, lang) : say.unknownFilter(words, lang)),
    options: [
      ...alternatives.map((a) => option(a.label, a.question, reinterpret)),
      option(say.withoutTerm(lang), without, reinterpret),
    ],
  };
}
