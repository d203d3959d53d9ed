import type { Intent } from '../../answer/answer-schema.ts';
import { SHAPE_PATTERNS, type ShapePattern } from '../lexicon/shape-patterns.ts';
import type { QuestionAnalysis } from './analyse-question.ts';

/** The analyses a question's shape can ask for (lexicon/shape-patterns.ts), in order of precedence. */
const SHAPES = ['winback_timing', 'actions', 'risk_list', 'survival', 'decomposition', 'cohorts'] as const;
export type ShapeIntent = (typeof SHAPES)[number];

/** Intents the shape never overrides: a more specific analysis already read from cue words. */
const KEPT: ReadonlySet<Intent> = new Set([
  'winback_timing',
  'churn_forecast',
  'campaign_outcomes',
  'cohorts',
  'segments',
  'customer_profile',
]);

function spansOf(pattern: ShapePattern, text: string): { start: number; end: number }[] | undefined {
  if (pattern.not?.some((r) => r.test(text))) return undefined;
  if (!pattern.all.every((r) => r.test(text))) return undefined;
  // every occurrence of the shape's words is understood ("at-risk accounts … accounts")
  return [...pattern.all, ...(pattern.also ?? [])].flatMap((r) =>
    [...text.matchAll(new RegExp(r.source, 'g'))].map((m) => ({
      start: m.index,
      end: m.index + m[0].length,
    })),
  );
}

/**
 * What the question asks for by its shape rather than by a fixed phrase: what to do (该咋办, 怎么挽回,
 * "how do we get them to stay") → actions; who is about to leave, as a list (都谁要跑, at-risk accounts,
 * most likely to leave) → the at-risk list, never a count; how long until they leave (多久会流失, how long
 * … before they churn) → survival; why a number moved (咋比8月还高了, explain the delta, mix vs rate
 * effect, build a bridge from Q2 to Q3) → decomposition; how long until churned customers come back
 * (流失以后多久会回来) → win-back timing; retention by the month customers joined (不同月份注册的客户留存)
 * → cohorts. Undefined when no shape fits or a more specific analysis was read already.
 * The words of the shape are understood: they leave the unknown terms.
 */
export function readAskShape(analysis: QuestionAnalysis, intent: Intent): ShapeIntent | undefined {
  const found = askShape(analysis.folded);
  // a shape that agrees with the analysis read from cue words still makes its words understood
  if (!found || (KEPT.has(intent) && found.shape !== intent)) return undefined;
  analysis.unknown = analysis.unknown.filter(
    (t) => !found.spans.some((s) => t.start < s.end && t.end > s.start),
  );
  return KEPT.has(intent) ? undefined : found.shape;
}

/** The first shape whose pattern the text fits, with the spans of its words (no side effects). */
export function askShape(
  text: string,
): { shape: ShapeIntent; spans: { start: number; end: number }[] } | undefined {
  for (const shape of SHAPES) {
    // the words of every pattern of the shape that fits are understood ("为什么…高了 … mix effect")
    const spans = SHAPE_PATTERNS[shape].flatMap((pattern) => spansOf(pattern, text) ?? []);
    if (SHAPE_PATTERNS[shape].some((pattern) => spansOf(pattern, text))) return { shape, spans };
  }
  return undefined;
}
