import { PLAN_HEAD_EN } from '../lexicon/act-on-customer-words.ts';
import {
  BY_IDIOM_HEADS_EN,
  DISPLAY_UNIT_WORDS,
  GROUPING_LEAD_INS_EN,
  GROUPING_LEAD_INS_ZH,
  PERIOD_EXTENSION_END,
  VALUE_HEAD_WORDS,
} from '../lexicon/filler-words.ts';
import { ENTITY_WORDS } from '../lexicon/generic-words.ts';
import { EVENT_DAY_WORDS, EVENT_SINCE_WORDS, EVENT_WINDOW_WORDS } from '../lexicon/time-words.ts';
import { isEnglishWord } from '../text/english-words.ts';
import type { LeftoverTerm } from './leftover-terms.ts';
import type { CatalogMatch } from './match-catalog.ts';

/** What the question understood around an unknown word: catalog words and time words, with their spans. */
export interface UnderstoodWords {
  original: string;
  matches: CatalogMatch[];
  timeTokens: { start: number; end: number; kind: string }[];
}

const DISPLAY_UNIT = new Set(DISPLAY_UNIT_WORDS);
const PEOPLE = new Set(ENTITY_WORDS);
/** A word ending in a people noun names the people asked about (老客, 新用户, lapsed members). */
const PEOPLE_END =
  /(?:客|客户|用户|会员|顾客|人|户)$|(?:customers?|users?|clients?|members?|people|buyers?|accounts?)$/i;
const GROUPING_ZH = new RegExp(`(?:${GROUPING_LEAD_INS_ZH.join('|')})\\s*$`);
const GROUPING_EN = new RegExp(
  `\\b(?<!\\b(?:${BY_IDIOM_HEADS_EN.join('|')})\\s)(?:${GROUPING_LEAD_INS_EN.join('|')})\\s+$`,
  'i',
);

/**
 * An unknown word in the grouping slot: after 不同/各个/哪些/which/different/each ("不同 supplier 对流失有没有
 * 影响", "which salesperson"). What the answer is broken down by is decided there, so it asks back (the
 * slot after 按/by is checked by the rules' looksLikeFilter).
 */
export function standsInGroupingSlot(term: LeftoverTerm, original: string): boolean {
  // "哪些会员", "which customers": the people asked about, not a grouping
  if (PEOPLE.has(term.text.toLowerCase()) || PEOPLE_END.test(term.text)) return false;
  // "哪个更严重", "哪个最差": a predicate (degree word first) about the values named, not a grouping
  if (/^[更最较很太越比还]/.test(term.text)) return false;
  const before = original.slice(0, term.start);
  return /\p{Script=Han}/u.test(term.text) || /^[a-z]/i.test(term.text)
    ? GROUPING_ZH.test(before) || GROUPING_EN.test(before)
    : false;
}

const EVENT_WORDS_ZH = [...EVENT_DAY_WORDS, ...EVENT_WINDOW_WORDS, ...EVENT_SINCE_WORDS]
  .filter((w) => /\p{Script=Han}/u.test(w))
  .sort((a, b) => b.length - a.length);
const SINCE = new Set(EVENT_SINCE_WORDS);
const ASKS_WHEN = /多久|多长|多少|几|什么|怎么|为什么|何时/;
/** Words before an event name that only say which occurrence ("上次会员日", "去年店庆"). */
const OCCURRENCE = /^(?:上次|上一次|这次|那次|最近一次|上个|今年|去年|前年|的)+/;

/**
 * A named date the calendar does not have, in the period slot: the words before 那天/当天/期间/大促
 * ("上次会员日那天", "店庆期间"), or before 以后/之后 ("提速降费以后"), when no time word covers them. The period decides the answer, so it asks
 * back instead of answering the default period with the name dropped (those words are often stop words,
 * so they are not among the unknown terms).
 */
export function unknownEventName(q: UnderstoodWords): LeftoverTerm | undefined {
  const { original } = q;
  const covered = (i: number) =>
    q.timeTokens.some((t) => i >= t.start && i < t.end) || q.matches.some((m) => i >= m.start && i < m.end);
  for (const word of EVENT_WORDS_ZH) {
    for (let at = original.indexOf(word); at !== -1; at = original.indexOf(word, at + 1)) {
      if (covered(at)) continue;
      // "注册以后30天内": a window counted from each customer's own event, not a date of the calendar
      if (SINCE.has(word) && /^\s*[\d一二两三四五六七八九十半]/.test(original.slice(at + word.length)))
        continue;
      let start = at;
      while (start > 0 && /\p{Script=Han}/u.test(original[start - 1]) && !covered(start - 1)) start--;
      const name = original.slice(start, at);
      // "客户通常多久之后会流失": a question about the time after an event, not a named event
      if (SINCE.has(word) && ASKS_WHEN.test(name)) continue;
      const lead = OCCURRENCE.exec(name)?.[0].length ?? 0;
      if (name.length - lead >= 2) return { text: name.slice(lead), start: start + lead, end: at };
    }
  }
  return undefined;
}

