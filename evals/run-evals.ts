import type { ConversationState } from '../server/src/ask/conversation.ts';
import type { ModelRuntime } from '../server/src/data/model-runtime.ts';
import { type AnswerDeps, answerQuestion } from '../server/src/pipeline/answer-question.ts';
import {
  type EvalScore,
  interpretationOfAnswer,
  type LoadedEvalCase,
  scoreInterpretation,
} from './eval-case.ts';
import { catalogValueTexts, scoreValues, type ValueScore } from './values/score-values.ts';

export interface CaseResult {
  id: string;
  category: string;
  lang: string;
  model: string;
  question: string;
  score: EvalScore;
  /** The expected values check, only for cases that have `expect.values`. */
  values?: ValueScore;
  /** What the pipeline answered (kind, intent, query), for the report. */
  got: unknown;
  ms: number;
}

/** Interpretation accuracy over all cases; value accuracy over the cases with expected values. */
export interface Accuracy {
  total: number;
  passed: number;
  accuracy: number;
  /** Cases with expected values, those whose values all agree, and the share (null when none). */
  valueTotal: number;
  valuePassed: number;
  valueAccuracy: number | null;
}

export interface EvalSummary extends Accuracy {
  byCategory: Record<string, Accuracy>;
  byLang: Record<string, Accuracy>;
  results: CaseResult[];
}

/**
 * Runs each case through the real pipeline (interpretation, compile, execute on the case's model):
 * earlier turns of a follow-up first, in one conversation; then scores the last turn's interpretation
 * against the case's expectation, and, for cases with expected values, the numbers of its answer's
 * table (a separate score). As-of dates other than the model's come from the case.
 */
export async function runEvals(
  cases: LoadedEvalCase[],
  runtimes: Map<string, ModelRuntime>,
  deps: AnswerDeps,
  onCase?: (r: CaseResult, done: number) => void,
): Promise<EvalSummary> {
  const results: CaseResult[] = [];
  for (const c of cases) {
    const base = runtimes.get(c.model);
    if (!base) throw new Error(`no runtime for model ${c.model}`);
    const runtime = c.asOf ? { ...base, asOf: c.asOf, catalog: { ...base.catalog, asOf: c.asOf } } : base;
    const active = { runtime, versionNo: 0 };
    const t0 = performance.now();
    let previous: ConversationState | undefined;
    for (const q of c.conversation ?? []) {
      const turn = await answerQuestion(deps, {
        active,
        turn: { question: q },
        conversationId: c.id,
        previous,
      });
      previous = turn.state;
    }
    const { answer } = await answerQuestion(deps, {
      active,
      turn: { question: c.question },
      conversationId: c.id,
      previous,
    });
    const storedValues = Object.fromEntries(
      runtime.catalog.dimensions
        .filter((d) => d.values.length)
        .map((d) => [d.id, d.values.map((v) => v.value)]),
    );
    const got = interpretationOfAnswer(answer);
    const result: CaseResult = {
      id: c.id,
      category: c.category,
      lang: c.lang,
      model: c.model,
      question: c.question,
      score: scoreInterpretation(c.expect, got, { storedValues }),
      ...(c.expect.values
        ? { values: scoreValues(c.expect.values, answer.table, catalogValueTexts(runtime.catalog)) }
        : {}),
      got: {
        kind: got.kind,
        intent: got.intent,
        query: got.query,
        narrative: answer.narrative.slice(0, 200),
        ...(c.expect.values ? { rows: answer.table?.rows.slice(0, 12) ?? null } : {}),
      },
      ms: performance.now() - t0,
    };
    results.push(result);
    onCase?.(result, results.length);
  }
  return summarise(results);
}

function accuracy(results: CaseResult[]): Accuracy {
  const passed = results.filter((r) => r.score.pass).length;
  const valued = results.filter((r) => r.values);
  const valuePassed = valued.filter((r) => r.values!.pass).length;
  return {
    total: results.length,
    passed,
    accuracy: results.length ? passed / results.length : 0,
    valueTotal: valued.length,
    valuePassed,
    valueAccuracy: valued.length ? valuePassed / valued.length : null,
  };
}

function summarise(results: CaseResult[]): EvalSummary {
  const group = (key: (r: CaseResult) => string) => {
    const groups = new Map<string, CaseResult[]>();
    for (const r of results) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
    return Object.fromEntries([...groups].map(([k, rs]) => [k, accuracy(rs)]));
  };
  return {
    ...accuracy(results),
    byCategory: group((r) => r.category),
    byLang: group((r) => r.lang),
    results,
  };
}
