import type { ReasonCode } from '../canonical/canonical-schema.ts';
import type { Modifier, TermInfo } from './lexicon-types.ts';
import { terms } from './lexicon-types.ts';
import { isWordChar, type TermMatcher } from './term-matcher.ts';
import { RIVAL_COMPARISONS } from './topic-lexicon.ts';
import { findWaitTimeCues } from './wait-time-cues.ts';

/** Raw evidence from one pass over a text: summed sentiment, topic evidence per code, and the cues. */
export interface FeedbackEvidence {
  sentiment: number;
  /** Sums of the positive and of the negative contributions (the n-gram model reads both). */
  praise: number;
  complaint: number;
  /** Every sentiment contribution is a plain lukewarm verdict (一般般, okay): the text is middling. */
  lukewarmOnly: boolean;
  topics: Map<ReasonCode, { score: number; terms: string[] }>;
  /** Topic evidence whatever the clause's sentiment: what the text is about, praise included. */
  aspects: Map<ReasonCode, number>;
  cues: string[];
}

interface Contribution {
  value: number;
  clause: number;
  cue: string;
  /** A lukewarm term neither negated nor strengthened (很一般 and 不一般 are verdicts, 一般 is middling). */
  lukewarm?: boolean;
}

interface TopicHit {
  code: ReasonCode;
  weight: number;
  clause: number;
  term: string;
  /** The term is praise (便宜, faster): near a rival it names the rival's strength, not our problem. */
  praise: boolean;
  /** A rival named below us (比京东便宜, cheaper than Amazon): praise of us, not a reason to leave. */
  outranked?: boolean;
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

const AGAINST_US = new Set(terms(RIVAL_COMPARISONS));
/** Comparatives that put a rival named after them below us (比京东便宜, cheaper than Amazon). */
const ABOVE_RIVAL = /(?:比|than\s+|than\s+on\s+|than\s+at\s+)$/;

/** A text whose sentiment sums to this or more is praise: its clauses without sentiment are praise's context. */
const PRAISE = 1;

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
  /** Clauses opened by 但是/but: where a praising text states its complaint. */
  const contrasted = new Set<number>();
  /** Clauses that name a rival or compare us with one: praise there is the rival's. */
  const rivalClauses = new Set<number>();

