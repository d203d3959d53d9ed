import type { ChatCompletionFunctionTool } from 'openai/resources/chat/completions';
import { z } from 'zod';
import { SemanticQuerySchema } from '../../../../semantic-layer/src/query.ts';
import { INTENTS } from '../../answer/answer-schema.ts';

/** Intents a `semantic_query` call may carry (clarify and out_of_scope have their own tools). */
export const QUERY_INTENTS = INTENTS.filter((i) => i !== 'clarify' && i !== 'out_of_scope') as [
  (typeof INTENTS)[number],
  ...(typeof INTENTS)[number][],
];

/** Arguments of `semantic_query`: the query plus what the answer must say about it. */
export const SemanticQueryCallSchema = z.object({
  intent: z.enum(QUERY_INTENTS).describe('what kind of answer the question asks for'),
  query: SemanticQuerySchema,
  assumptions: z
    .array(z.string())
    .default([])
    .describe("choices made for the user (default period, metric picked), in the question's language"),
  understood: z
    .array(z.object({ text: z.string(), meaning: z.string() }))
    .default([])
    .describe('words of the question and the member or period each became'),
  unknownTerms: z.array(z.string()).default([]).describe('words of the question that could not be used'),
});
export type SemanticQueryCall = z.infer<typeof SemanticQueryCallSchema>;

/** Arguments of `clarify`: 2-3 readings of an ambiguous question. */
export const ClarifyCallSchema = z.object({
  reason: z.string().optional().describe("why the question is ambiguous, in the question's language"),
  options: z
    .array(
      z.object({
        label: z.string().min(1).describe('a short name for this reading'),
        question: z.string().min(1).describe('the full question to ask for this reading'),
      }),
    )
    .min(1)
    .max(4),
});
export type ClarifyCall = z.infer<typeof ClarifyCallSchema>;

/** Arguments of `decline`: why the question is out of scope. */
export const DeclineCallSchema = z.object({
  reason: z.string().min(1).describe("why this cannot be answered from the data, in the question's language"),
});
export type DeclineCall = z.infer<typeof DeclineCallSchema>;

export const TOOL_NAMES = ['semantic_query', 'clarify', 'decline'] as const;
export type ToolName = (typeof TOOL_NAMES)[number];

type JsonSchema = { [key: string]: unknown };

/**
 * Makes zod's JSON Schema acceptable to OpenAI-compatible endpoints: no `$schema`, no type
 * arrays (some servers only take one `type`), `exclusiveMinimum` as `minimum` for integers.
 * Defaults stay: they document what an omitted field means.
 */
export function toToolParameters(schema: z.ZodType): JsonSchema {
  const json = z.toJSONSchema(schema, {
    io: 'input',
    target: 'draft-7',
    unrepresentable: 'any',
  }) as JsonSchema;
  return clean(json) as JsonSchema;
}

function clean(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(clean);
  if (!node || typeof node !== 'object') return node;
  const out: JsonSchema = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === '$schema') continue;
    out[k] = clean(v);
  }
  if (Array.isArray(out.type)) {
    const types = out.type as string[];
    delete out.type;
    out.anyOf = types.map((type) => ({ type }));
  }
  if (out.type === 'integer' && typeof out.exclusiveMinimum === 'number') {
    out.minimum = (out.exclusiveMinimum as number) + 1;
    delete out.exclusiveMinimum;
  }
  return out;
}

function fn(name: ToolName, description: string, parameters: JsonSchema): ChatCompletionFunctionTool {
  return { type: 'function', function: { name, description, parameters } };
}

/** The three tools for one model: `query.model` is pinned to the model's id. */
export function interpretTools(model: string): ChatCompletionFunctionTool[] {
  const queryParams = toToolParameters(SemanticQueryCallSchema);
  const props = (queryParams.properties as JsonSchema).query as { properties: JsonSchema };
  props.properties.model = { type: 'string', enum: [model], description: 'the semantic model id' };
  return [
    fn(
      'semantic_query',
      'Answer the question with a governed semantic query over the catalog (members by id only).',
      queryParams,
    ),
    fn(
      'clarify',
      'The question is ambiguous: offer 2-3 readings for the user to pick.',
      toToolParameters(ClarifyCallSchema),
    ),
    fn(
      'decline',
      'The question is not about this data, asks to change data, or cannot be answered from the catalog.',
      toToolParameters(DeclineCallSchema),
    ),
  ];
}
