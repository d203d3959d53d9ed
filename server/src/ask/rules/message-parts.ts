import type { Catalog } from '../../../../semantic-layer/src/catalog.ts';
import { LETTER_COURTESIES_EN } from '../lexicon/filler-words.ts';
import {
  ASKING_PHRASES_EN,
  ASKING_START_EN,
  ASKING_WORDS_ZH,
  COMPARING_CLAUSE,
  RANKING_CLAUSE,
} from '../lexicon/message-words.ts';
import { FORWARD_PREFIXES } from '../lexicon/shorthand-words.ts';
import { findPhrases } from '../match/phrase-finder.ts';
import { isEnglishWord } from '../text/english-words.ts';
import { evenOutWording } from '../text/harmless-wording.ts';
import { normaliseKey } from '../text/normalise.ts';
import { analyseQuestion, type QuestionAnalysis } from './analyse-question.ts';
import { askedCustomerId } from './customer-question.ts';

/**
 * Long messages (an email, a forwarded WeCom note, a Slack post): the clauses that ask are the question,
 * the others are context. Context never sets the grain, the intent or the metric's reading ("Ahead of our
 * quarterly review, …" is no quarterly trend; "I want to share good news" is no new-customer filter), but
 * what it says that scopes the question is kept when the question lacks it: a value of a dimension the
 * question does not name ("For East China: what was churn last quarter?"), a period, a metric, a grouping.
 * Only for messages of two sentences or more, or with a greeting or forwarding wrapper; a message whose
 * asking clauses name nothing of the model is read whole.
 */
export interface MessageFocus {
  text: string;
  /** The context clauses that named words of the model or of time, set aside (said back). */
  setAside: string[];
  /** Words of the context kept as the question's scope ("East China"). */
  carried: string[];
}

interface Clause {
  text: string;
  asks: boolean;
  analysis: QuestionAnalysis;
}

const ASKING_ZH = ASKING_WORDS_ZH.map(normaliseKey);
/** Cues that say nothing on their own ("各" of 各位, "一下"): not enough for a clause to ask something. */
const WEAK_CUES = new Set<string>(['byDimension', 'vague']);

/** Sentences with their end marks; a full stop ends a sentence only before a space or the end. */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let from = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const next = text[i + 1];
    // a question quoted inside a sentence (老板原话：“复购率怎么这么低？”) does not end it
    if (OPEN_QUOTE.test(ch) || (ch === '"' && !quoted)) quoted = true;
    else if (CLOSE_QUOTE.test(ch) || ch === '"') quoted = false;
    if (quoted) continue;
    const ends =
      /[。！？!?；;\n]/.test(ch) ||
      (ch === '.' && (next === undefined || /\s/.test(next)) && !/\d/.test(text[i - 1] ?? ''));
    if (!ends) continue;
    while (i + 1 < text.length && /[。！？!?.\s]/.test(text[i + 1]!)) i++;
    out.push(text.slice(from, i + 1));
    from = i + 1;
  }
  if (from < text.length) out.push(text.slice(from));
  return out.filter((s) => /[\p{L}\p{N}]/u.test(s));
}

/** Clauses of a sentence: at commas and colons (not inside a number such as 1,000). */
function splitClauses(sentence: string): string[] {
  return sentence.split(/(?<=[，：]|(?<!\d)[,:](?!\d)|\s[—–-]\s)/).filter((c) => /[\p{L}\p{N}]/u.test(c));
}

const OPEN_QUOTE = /[“「『]/;
const CLOSE_QUOTE = /[”」』]/;
/** A quoted question (someone's words reported: “复购率怎么这么低？”, "why is churn up?"): not this message's ask. */
const QUOTED_QUESTION = /[“「『"][^”」』"]*[?？][^”」』"]*(?:[”」』"]|$)/g;

function asks(clause: string): boolean {
  const unquoted = clause.replace(QUOTED_QUESTION, ' ');
  if (/[?？]/.test(unquoted) || COMPARING_CLAUSE.test(unquoted) || RANKING_CLAUSE.test(unquoted)) return true;
  const text = unquoted.trim();
  if (/\p{Script=Han}/u.test(text) && findPhrases(normaliseKey(text), ASKING_ZH).length > 0) return true;
  return ASKING_START_EN.test(text) || ASKING_PHRASES_EN.test(text);
}

/** Names a word of the model, or a grain ("按月的趋势也看一下"); a date alone ("reply by Friday") does not. */
const namesModel = (a: QuestionAnalysis) =>
  a.matches.some((m) => !m.partial) || a.timeTokens.some((t) => t.kind === 'grain' || t.kind === 'trend');
/** Words of the model written as such (not read through a typo or as part of a name). */
const kindsOf = (a: QuestionAnalysis, kind: 'metric' | 'dimension' | 'value') =>
  a.matches.filter(
    (m) =>
      !m.fuzzy &&
      !m.partial &&
      normaliseKey(m.text) === m.key &&
      m.targets.some((t) => t.target.kind === kind),
  );
const dimensionsOf = (a: QuestionAnalysis) =>
  new Set(
    a.matches.flatMap((m) =>
      m.targets.map((t) =>
        t.target.kind === 'value' ? t.target.dimension : t.target.kind === 'dimension' ? t.target.id : '',
      ),
    ),
  );

