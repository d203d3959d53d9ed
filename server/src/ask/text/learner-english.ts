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
  let out = kindNamedAfter(text, corrections);
  for (const [pattern, to] of LEARNER_PHRASES_EN)
    out = out.replace(pattern, (from: string, ...rest: unknown[]) => {
      const groups = rest.slice(0, -2) as (string | undefined)[];
      const read = to.replace(/\$(\d)/g, (_, n: string) => groups[Number(n) - 1] ?? '');
      corrections.push({ kind: 'shorthand', from: from.trim(), to: read.trim() });
      return read;
    });
  return out;
}

/**
 * "Which type of customers have the highest churn, by lifecycle stage?": the kind of customers asked for is
 * the grouping named after it ("which lifecycle stage has the highest churn"), never a list of customers.
 */
const KIND_THEN_BY =
  /\bwhich\s+(?:types?|kinds?|sorts?|groups?)\s+of\s+(?:customers|users|members|people|subscribers)\s+([a-z]+)\b([^?.!,;]*?)\s*,\s*(?:by|per)\s+([a-z][a-z -]*?)\s*(?=[?.!]|$)/i;

function kindNamedAfter(text: string, corrections: Correction[]): string {
  const m = KIND_THEN_BY.exec(text);
  if (!m) return text;
  const read = `which ${m[3]} ${m[1] === 'have' ? 'has' : m[1] === 'are' ? 'is' : m[1]}${m[2]}`;
  corrections.push({ kind: 'shorthand', from: m[0], to: read });
  return text.slice(0, m.index) + read + text.slice(m.index + m[0].length);
}
