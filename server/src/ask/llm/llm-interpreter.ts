import OpenAI from 'openai';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { Catalog, Lang } from '../../../../semantic-layer/src/catalog.ts';
import type { SemanticQueryInput } from '../../../../semantic-layer/src/query.ts';
import type { Intent } from '../../answer/answer-schema.ts';
import type { Interpretation } from '../interpretation.ts';
import { type Correction, correctQuestion, describeCorrections } from '../text/correct-question.ts';
import { DEFAULT_SLICE_LIMITS, renderCatalogSlice, type SliceLimits, sliceCatalog } from './catalog-slice.ts';
import { type CallIssue, checkTurn, type ResolveFn, repairText } from './check-call.ts';
import { type FilledPrompt, loadPrompt } from './prompt-loader.ts';
import { type AssistantTurn, requestTurn } from './read-completion.ts';
import { renderTimeConventions } from './time-anchors.ts';
import { interpretTools } from './tools.ts';

/** The prompt this interpreter speaks; bump the file name (and this) to change it. */
export const INTERPRET_PROMPT = 'interpret.v1';

/** What the previous turn left behind (a `ConversationState` fits). */
export interface PreviousTurn {
  lastQuery: SemanticQueryInput | null;
  lastIntent: Intent | null;
}

export interface LlmInterpretInput {
  question: string;
  catalog: Catalog;
  /** "Today" for time words (ISO date). */
  asOf: string;
  previous?: PreviousTurn;
  client: OpenAI;
  model: string;
  /** One deadline for the whole interpretation, repair round included. */
  timeoutMs: number;
  /** Resolves a query against the semantic model and returns its issues (errors block the query). */
  resolve: ResolveFn;
  /** Ask for a streamed response (some OpenAI-compatible servers only stream tool calls). */
  stream?: boolean;
  /** null leaves the server's default (some reasoning models accept no other value). */
  temperature?: number | null;
  sliceLimits?: SliceLimits;
}

/** An interpretation made by the LLM, with the prompt version that produced it. */
export type LlmInterpretation = Interpretation & {
  interpreter: 'llm';
  promptVersion: string;
  /** The first call was invalid and the repair round fixed it. */
  repaired: boolean;
};

export type LlmFailureReason =
  | 'timeout'
  | 'http_error'
  | 'connection_error'
  | 'response_error'
  | 'invalid_call';

/** Why the LLM gave no usable interpretation; the caller falls back to the rules interpreter. */
export interface LlmFailure {
  ok: false;
  reason: LlmFailureReason;
  detail: string;
  promptVersion: string;
  /** HTTP status for `http_error`. */
  status?: number;
  /** What was still wrong after the repair round, for `invalid_call`. */
  issues?: CallIssue[];
}

export type LlmOutcome = { ok: true; interpretation: LlmInterpretation } | LlmFailure;

/** zh when the question has Chinese characters, else en. */
export function questionLanguage(question: string): Lang {
  return /[\u3400-\u9fff]/.test(question) ? 'zh' : 'en';
}

function renderConversation(previous: PreviousTurn | undefined): string {
  if (!previous?.lastQuery) return 'none';
  return `intent ${previous.lastIntent ?? 'unknown'}, query ${JSON.stringify(previous.lastQuery)}`;
}

/** The filled system prompt for one question: catalog slice, computed time ranges, context. */
/** The model's names, and the words naming its business (电信, telco), which are never a filter. */
function modelLabel(catalog: LlmInterpretInput['catalog']): string {
  const label = `${catalog.label.en} / ${catalog.label.zh} (model id: ${catalog.model})`;
  const words = [...(catalog.synonyms?.zh ?? []), ...(catalog.synonyms?.en ?? [])];
  return words.length ? `${label}; "${words.join('", "')}" name this model itself, never a filter` : label;
}

export function buildInterpretPrompt(
  input: Pick<LlmInterpretInput, 'question' | 'catalog' | 'asOf' | 'previous' | 'sliceLimits'>,
): FilledPrompt {
  const { question, catalog, asOf, previous } = input;
  const limits = input.sliceLimits ?? DEFAULT_SLICE_LIMITS;
  const slice = sliceCatalog(catalog, question, previous?.lastQuery, limits);
  const language = questionLanguage(question);
  return loadPrompt(INTERPRET_PROMPT, {
    model_label: modelLabel(catalog),
    as_of: asOf,
    language: language === 'zh' ? 'Chinese (zh)' : 'English (en)',
    catalog: renderCatalogSlice(slice, limits),
    conversation: renderConversation(previous),
    conventions: renderTimeConventions(catalog, asOf),
  });
}