  const addSentiment = (info: TermInfo) => {
    let value = info.polarity;
    let lukewarm = info.lukewarm === true;
    const applied: string[] = [];
    for (let k = pending.length - 1; k >= 0; k--) {
      const mod = pending[k];
      const reach = mod.modifier.kind === 'negator' ? (mod.modifier.reach ?? MODIFIER_REACH) : MODIFIER_REACH;
      // A term that is both a negator and a sentiment word (不够) does not negate itself.
      if (unit - mod.unit > reach || mod.unit === unit) continue;
      if (mod.modifier.kind === 'degree') {
        value *= mod.modifier.factor;
        if (mod.modifier.factor > 1) lukewarm = false;
        applied.push(`×${mod.term}`);
      } else if (mod.modifier.kind === 'negator') {
        value = -value * (value > 0 ? NEGATED_POSITIVE : NEGATED_NEGATIVE) * mod.modifier.strength;
        lukewarm = false;
        applied.push(`negated by ${mod.term}`);
      } else continue;
      pending.splice(k, 1);
    }
    // Complaints weigh more than praise in reviews: one clear problem usually decides the rating.
    if (value < 0) value *= NEGATIVE_WEIGHT;
    value *= contrastWeight * clauseFactor;
    const detail = [...applied, ...(lukewarm ? ['lukewarm'] : [])];
    const cue = detail.length > 0 ? `${info.term} (${detail.join(', ')})` : info.term;
    contributions.push({ value, clause, cue, lukewarm });
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
          if (modifier.factor > 1) last.lukewarm = false;
          last.cue += ` ×${info.term}`;
        }
      } else if (modifier.kind === 'contrast') {
        // A contrast opens a new clause for topic purposes: "good products but the price hike…".
        if (contributions.some((c) => c.clause === clause) || topicHits.some((h) => h.clause === clause))
          clause++;
        if (modifier.before < 1) contrasted.add(clause);
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
    const rival = info.topics.some(([code, weight]) => code === 'competitor' && weight >= 3);
    const outranked = rival && ABOVE_RIVAL.test(text.slice(Math.max(0, i - 8), i));
    for (const [code, weight] of info.topics) {
      const hit = {
        code,
        weight: weight * contrastWeight,
        clause,
        term: info.term,
        praise: info.polarity > 0,
      };
      topicHits.push(outranked ? { ...hit, outranked } : hit);
    }
    if (AGAINST_US.has(info.term) || (rival && !outranked)) rivalClauses.add(clause);
    unit++;
    i = match.end;
  }
  endClause(text.length - 1);

  // Praise of a rival is a complaint about us ("唯品会上一样的衣服便宜一半", "returns are so much easier at Costco"); so is
  // the praise in the clause after the rival's name ("邻居都在别家买，又快又好") unless a contrast turns back.
  const nearRival = (k: number) => rivalClauses.has(k) || (rivalClauses.has(k - 1) && !contrasted.has(k));
  for (const c of contributions) {
    if (c.value > 0 && nearRival(c.clause)) {
      c.value = -c.value;
      c.cue += ' (praise of a rival)';
      c.lukewarm = false;
    }
  }
  const lukewarmOnly = contributions.length > 0 && contributions.every((c) => c.lukewarm);
  let sentiment = 0;
  let praiseSum = 0;
  let complaintSum = 0;
  const clausePolarity = new Map<number, number>();
  for (const c of contributions) {
    sentiment += c.value;
    if (c.value > 0) praiseSum += c.value;
    else complaintSum += c.value;
    // A middling verdict does not make its clause a complaint: 一般般 or 凑合 alone names no reason.
    if (!lukewarmOnly) clausePolarity.set(c.clause, (clausePolarity.get(c.clause) ?? 0) + c.value);
    cues.push(`${c.value >= 0 ? '+' : ''}${c.value.toFixed(2)} ${c.cue}`);
  }
  const topics = new Map<ReasonCode, { score: number; terms: string[] }>();
  const aspects = new Map<ReasonCode, number>();
  // A clause with no sentiment of its own takes the text's: in praise it is praise's context ("质量很好，和描述
  // 一致", "服务好，送货上门"), not a complaint about the subject it names. Not after 但是/but, where the
  // complaint of a praising text goes ("包装很好，但是卷饼里有钢丝").
  const praise = sentiment >= PRAISE;
  for (const hit of topicHits) {
    // 唯品会上一样的衣服便宜一半, 山姆天天有折扣: what a rival's clause names is the rival's, so the reason is the
    // rival, not our price; in the clause after it, only praise is the rival's.
    if (hit.code !== 'competitor' && (rivalClauses.has(hit.clause) || (hit.praise && nearRival(hit.clause))))
      continue;
    aspects.set(hit.code, (aspects.get(hit.code) ?? 0) + hit.weight);
    const own = clausePolarity.get(hit.clause) ?? 0;
    const polarity = Math.abs(own) <= 0.3 && praise && !contrasted.has(hit.clause) ? sentiment : own;
    // Praise near a competitor is praise of the competitor ("另一家的服务比你们好"), still evidence of the topic.
    const factor =
      (hit.code === 'competitor' && !hit.outranked) || polarity < -0.3
        ? TOPIC_FACTOR.negative
        : polarity > 0.3
          ? TOPIC_FACTOR.positive
          : TOPIC_FACTOR.neutral;
    const entry = topics.get(hit.code) ?? { score: 0, terms: [] };
    entry.score += hit.weight * factor;
    if (!entry.terms.includes(hit.term)) entry.terms.push(hit.term);
    topics.set(hit.code, entry);
  }
  return { sentiment, praise: praiseSum, complaint: complaintSum, lukewarmOnly, topics, aspects, cues };
}

function countOf(text: string, ch: string): number {
  let n = 0;
  for (const c of text) if (c === ch) n++;
  return n;
}
