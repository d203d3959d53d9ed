import type { ConversationState } from '../server/src/ask/conversation.ts';
import type { ModelRuntime } from '../server/src/data/model-runtime.ts';
import { type AnswerDeps, answerQuestion } from '../server/src/pipeline/answer-question.ts';
import {
  type EvalScore,
  interpretationOfAnswer,
  type LoadedEvalCase,
  scoreInterpretation,
} from './eval-case.ts';

export interface CaseResult {
  id: string;
  category: string;
  lang: string;
  model: string;
  question: string;
  score: EvalScore;
  /** What the pipeline answered (kind, intent, query), for the report. */
  got: unknown;
  ms: number;
}

export interface EvalSummary {
  total: number;
  passed: number;
  accuracy: number;
  byCategory: Record<string, { total: number; passed: number; accuracy: number }>;
  byLang: Record<string, { total: number; passed: number; accuracy: number }>;
  results: CaseResult[];
}

/**
 * Runs each case through the real pipeline (interpretation, compile, execute on the case's model):
 * earlier turns of a follow-up first, in one conversation; then scores the last turn's interpretation
 * against the case's expectation. As-of dates other than the model's come from the case.
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
      got: {
        kind: got.kind,
        intent: got.intent,
        query: got.query,
        narrative: answer.narrative.slice(0, 200),
      },
      ms: performance.now() - t0,
    };
    results.push(result);
    onCase?.(result, results.length);
  }
  return summarise(results);
}

function summarise(results: CaseResult[]): EvalSummary {
  const group = (key: (r: CaseResult) => string) => {
    const out: EvalSummary['byCategory'] = {};
    for (const r of results) {
      const k = key(r);
      out[k] ??= { total: 0, passed: 0, accuracy: 0 };
      const g = out[k];
      g.total++;
      if (r.score.pass) g.passed++;
    }
    for (const g of Object.values(out)) g.accuracy = g.passed / g.total;
    return out;
  };
  const passed = results.filter((r) => r.score.pass).length;
  return {
    total: results.length,
    passed,
    accuracy: results.length ? passed / results.length : 0,
    byCategory: group((r) => r.category),
    byLang: group((r) => r.lang),
    results,
  };
}
