/**
 * Turns corrected wrong answers into eval cases in the evals/questions format (evals/eval-case.ts), so the
 * eval set grows from real use: save the export as `evals/questions/feedback-<date>.yaml`.
 */
import { stringify } from 'yaml';
import { EVAL_MODELS, type EvalCase, EvalCaseSchema, type EvalCategory } from './eval-case-schema.ts';
import type { WrongAnswer } from './wrong-answers.ts';

/** Eval category for an intent (intents without their own category fall back to the closest one). */
const CATEGORY_OF_INTENT: Record<string, EvalCategory> = {
  metric: 'metric',
  breakdown: 'breakdown',
  trend: 'trend',
  comparison: 'comparison',
  reasons: 'reasons',
  decomposition: 'reasons',
  drivers: 'drivers',
  risk_list: 'list',
  actions: 'actions',
};

/** A case that could not be exported, and why. */
export interface SkippedCase {
  feedbackId: string;
  reason: string;
}

/**
 * The eval case for one corrected wrong answer, or why there is none.
 * @example caseFromWrongAnswer(item) // { ok: true, case: { id: 'feedback-retail-…', … } }
 */
export function caseFromWrongAnswer(
  item: WrongAnswer,
): { ok: true; case: EvalCase } | { ok: false; skipped: SkippedCase } {
  const skip = (reason: string) => ({ ok: false as const, skipped: { feedbackId: item.id, reason } });
  const c = item.correction;
  if (!c) return skip('no correction recorded');
  if (!item.question) return skip('the question was not stored');
  if (!(EVAL_MODELS as readonly string[]).includes(item.model))
    return skip(`model ${item.model} has no eval set`);
  const category: EvalCategory =
    c.category ??
    (item.earlierQuestions.length
      ? 'follow_up'
      : c.kind === 'answer'
        ? (CATEGORY_OF_INTENT[c.intent ?? ''] ?? 'metric')
        : c.kind);
  const q = c.query;
  const expect: Record<string, unknown> =
    c.kind === 'answer' && q
      ? {
          kind: 'answer',
          intent: c.intent,
          metrics: q.metrics,
          dimensions: q.dimensions ?? [],
          filters: (q.filters ?? []).map((f) => ({ member: f.member, op: f.op, values: f.values ?? [] })),
          timeRange: q.timeRange ?? null,
          grain: q.time?.grain ?? null,
          compare: q.compare ?? null,
          order: q.order ?? [],
          limit: q.limit ?? null,
        }
      : { kind: c.kind };
  const notes = [
    `from wrong-answer feedback ${item.id}${item.comment ? ` (“${item.comment}”)` : ''}`,
    item.given.intent ? `answered as ${item.given.intent} ${JSON.stringify(item.given.query)}` : '',
    c.expectedValues?.length ? `expected values: ${JSON.stringify(c.expectedValues)}` : '',
    c.notes ?? '',
  ]
    .filter(Boolean)
    .join('; ');
  const candidate = {
    id: `feedback-${item.model}-${item.id.replaceAll('-', '').slice(0, 12)}`,
    model: item.model,
    lang: languageOf(item.question),
    category,
    difficulty: c.difficulty ?? 'medium',
    ...(c.asOf ? { asOf: c.asOf } : {}),
    question: item.question,
    ...(category === 'follow_up' ? { conversation: item.earlierQuestions } : {}),
    expect,
    notes,
  };
  const parsed = EvalCaseSchema.safeParse(candidate);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    return skip(`${first.path.join('.')}: ${first.message}`);
  }
  return { ok: true, case: parsed.data };
}

/**
 * The YAML file of eval cases for `items`, with a header saying where it came from and what was skipped.
 * @example const { yaml, cases } = exportEvalCases(await listWrongAnswers(store, { withCorrection: true }), '2026-10-02');
 */
export function exportEvalCases(
  items: WrongAnswer[],
  exportedOn: string,
): { yaml: string; cases: EvalCase[]; skipped: SkippedCase[] } {
  const cases: EvalCase[] = [];
  const skipped: SkippedCase[] = [];
  for (const item of items) {
    const result = caseFromWrongAnswer(item);
    if (result.ok) cases.push(result.case);
    else skipped.push(result.skipped);
  }
  const header = [
    `# Wrong answers corrected by analysts, exported ${exportedOn}: ${cases.length} case(s).`,
    `# Save as evals/questions/feedback-${exportedOn}.yaml (format: evals/eval-case.ts).`,
    ...skipped.map((s) => `# skipped ${s.feedbackId}: ${s.reason.replaceAll('\n', ' ')}`),
  ].join('\n');
  const body = cases.length ? stringify(cases, { lineWidth: 0 }) : '[]\n';
  return { yaml: `${header}\n${body}`, cases, skipped };
}

/** zh, en or mixed, from the scripts the question uses. */
export function languageOf(question: string): 'zh' | 'en' | 'mixed' {
  const han = /\p{Script=Han}/u.test(question);
  const latinWords = question.match(/[A-Za-z]{2,}/g) ?? [];
  if (han && latinWords.length) return 'mixed';
  return han ? 'zh' : 'en';
}