/** The assistant's call echoed back plus the issues, so the model can correct itself once. */
function repairMessages(turn: AssistantTurn, issues: CallIssue[]): ChatCompletionMessageParam[] {
  const text = repairText(issues);
  const call = turn.toolCall;
  if (!call)
    return [
      { role: 'assistant', content: turn.content ?? '' },
      { role: 'user', content: text },
    ];
  const id = call.id || 'call_0';
  return [
    {
      role: 'assistant',
      content: null,
      tool_calls: [{ id, type: 'function', function: { name: call.name, arguments: call.arguments } }],
    },
    { role: 'tool', tool_call_id: id, content: text },
  ];
}

function failureOf(error: unknown, timedOut: boolean, timeoutMs: number, promptVersion: string): LlmFailure {
  const base = { ok: false as const, promptVersion };
  if (timedOut || error instanceof OpenAI.APIConnectionTimeoutError)
    return { ...base, reason: 'timeout', detail: `no answer within ${timeoutMs} ms` };
  if (error instanceof OpenAI.APIError && typeof error.status === 'number')
    return { ...base, reason: 'http_error', status: error.status, detail: error.message };
  if (error instanceof OpenAI.APIConnectionError)
    return { ...base, reason: 'connection_error', detail: error.message };
  // Anything else came from reading the server's response (broken JSON, a cut stream).
  return {
    ...base,
    reason: 'response_error',
    detail: error instanceof Error ? error.message : String(error),
  };
}

/** The corrections named back first, as the rules interpreter does. */
function withCorrections(assumptions: string[], corrections: Correction[], lang: Lang): string[] {
  const note = describeCorrections(corrections, lang);
  return note ? [note, ...assumptions] : assumptions;
}

/**
 * Interprets a question with an OpenAI-compatible model through tool calling: one call, checked
 * with zod and the resolver; if unusable, one repair round quoting the issues; otherwise a failure
 * value (never an exception) so the caller can fall back to the rules interpreter.
 */
export async function interpretWithLlm(raw: LlmInterpretInput): Promise<LlmOutcome> {
  // the model reads the normalised question (traditional → simplified, homophones, typos), like the rules
  const corrected = correctQuestion(raw.question, raw.catalog);
  const input = { ...raw, question: corrected.text };
  const prompt = buildInterpretPrompt(input);
  const language = questionLanguage(input.question);
  const tools = interpretTools(input.catalog.model);
  const messages: ChatCompletionMessageParam[] = [
    { role: 'system', content: prompt.text },
    // The user's words travel as data in their own message, never inside the instructions.
    { role: 'user', content: input.question },
  ];
  const temperature = input.temperature === undefined ? 0 : input.temperature;
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), input.timeoutMs);
  try {
    let issues: CallIssue[] = [];
    for (let round = 0; round < 2; round++) {
      const turn = await requestTurn(
        input.client,
        {
          model: input.model,
          messages: [...messages],
          tools,
          tool_choice: 'required',
          ...(temperature === null ? {} : { temperature }),
        },
        input.stream ?? false,
        deadline.signal,
      );
      const checked = checkTurn(turn, language, input.catalog, input.resolve);
      if (checked.ok)
        return {
          ok: true,
          interpretation: {
            ...checked.interpretation,
            assumptions: withCorrections(checked.interpretation.assumptions, corrected.corrections, language),
            interpreter: 'llm',
            promptVersion: prompt.version,
            repaired: round > 0,
          },
        };
      issues = checked.issues;
      messages.push(...repairMessages(turn, issues));
    }
    return {
      ok: false,
      reason: 'invalid_call',
      promptVersion: prompt.version,
      issues,
      detail: `still invalid after the repair round: ${issues.map((i) => i.code).join(', ')}`,
    };
  } catch (error) {
    return failureOf(error, deadline.signal.aborted, input.timeoutMs, prompt.version);
  } finally {
    clearTimeout(timer);
  }
}
