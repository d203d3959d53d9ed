import { accessFor } from '../../../semantic-layer/src/access-policy.ts';
import type { Lang } from '../../../semantic-layer/src/catalog.ts';
import type { AnalysisIntent, RunAnalysis } from '../analysis/analysis-contract.ts';
import { AnalysisError } from '../analysis/analysis-contract.ts';
import type { Answer } from '../answer/answer-schema.ts';
import { presentResult } from '../answer/compose.ts';
import type { PresentedResult } from '../answer/presentation-input.ts';
import { usedDefinitions } from '../answer/presented-members.ts';
import { type ConversationState, nextConversationState } from '../ask/conversation.ts';
import type { Interpretation } from '../ask/interpretation.ts';
import type { LlmConfig } from '../ask/llm/llm-from-env.ts';
import { recogniseSubscription } from '../ask/subscription-request.ts';
import { QueryTimeoutError } from '../data/analytics-engine.ts';
import type { ActiveModel } from '../models/model-registry.ts';
import { scopeToAccess } from './access-notice.ts';
import { type InterpretedTurn, interpretTurn, type TurnInput } from './interpret-turn.ts';
import { pipelineMessages } from './pipeline-messages.ts';
import { runQuery } from './run-query.ts';
import { proposeSubscription } from './subscription-turn.ts';

export type Stage = 'interpret' | 'execute' | 'analyse' | 'present';

export interface AnswerDeps {
  llm: LlmConfig | null;
  /** The analysis module; without it analysis intents get the semantic layer's direct answer. */
  runAnalysis?: RunAnalysis;
  log?: (message: string, error?: unknown) => void;
}

export interface AnswerRequest {
  active: ActiveModel;
  turn: TurnInput;
  conversationId: string;
  previous?: ConversationState;
  /** The asking user's row-level-security attributes. */
  attributes?: Record<string, string[]>;
  onStage?: (stage: Stage, elapsedMs: number) => void;
  /** Reads "每周一提醒我…" as a subscription to confirm (the web chat) instead of answering it. */
  offerSubscription?: boolean;
}

export interface AnsweredTurn {
  answer: Answer;
  state: ConversationState;
}

/**
 * The pipeline of ARCHITECTURE.md for one turn: interpret → resolve/compile (with RLS) → execute or
 * analyse → present. Never throws for the user's input: every failure becomes an `Answer` of kind
 * `error` (or `clarify`/`out_of_scope`) in the question's language that says what was understood.
 */
