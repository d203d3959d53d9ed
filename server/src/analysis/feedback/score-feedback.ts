import type { ReasonCode } from '../../data/canonical-schema.ts';
import type { Modifier, TermInfo } from './lexicon-types.ts';
import { isWordChar, type TermMatcher } from './term-matcher.ts';
import { findWaitTimeCues } from './wait-time-cues.ts';

/** Raw evidence from one pass over a text: summed sentiment, topic evidence per code, and the cues. */
export interface FeedbackEvidence {
  sentiment: number;
  topics: Map<ReasonCode, { score: number; terms: string[] }>;
  cues: string[];
}

interface Contribution {
  value: number;
  clause: number;
  cue: string;
}

interface TopicHit {
  code: ReasonCode;
  weight: number;
  clause: number;
  term: string;
}

interface PendingModifier {
  modifier: Modifier;
  term: string;
  unit: number;
}

/** How many words (en) or units (zh: a matched term or a character) a negator or degree adverb reaches. */
const MODIFIER_REACH = 3;
/** Negating a positive word makes a weaker negative (不好 < 差); negating a negative, a weak positive (不慢). */
const NEGATED_POSITIVE = 0.8;
const NEGATED_NEGATIVE = 0.6;
/** Multiplier on negative contributions (tuned on the tuning half of waimai_10k). */
const NEGATIVE_WEIGHT = 1.3;
/** A negator with nothing to negate ("never answered", "没人回") still reads as a complaint. */
const BARE_NEGATION = -0.4;
/** Topic evidence counts fully in a complaining clause, less when neutral, little in praise. */
const TOPIC_FACTOR = { negative: 1, neutral: 0.6, positive: 0.05 };

const CLAUSE_END = new Set([...'，,。.!！?？;；~～\n、…：:']);