/** Only spaces or quotes between two spans (已挽回”阶段). */
const touching = (original: string, end: number, start: number) =>
  end <= start && /^[\s"'“”‘’「」『』]*$/.test(original.slice(end, start));

const kinds = (m: CatalogMatch) => new Set(m.targets.map((t) => t.target.kind));

/**
 * An unknown word that stands in a filter frame ("X的客户", "in X") but only qualifies a word the question
 * did understand, so it cannot change which rows are counted once that word is read. Such a word is
 * answered around and named back in the headline, never dropped silently (issue 13, "tolerant reading"):
 *
 * - it follows a metric (流失率那块), or a stored value and holds a word naming the value's kind (哈尔滨那旮旯,
 *   已挽回阶段, 华东大区: lexicon VALUE_HEAD_WORDS; any other word after a value may be a second value, 深圳宝安),
 *   or a period and ends in a period word (国庆黄金周, 过年那阵子);
 * - it precedes a dimension whose value the question names elsewhere (主力品类是服饰: the value slot of
 *   品类 is already filled by 服饰);
 * - it is a lower-case word of the English dictionary (in terms of, for calendar year, in lakhs): a filter
 *   value is a name (Lhasa, Fiber optic), and a stored value would have matched. A word describing the
 *   people counted ("sticky customers") still decides the answer, so it is not tolerated.
 */
export function qualifiesUnderstoodWord(term: LeftoverTerm, q: UnderstoodWords): boolean {
  const { original } = q;
  if (DISPLAY_UNIT.has(term.text.toLowerCase())) return true;
  if (/\p{Script=Han}/u.test(term.text)) {
    const before = q.matches.find((m) => touching(original, m.end, term.start));
    if (before && kinds(before).has('metric')) return true;
    if (before && kinds(before).has('value')) return VALUE_HEAD_WORDS.some((w) => term.text.includes(w));
    const afterTime = q.timeTokens.some((t) => t.kind === 'range' && touching(original, t.end, term.start));
    if (afterTime && PERIOD_EXTENSION_END.test(term.text)) return true;
    const after = q.matches.find((m) => touching(original, term.end, m.start));
    if (!after) return false;
    // "主力品类是服饰": a dimension named with its value (dimension + connector + value) is a filled slot
    if (after.targets.some((t) => t.target.kind === 'value') && /[是为=：:]/.test(after.text)) return true;
    if (!after.targets.every((t) => t.target.kind === 'dimension')) return false;
    const dims = new Set(after.targets.map((t) => (t.target.kind === 'dimension' ? t.target.id : '')));
    return q.matches.some((m) =>
      m.targets.some((t) => t.target.kind === 'value' && dims.has(t.target.dimension)),
    );
  }
  if (/^[a-z][a-z-]*$/.test(term.text) && isEnglishWord(term.text)) {
    // "sticky customers", "the unlimited data plans": a word naming a kind of people or plan decides the answer
    return !new RegExp(
      `^\\s*(?:customers?|users?|clients?|buyers?|subscribers?|accounts?|${PLAN_HEAD_EN})\\b`,
      'i',
    ).test(original.slice(term.end));
  }
  // a capitalised dictionary word opening a sentence ("Crore figure is fine") is not a name
  const opensSentence = /(?:^|[.!?。！？]\s*)$/.test(original.slice(0, term.start));
  return opensSentence && /^[A-Z][a-z]+$/.test(term.text) && isEnglishWord(term.text);
}

/**
 * An unknown word in the metric slot: ending in a metric's head (转化率, 退款数, 毛利额) or directly before
 * rate/ratio/count/score ("bounce rate"). When no metric was understood it is the metric asked for, so
 * the clarify names it rather than saying that no metric was named.
 */
export function unknownMetricWord(unknown: LeftoverTerm[], original: string): LeftoverTerm | undefined {
  for (const t of unknown) {
    if (/(?:率|比例|占比|比率|数|额|量)$/.test(t.text)) return t;
    const head = /^\s*(?:rates?|ratios?|counts?|scores?|%)\b/i.exec(original.slice(t.end));
    if (head)
      return {
        text: original.slice(t.start, t.end + head[0].length),
        start: t.start,
        end: t.end + head[0].length,
      };
  }
  return undefined;
}
