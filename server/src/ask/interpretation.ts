import type { Lang } from '../../../semantic-layer/src/catalog.ts';
import type { SemanticQueryInput } from '../../../semantic-layer/src/query.ts';
import type { ClarifyOption, Intent } from '../answer/answer-schema.ts';

export { ANALYSIS_INTENT_SET } from '../answer/answer-schema.ts';
export type { ClarifyOption };

/**
 * What an interpreter (rules or LLM) makes of a question. Analysis intents (reasons, drivers,
 * decomposition, risk_list, actions, cohorts, survival, segments) are kind 'analysis' and carry the
 * base query (metric, period, filters, dimensions) the analysis runs on.
 */
export interface Interpretation {
  kind: 'query' | 'analysis' | 'clarify' | 'out_of_scope';
  intent: Intent;
  language: Lang;
  query: SemanticQueryInput | null;
  /** Choices made for the user, in the question's language. */
  assumptions: string[];
  understood: { text: string; meaning: string }[];
  unknownTerms: string[];
  options?: ClarifyOption[];
  /** Later asks of the same question the answer does not cover ("…, and how many responses?"): headline. */
  unanswered?: string[];
  /** Why the question is declined or needs clarifying, in the question's language. */
  reason?: string;
  /** For a clarify holding its query: the intent that query answers (an at-risk list), kept for the next turn. */
  pendingIntent?: Intent;
}