/** Scans a normalised (lower-case, NFKC) text once and collects sentiment and topic evidence. */
export function scoreFeedback(text: string, matcher: TermMatcher): FeedbackEvidence {
  const contributions: Contribution[] = [];
  const topicHits: TopicHit[] = [];
  const cues: string[] = [];
  const waits = findWaitTimeCues(text);
  let waitIndex = 0;
  let clause = 0;
  let unit = 0;
  let contrastWeight = 1;
  let clauseFactor = 1;
  let clauseStart = 0;
  let pending: PendingModifier[] = [];

  const addSentiment = (info: TermInfo) => {
    let value = info.polarity;
    const applied: string[] = [];
    for (let k = pending.length - 1; k >= 0; k--) {
      const mod = pending[k];
      const reach = mod.modifier.kind === 'negator' ? (mod.modifier.reach ?? MODIFIER_REACH) : MODIFIER_REACH;
      if (unit - mod.unit > reach) continue;
      if (mod.modifier.kind === 'degree') {
        value *= mod.modifier.factor;
        applied.push(`×${mod.term}`);
      } else if (mod.modifier.kind === 'negator') {
        value = -value * (value > 0 ? NEGATED_POSITIVE : NEGATED_NEGATIVE) * mod.modifier.strength;
        applied.push(`negated by ${mod.term}`);
      } else continue;
      pending.splice(k, 1);
    }
    // Complaints weigh more than praise in reviews: one clear problem usually decides the rating.
    if (value < 0) value *= NEGATIVE_WEIGHT;
    value *= contrastWeight * clauseFactor;
    const detail = applied.length > 0 ? ` (${applied.join(', ')})` : '';
    contributions.push({ value, clause, cue: `${info.term}${detail}` });
  };

  // A negator followed by a subject with no sentiment negates that subject (没有优惠, never answered): it
  // reads as a mild complaint and must not reach past it to flip a later verdict (没有优惠差评).
  const negateNeutralTerm = (info: TermInfo) => {
    const k = pending.findLastIndex((p) => p.modifier.kind === 'negator');
    if (k < 0 || unit - pending[k].unit > MODIFIER_REACH) return;
    const negator = pending[k];
    pending.splice(k, 1);
    contributions.push({
      value: BARE_NEGATION * contrastWeight * clauseFactor,
      clause,
      cue: `${negator.term}+${info.term} (negated subject)`,
    });
  };

  const endClause = (end: number) => {
    const punctuation = text.slice(clauseStart, end + 1);
    const bangs = countOf(punctuation, '!');
    const questions = countOf(punctuation, '?');
    for (const mod of pending) {
      if (mod.modifier.kind === 'negator' && mod.modifier.strength === 1) {
        contributions.push({
          value: BARE_NEGATION * contrastWeight,
          clause,
          cue: `${mod.term} (negation, no target)`,
        });
      }
    }
    const mine = contributions.filter((c) => c.clause === clause);
    if (mine.length > 0 && bangs > 0) {
      const factor = bangs >= 2 ? 1.5 : 1.2;
      for (const c of mine) c.value *= factor;
      cues.push(`punctuation ${'!'.repeat(Math.min(bangs, 3))} ×${factor}`);
    }
    if (questions >= 2) {
      contributions.push({ value: -0.8, clause, cue: '?? (exasperated question)' });
    } else if (questions === 1) {
      for (const c of mine) if (c.value > 0) c.value *= 0.5;
    }
    pending = [];
    clauseFactor = 1;
    clause++;
    clauseStart = end + 1;
  };

  let i = 0;
  while (i < text.length) {
    while (waitIndex < waits.length && waits[waitIndex].start < i) waitIndex++;
    const wait = waits[waitIndex]?.start === i ? waits[waitIndex] : undefined;
    const match = wait ? { info: wait.info, end: wait.end } : matcher.longestAt(text, i);
    // Emoticons such as ":)" start with punctuation, so the lexicon is tried before the clause break.
    if (!match && CLAUSE_END.has(text[i])) {
      let end = i;
      while (end + 1 < text.length && CLAUSE_END.has(text[end + 1])) end++;
      endClause(end);
      i = end + 1;
      continue;
    }
    if (!match) {
      const code = text.charCodeAt(i);
      if (isWordChar(code)) {
        while (i < text.length && (isWordChar(text.charCodeAt(i)) || text[i] === "'")) i++;
        unit++;
      } else {
        if (code > 0x2e80) unit++;
        i++;
      }
      continue;
    }
    const info = match.info;
    const modifier = info.modifier;
    // 好 is praise alone but an intensifier before another sentiment word (好难吃, 好慢).
    const next =
      modifier?.kind === 'degree' && info.polarity !== 0 ? matcher.longestAt(text, match.end) : undefined;
    const actsAsModifier =
      modifier && (info.polarity === 0 || modifier.kind !== 'degree' || next?.info.polarity);
    if (modifier && actsAsModifier) {
      if (modifier.kind === 'negator' || modifier.kind === 'degree') {
        pending.push({ modifier, term: info.term, unit });
      } else if (modifier.kind === 'post_degree') {
        const last = contributions.at(-1);
        if (last && last.clause === clause) {
          last.value *= modifier.factor;
          last.cue += ` ×${info.term}`;
        }
      } else if (modifier.kind === 'contrast') {
        // A contrast opens a new clause for topic purposes: "good products but the price hike…".
        if (contributions.some((c) => c.clause === clause) || topicHits.some((h) => h.clause === clause))
          clause++;
        pending = [];
        for (const c of contributions) c.value *= modifier.before;
        for (const hit of topicHits) hit.weight *= modifier.before;
        contrastWeight = modifier.after;
        cues.push(`contrast ${info.term}: before ×${modifier.before}, after ×${modifier.after}`);
      } else if (modifier.kind === 'concession') {
        clauseFactor = modifier.factor;
        cues.push(`concession ${info.term}: clause ×${modifier.factor}`);
      } else {
        clauseFactor = modifier.factor;
        cues.push(`question ${info.term}: clause ×${modifier.factor}`);
      }
    }
    if (info.polarity !== 0 && !(modifier?.kind === 'degree' && actsAsModifier)) addSentiment(info);
    else if (!modifier && info.topics.length > 0) negateNeutralTerm(info);
    for (const [code, weight] of info.topics) {
      topicHits.push({ code, weight: weight * contrastWeight, clause, term: info.term });
    }
    unit++;
    i = match.end;
  }
  endClause(text.length - 1);

  let sentiment = 0;
  const clausePolarity = new Map<number, number>();
  for (const c of contributions) {
    sentiment += c.value;
    clausePolarity.set(c.clause, (clausePolarity.get(c.clause) ?? 0) + c.value);
    cues.push(`${c.value >= 0 ? '+' : ''}${c.value.toFixed(2)} ${c.cue}`);
  }
  const topics = new Map<ReasonCode, { score: number; terms: string[] }>();
  for (const hit of topicHits) {
    const polarity = clausePolarity.get(hit.clause) ?? 0;
    // Praise near a competitor is praise of the competitor ("另一家的服务比你们好"), still evidence of the topic.
    const factor =
      hit.code === 'competitor' || polarity < -0.3
        ? TOPIC_FACTOR.negative
        : polarity > 0.3
          ? TOPIC_FACTOR.positive
          : TOPIC_FACTOR.neutral;
    const entry = topics.get(hit.code) ?? { score: 0, terms: [] };
    entry.score += hit.weight * factor;
    if (!entry.terms.includes(hit.term)) entry.terms.push(hit.term);
    topics.set(hit.code, entry);
  }
  return { sentiment, topics, cues };
}

function countOf(text: string, ch: string): number {
  let n = 0;
  for (const c of text) if (c === ch) n++;
  return n;
}
