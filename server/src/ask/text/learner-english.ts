import { LEARNER_PHRASES_EN } from '../lexicon/learner-words.ts';
import type { Correction } from './correct-question.ts';

/**
 * A learner's English phrase read as the standard English it means (lexicon/learner-words.ts: "the more
 * high first" → highest first, "since 3 months" → over the last 3 months, "how much customers" → how many),
 * each change named back.
 * @example readLearnerEnglish('Which is the churn rate since 3 months?', []) === 'what is the churn rate over the last 3 months?'
 */
export function readLearnerEnglish(text: string, corrections: Correction[]): string {
  if (!/[a-z]/i.test(text)) return text;
  let out = text;
  for (const [pattern, to] of LEARNER_PHRASES_EN)
    out = out.replace(pattern, (from: string, ...rest: unknown[]) => {
      const groups = rest.slice(0, -2) as (string | undefined)[];
      const read = to.replace(/\$(\d)/g, (_, n: string) => groups[Number(n) - 1] ?? '');
      corrections.push({ kind: 'shorthand', from: from.trim(), to: read.trim() });
      return read;
    });
  return out;
}