export async function answerQuestion(deps: AnswerDeps, req: AnswerRequest): Promise<AnsweredTurn> {
  const started = performance.now();
  const { runtime } = req.active;
  const stage = (s: Stage) => req.onStage?.(s, performance.now() - started);
  stage('interpret');
  const t0 = performance.now();
  const request =
    req.offerSubscription && 'question' in req.turn ? recogniseSubscription(req.turn.question) : null;
  const input = request ? { question: request.question, language: req.turn.language } : req.turn;
  const turn = await interpretTurn(runtime, input, req.previous, deps.llm);
  const timings: Record<string, number> = { interpret: performance.now() - t0 };
  const it = turn.interpretation;
  const lang: Lang = 'language' in req.turn && req.turn.language ? req.turn.language : it.language;
  if (turn.fallback) it.assumptions = [...it.assumptions, pipelineMessages.llmFallback(lang)];
  // row-level security narrowing what was asked (华东 or 全国 for the 华南 manager) is the headline
  let notice: string | undefined;
  if (it.query && it.kind !== 'clarify' && it.kind !== 'out_of_scope') {
    const question = 'question' in req.turn ? req.turn.question : undefined;
    const scoped = scopeToAccess(runtime.model, runtime.catalog, req.attributes, it.query, question, lang);
    it.query = scoped.query;
    notice = scoped.notice;
  }
  // words left unread are said first too: an answer using only part of the question says so in its headline
  const partial = it.unknownTerms.length ? pipelineMessages.partialAnswer(it.unknownTerms, lang) : '';
  const unanswered = it.unanswered?.length ? pipelineMessages.unanswered(it.unanswered, lang) : '';
  const headline = (narrative: string) => `${notice ?? ''}${partial}${unanswered}${narrative}`;

  const base = baseAnswer(req, turn, lang);
  const finish = (answer: Answer): AnsweredTurn => {
    answer.provenance.timings = { ...timings, ...answer.provenance.timings };
    answer.provenance.elapsedMs = performance.now() - started;
    return { answer, state: nextConversationState(req.previous, it, turn.defaultedRange) };
  };

  const proposed = request && proposeSubscription(runtime, request, turn, req.attributes, lang);
  if (proposed)
    return finish({
      ...base,
      kind: 'clarify',
      narrative: proposed.narrative,
      subscription: proposed.proposal,
    });

  if (it.kind === 'clarify' || it.kind === 'out_of_scope' || !it.query)
    return finish({
      ...base,
      kind: it.kind === 'clarify' ? 'clarify' : 'out_of_scope',
      narrative: it.reason ?? '',
      options: it.options?.map((o) => ({
        label: o.label,
        question: o.question,
        ...(o.query ? { query: o.query as NonNullable<Answer['interpretation']['query']> } : {}),
      })),
    });

  try {
    // A user the access rules deny gets no analysis: the compiled query below refuses them (fail closed).
    const denied = accessFor(runtime.model, req.attributes).kind === 'denied';
    if (it.kind === 'analysis' && deps.runAnalysis && !denied) {
      stage('analyse');
      const t = performance.now();
      const result = await deps.runAnalysis(runtime, {
        intent: it.intent as AnalysisIntent,
        language: lang,
        query: it.query,
        attributes: req.attributes,
      });
      timings.analyse = performance.now() - t;
      stage('present');
      const presented = present(result.presentation, runtime, lang, timings);
      return finish({
        ...base,
        ...presented,
        narrative: headline(result.narrative ?? presented.narrative),
        interpretation: {
          ...base.interpretation,
          assumptions: [...base.interpretation.assumptions, ...result.assumptions],
        },
        analysis: { type: it.intent, ...result.analysis },
        actions: result.actions,
        provenance: {
          ...base.provenance,
          sql: result.sql,
          params: result.params,
          timings: { ...result.timings },
        },
      });
    }
    stage('execute');
    const run = await runQuery(runtime, it.query, {
      intent: it.intent,
      language: lang,
      attributes: req.attributes,
    });
    if (!run.ok)
      return finish({
        ...base,
        kind: 'error',
        error: {
          code: 'invalid_query',
          issues: run.issues.map((i) => ({ code: i.code, path: i.path, message: i.message })),
        },
        narrative: pipelineMessages.cannotCompile(
          run.issues,
          runtime.model,
          it.understood.map((u) => `${u.text} → ${u.meaning}`),
          lang,
        ),
      });
    Object.assign(timings, run.timings);
    stage('present');
    const presented = present(run.presentation, runtime, lang, timings);
    const assumptions = [...base.interpretation.assumptions, ...run.assumptions];
    if (it.kind === 'analysis') assumptions.push(pipelineMessages.analysisUnavailable(lang));
    return finish({
      ...base,
      ...presented,
      narrative: headline(run.presentation.rows.length ? presented.narrative : pipelineMessages.noRows(lang)),
      interpretation: { ...base.interpretation, assumptions },
      provenance: {
        ...base.provenance,
        sql: [run.sql],
        params: [run.params],
        answeredFrom: run.answeredFrom,
      },
    });
  } catch (error) {
    if (error instanceof AnalysisError)
      return finish({ ...base, kind: 'error', error: { code: error.code }, narrative: error.message });
    if (error instanceof QueryTimeoutError)
      return finish({
        ...base,
        kind: 'error',
        error: { code: 'timeout' },
        narrative: pipelineMessages.timeout(lang),
      });
    deps.log?.('answer failed', error);
    return finish({
      ...base,
      kind: 'error',
      error: { code: 'internal_error' },
      narrative: pipelineMessages.internal(lang),
    });
  }
}

function present(
  input: Parameters<typeof presentResult>[0],
  runtime: ActiveModel['runtime'],
  lang: Lang,
  timings: Record<string, number>,
): PresentedResult {
  const t = performance.now();
  const dims = runtime.catalog.dimensions
    .filter((d) => d.type === 'categorical' || d.type === 'numeric_band')
    .map((d) => ({ id: d.id, label: d.label[lang] }));
  const presented = presentResult(input, dims);
  timings.present = performance.now() - t;
  return presented;
}

function baseAnswer(req: AnswerRequest, turn: InterpretedTurn, lang: Lang): Answer {
  const it: Interpretation = turn.interpretation;
  const { runtime, versionNo } = req.active;
  const q = it.query;
  const ids = q ? [...q.metrics, ...(q.dimensions ?? []), ...(q.filters ?? []).map((f) => f.member)] : [];
  return {
    conversationId: req.conversationId,
    kind: 'answer',
    language: lang,
    interpretation: {
      interpreter: turn.interpreter,
      intent: it.intent,
      query: q ? (q as Answer['interpretation']['query']) : null,
      assumptions: it.assumptions,
      understood: it.understood,
      unknownTerms: it.unknownTerms,
      promptVersion: turn.promptVersion,
    },
    table: null,
    chart: null,
    narrative: '',
    provenance: {
      modelVersion: modelVersionLabel(runtime.model.id, versionNo, runtime.model.version),
      definitions: usedDefinitions(runtime.catalog, ids, lang),
      sql: [],
      params: [],
      timings: {},
      elapsedMs: 0,
    },
    suggestions: [],
  };
}

/** `retail v3 (1a2b3c4d5e6f)`: the store's version number and the content hash it loaded. */
export function modelVersionLabel(modelId: string, versionNo: number, hash: string): string {
  return `${modelId}${versionNo ? ` v${versionNo}` : ''} (${hash.slice(0, 12)})`;
}