/** Whether the raw message is long enough to have context: two sentences, or a greeting/forwarding wrapper. */
function isLongMessage(raw: string): boolean {
  if (splitSentences(raw).length >= 2) return true;
  return [...FORWARD_PREFIXES, ...LETTER_COURTESIES_EN].some((re) => re.test(raw));
}

/**
 * What a context clause says that scopes the question, as words to put before it: values of dimensions
 * the question does not name, a period when it has none, a metric when it names none.
 */
function scopingWords(context: Clause, question: QuestionAnalysis[]): { start: number; end: number }[] {
  const a = context.analysis;
  const named = new Set(question.flatMap((q) => [...dimensionsOf(q)]));
  const hasPeriod = question.some((q) => q.timeTokens.some((t) => t.kind === 'range'));
  const hasMetric = question.some((q) => kindsOf(q, 'metric').length > 0);
  const spans: { start: number; end: number }[] = [];
  for (const m of kindsOf(a, 'value')) {
    // "good news", "our store teams": a lower-case everyday word in the background is no filter
    if (/^[a-z]+$/.test(m.text) && isEnglishWord(m.text)) continue;
    if (m.targets.every((t) => t.target.kind === 'value' && !named.has(t.target.dimension))) spans.push(m);
  }
  if (!hasPeriod) spans.push(...a.timeTokens.filter((t) => t.kind === 'range'));
  if (!hasMetric)
    spans.push(...kindsOf(a, 'metric').filter((m) => m.targets.every((t) => t.target.kind === 'metric')));
  return spans.sort((x, y) => x.start - y.start);
}

/**
 * The question part of a long message, or undefined when the message is read whole (short, or no
 * clause both asks and names something of the model, or nothing to set aside).
 * @example focusMessage('Dear team, … Ahead of our quarterly review for East China, could you share the churn
 *   rate for East China last quarter? Warm regards', corrected, catalog, asOf).text
 *   === 'could you share the churn rate for East China last quarter?'
 */
export function focusMessage(
  raw: string,
  text: string,
  catalog: Catalog,
  asOf: string,
): MessageFocus | undefined {
  // wording that changes nothing (a thanks, a line break, a sentence of purpose) makes no long message
  const focus = focusClauses(evenOutWording(raw, []), text, catalog, asOf);
  // "A customer, C0000581, called in … Could you tell me a bit about them?": a question about the customer
  // the context names by id is read whole (rules/customer-question.ts), never narrowed to clauses without it
  if (focus && askedCustomerId(text) && !askedCustomerId(focus.text) && REFERS_TO_PERSON.test(focus.text))
    return undefined;
  return focus;
}

/** A person referred back to ("tell me about them", "她的情况"). */
const REFERS_TO_PERSON =
  /\b(?:them|they|their|they've|him|his|her|this customer|that customer|this client)\b|(?<!其)他|她|这位|该客户|这个客户|这个用户/i;

function focusClauses(raw: string, text: string, catalog: Catalog, asOf: string): MessageFocus | undefined {
  if (!isLongMessage(raw)) return undefined;
  const sentences = splitSentences(text).map((s) =>
    splitClauses(s).map(
      (c): Clause => ({ text: c, asks: asks(c), analysis: analyseQuestion(c, catalog, asOf) }),
    ),
  );
  // a sentence asks from its first asking clause on that says something ("请各位帮忙确认：…多少？" asks
  // from the question itself); the clauses before it are context
  const says = (c: Clause) =>
    namesModel(c.analysis) ||
    RANKING_CLAUSE.test(c.text) ||
    c.analysis.cues.some((x) => !x.insideCatalog && !WEAK_CUES.has(x.cue));
  const parts = sentences.map((clauses) => {
    const saying = clauses.findIndex((c) => c.asks && says(c));
    const first = saying >= 0 ? saying : clauses.findIndex((c) => c.asks);
    return {
      context: first < 0 ? clauses : clauses.slice(0, first),
      question: first < 0 ? [] : clauses.slice(first),
    };
  });
  if (!parts.some((p) => p.question.some((c) => namesModel(c.analysis)))) return undefined;
  // an asking sentence that only says how to look ("Compare with and without it", "Why?") asks too
  const asking = parts.filter((p) => p.question.some(says));
  const questionClauses = asking.flatMap((p) => p.question);
  const context = parts.flatMap((p) => (asking.includes(p) ? p.context : [...p.context, ...p.question]));
  if (context.length === 0) return undefined;
  const analyses = questionClauses.map((c) => c.analysis);
  const carried: string[] = [];
  for (const c of context)
    for (const s of scopingWords(c, analyses)) carried.push(c.analysis.original.slice(s.start, s.end));
  const setAside = context.filter((c) => namesModel(c.analysis) || c.analysis.timeTokens.length > 0);
  const zh = /\p{Script=Han}/u.test(text);
  const question = questionClauses
    .map((c) => c.text)
    .join('')
    .trim();
  const lead = carried.length > 0 ? carried.join(zh ? '，' : ', ') + (zh ? '，' : ', ') : '';
  return {
    text: lead + question,
    carried,
    setAside: setAside.map((c) =>
      c.text
        .trim()
        .replace(/[，,：:。.!！]+$/, '')
        .replace(/^[“「『"]+|[”」』"]+$/g, ''),
    ),
  };
}
