import type { ReasonCode } from '../canonical/canonical-schema.ts';
import { COMPLAINT_TERMS } from './complaint-lexicon.ts';
import { type Modifier, type TermInfo, terms } from './lexicon-types.ts';
import { EMOTICONS, MODIFIERS, NEUTRAL_SHADOWS } from './modifier-lexicon.ts';
import { EN_LUKEWARM, EN_SENTIMENT } from './sentiment-lexicon-en.ts';
import { ZH_LUKEWARM, ZH_SENTIMENT } from './sentiment-lexicon-zh.ts';
import { buildTermMatcher, isWordChar, type TermMatcher } from './term-matcher.ts';
import { TOPIC_TERMS } from './topic-lexicon.ts';

/**
 * Merges every lexicon into one entry per surface form, so a single longest-match pass over the text
 * finds sentiment, modifiers and topic evidence at once. When a list repeats a term, the stronger
 * sentiment and the larger topic weight win; the lexicons are data, so the merge must not depend on order.
 */
export function buildLexicon(): Map<string, TermInfo> {
  const entries = new Map<string, TermInfo>();
  const entry = (term: string): TermInfo => {
    const key = term.toLowerCase();
    let info = entries.get(key);
    if (!info) {
      info = { term: key, polarity: 0, topics: [] };
      entries.set(key, info);
    }
    return info;
  };
  const setPolarity = (term: string, polarity: number) => {
    const info = entry(term);
    if (Math.abs(polarity) > Math.abs(info.polarity)) info.polarity = polarity;
  };
  for (const term of terms(NEUTRAL_SHADOWS)) entry(term);
  for (const [polarity, list] of [...ZH_SENTIMENT, ...EN_SENTIMENT, ...EMOTICONS]) {
    for (const term of terms(list)) setPolarity(term, polarity);
  }
  for (const [polarity, list] of [...ZH_LUKEWARM, ...EN_LUKEWARM]) {
    for (const term of terms(list)) {
      setPolarity(term, polarity);
      entry(term).lukewarm = true;
    }
  }
  for (const [modifier, list] of MODIFIERS) {
    for (const term of terms(list)) entry(term).modifier ??= modifier satisfies Modifier;
  }
  for (const [code, weight, list] of TOPIC_TERMS) {
    for (const term of terms(list)) addTopic(entry(term), code, weight);
  }
  for (const [code, weight, polarity, list] of COMPLAINT_TERMS) {
    for (const term of terms(list)) {
      setPolarity(term, polarity);
      addTopic(entry(term), code, weight);
    }
  }
  inheritTopics(entries);
  return entries;
}

/**
 * The longest match must not hide what a shorter term inside it knows. Sentiment phrases inherit the topics
 * of clear topic words inside them (最难吃 ⊃ 难吃, "too expensive" ⊃ "expensive"); topic phrases with no
 * sentiment inherit the complaint of a negative word inside them ("wrong item" ⊃ "wrong"). Praise is not
 * inherited: 快递 (courier) contains 快 (fast) but praises nothing.
 */
/** Names that merely contain a complaint word (饿了么 ⊃ 饿了). */
const NAMES = new Set(['饿了么']);

function inheritTopics(entries: Map<string, TermInfo>): void {
  const all = [...entries.values()];
  const topicTerms = all.filter((e) => e.topics.some(([, w]) => w >= 2));
  const complaintTerms = all.filter((e) => e.polarity < 0 && !e.modifier);
  for (const info of all) {
    if (info.modifier) continue;
    if (info.polarity !== 0 && info.topics.length === 0) {
      for (const source of topicTerms) {
        if (source.term.length >= info.term.length || !containsWord(info.term, source.term)) continue;
        for (const [code, weight] of source.topics) if (weight >= 2) addTopic(info, code, weight);
      }
    } else if (info.polarity === 0 && info.topics.length > 0 && !NAMES.has(info.term)) {
      for (const source of complaintTerms) {
        if (source.term.length >= info.term.length || !containsWord(info.term, source.term)) continue;
        if (source.polarity < info.polarity) info.polarity = source.polarity;
      }
    }
  }
}

/** Substring test that respects English word boundaries ("cost" is not in "costume"). */
function containsWord(text: string, part: string): boolean {
  let from = text.indexOf(part);
  while (from >= 0) {
    const before = from === 0 ? 32 : text.charCodeAt(from - 1);
    const after = from + part.length >= text.length ? 32 : text.charCodeAt(from + part.length);
    const latinEdge = isWordChar(part.charCodeAt(0)) || isWordChar(part.charCodeAt(part.length - 1));
    if (!latinEdge || (!isWordChar(before) && !isWordChar(after))) return true;
    from = text.indexOf(part, from + 1);
  }
  return false;
}

function addTopic(info: TermInfo, code: ReasonCode, weight: number): void {
  const existing = info.topics.find(([c]) => c === code);
  if (existing) existing[1] = Math.max(existing[1], weight);
  else info.topics.push([code, weight]);
}

let shared: TermMatcher | undefined;

/** The matcher over the built-in lexicons, built once on first use (about 3k terms). */
export function defaultMatcher(): TermMatcher {
  shared ??= buildTermMatcher(buildLexicon().values());
  return shared;
}
