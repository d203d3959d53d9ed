import type { ReasonCode } from '../canonical/canonical-schema.ts';

/** How a term changes the sentiment words near it, rather than carrying sentiment itself. */
export type Modifier =
  /** Flips the next sentiment word in the clause; `strength` < 1 for hedged negation (不太, not very). */
  | { kind: 'negator'; strength: number; reach?: number }
  /** Multiplies the next sentiment word (很 ×1.5, 有点 ×0.7). */
  | { kind: 'degree'; factor: number }
  /** Multiplies the previous sentiment word in the clause (慢死了, 好吃极了). */
  | { kind: 'post_degree'; factor: number }
  /** Re-weights what came before and what follows (但是: the later clause weighs more). */
  | { kind: 'contrast'; before: number; after: number }
  /** Marks the current clause as conceded (虽然, although): it weighs less. */
  | { kind: 'concession'; factor: number }
  /** Asks rather than asserts (请问, 吗, how do I): damps the clause's sentiment. */
  | { kind: 'question'; factor: number };

/** Everything the lexicons know about one surface form (lower case). */
export interface TermInfo {
  term: string;
  /** Sentiment weight, negative to positive (about −3..3); 0 when the term carries none. */
  polarity: number;
  /** Taxonomy codes this term is evidence for, with weights. */
  topics: Array<[ReasonCode, number]>;
  modifier?: Modifier;
  /**
   * A lukewarm verdict (一般般, 还行, okay, nothing special): it leans one way but says the experience was
   * middling. A text whose only sentiment is lukewarm is neutral, its score keeping the lean's sign.
   */
  lukewarm?: boolean;
}

/**
 * Splits a term list: on commas when it has any (English, where phrases contain spaces: "a bit, kind of"),
 * otherwise on whitespace (Chinese: "难吃 不好吃").
 */
export function terms(list: string): string[] {
  const parts = list.includes(',') ? list.split(',') : list.split(/\s+/);
  return parts.map((t) => t.trim().replace(/\s+/g, ' ')).filter((t) => t.length > 0);
}
