import type { Catalog, Lang } from '../../../../semantic-layer/src/catalog.ts';
import type { Issue, IssueCode } from '../../../../semantic-layer/src/issues.ts';
import type { SemanticQueryInput } from '../../../../semantic-layer/src/query.ts';
import { ANALYSIS_INTENT_SET, type Interpretation } from '../interpretation.ts';
import type { AssistantTurn } from './read-completion.ts';
import { ClarifyCallSchema, DeclineCallSchema, SemanticQueryCallSchema } from './tools.ts';

/** A problem with a tool call, quoted back to the model in the repair round. */
export interface CallIssue {
  code: IssueCode | 'invalid_json' | 'invalid_arguments' | 'unknown_tool' | 'no_tool_call';
  message: string;
  /** Path inside the tool arguments, e.g. `query.filters.0.member`. */
  path?: string;
}

/** A checked call: a usable interpretation, or the issues that make it unusable. */
export type CheckedCall = { ok: true; interpretation: Interpretation } | { ok: false; issues: CallIssue[] };

/** Resolves a query against the semantic model; errors block it, warnings do not. */
export type ResolveFn = (query: SemanticQueryInput) => Issue[];

function zodIssues(error: { issues: { path: PropertyKey[]; message: string }[] }): CallIssue[] {
  return error.issues.map((i) => ({
    code: 'invalid_arguments',
    path: i.path.map(String).join('.') || undefined,
    message: i.message,
  }));
}

function parseArguments(raw: string): { ok: true; value: unknown } | { ok: false; issue: CallIssue } {
  try {
    // Some servers send "" for a call without arguments.
    return { ok: true, value: raw.trim() === '' ? {} : JSON.parse(raw) };
  } catch (e) {
    return {
      ok: false,
      issue: { code: 'invalid_json', message: `arguments are not valid JSON: ${(e as Error).message}` },
    };
  }
}

/**
 * Turns one assistant turn into an interpretation, or lists what is wrong with it: no tool call,
 * unparseable or ill-shaped arguments, or a query the semantic model rejects.
 */
export function checkTurn(
  turn: AssistantTurn,
  language: Lang,
  catalog: Catalog,
  resolve: ResolveFn,
): CheckedCall {
  const call = turn.toolCall;
  if (!call)
    return {
      ok: false,
      issues: [
        {
          code: 'no_tool_call',
          message: 'answer by calling exactly one tool: semantic_query, clarify or decline',
        },
      ],
    };
  const args = parseArguments(call.arguments);
  if (!args.ok) return { ok: false, issues: [args.issue] };
  const base = { language, understood: [], unknownTerms: [], assumptions: [] };

  if (call.name === 'semantic_query') {
    const parsed = SemanticQueryCallSchema.safeParse(args.value);
    if (!parsed.success) return { ok: false, issues: zodIssues(parsed.error) };
    const c = parsed.data;
    const errors = resolve(c.query).filter((i) => i.severity === 'error');
    if (errors.length)
      return {
        ok: false,
        issues: errors.map((i) => ({
          code: i.code,
          message: i.message,
          path: i.path ? `query.${i.path}` : 'query',
        })),
      };
    const valueIssues = storedValueIssues(c.query, catalog);
    if (valueIssues.length) return { ok: false, issues: valueIssues };
    return {
      ok: true,
      interpretation: {
        ...base,
        kind: ANALYSIS_INTENT_SET.has(c.intent) ? 'analysis' : 'query',
        intent: c.intent,
        query: c.query,
        assumptions: c.assumptions,
        understood: c.understood,
        unknownTerms: c.unknownTerms,
      },
    };
  }
  if (call.name === 'clarify') {
    const parsed = ClarifyCallSchema.safeParse(args.value);
    if (!parsed.success) return { ok: false, issues: zodIssues(parsed.error) };
    return {
      ok: true,
      interpretation: {
        ...base,
        kind: 'clarify',
        intent: 'clarify',
        query: null,
        options: parsed.data.options,
        reason: parsed.data.reason,
      },
    };
  }
  if (call.name === 'decline') {
    const parsed = DeclineCallSchema.safeParse(args.value);
    if (!parsed.success) return { ok: false, issues: zodIssues(parsed.error) };
    return {
      ok: true,
      interpretation: {
        ...base,
        kind: 'out_of_scope',
        intent: 'out_of_scope',
        query: null,
        reason: parsed.data.reason,
      },
    };
  }
  return {
    ok: false,
    issues: [
      { code: 'unknown_tool', message: `no tool named ${call.name}: use semantic_query, clarify or decline` },
    ],
  };
}

/**
 * Filter values must be stored values: models tend to write labels ("East China" for 华东), which
 * the resolver cannot catch because values are data.
 */
export function storedValueIssues(query: SemanticQueryInput, catalog: Catalog): CallIssue[] {
  const issues: CallIssue[] = [];
  (query.filters ?? []).forEach((f, i) => {
    const dim = catalog.dimensions.find((d) => d.id === f.member);
    if (!dim || dim.values.length === 0 || !['in', 'not_in', 'eq', 'ne'].includes(f.op)) return;
    const stored = new Set(dim.values.map((v) => v.value));
    (f.values ?? []).forEach((v, j) => {
      if (stored.has(String(v))) return;
      const byLabel = dim.values.find((x) =>
        [x.label.zh, x.label.en, ...x.synonyms.zh, ...x.synonyms.en].some(
          (l) => l.toLowerCase() === String(v).toLowerCase(),
        ),
      );
      const hint = byLabel
        ? `use the stored value ${byLabel.value}`
        : `stored values include ${[...stored].slice(0, 8).join(', ')}`;
      issues.push({
        code: 'invalid_filter',
        path: `query.filters.${i}.values.${j}`,
        message: `${v} is not a stored value of ${dim.id}: ${hint}`,
      });
    });
  });
  return issues;
}

/** The repair request: every issue on its own line, `[code] path: message`. */
export function repairText(issues: CallIssue[]): string {
  const lines = issues.map((i) => `- [${i.code}] ${i.path ? `${i.path}: ` : ''}${i.message}`);
  return [
    'That call cannot be used. Issues:',
    ...lines,
    'Call one tool again with corrected arguments. Use only member ids and stored values from the catalog ' +
      'in the system message; if the question cannot be answered from it, call clarify or decline.',
  ].join('\n');
}
