import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import type { SemanticQueryInput } from '../semantic-layer/src/query.ts';
import type { Answer } from '../server/src/answer/answer-schema.ts';
import { loadSidecar } from './values/expected-values.ts';

/**
 * Eval cases for the ask pipeline (evals/questions/*.yaml): a question, its context and the
 * interpretation CONVENTIONS.md prescribes. Under `expect` only the keys present are checked;
 * `null` means "must be absent" and `[]` means "must be empty".
 */

import {
  type EvalCase,
  EvalCaseSchema,
  type Expectation,
} from '../server/src/governance/eval-case-schema.ts';

export {
  DIFFICULTIES,
  EVAL_CATEGORIES,
  EVAL_LANGS,
  EVAL_MODELS,
  type EvalCase,
  EvalCaseSchema,
  type EvalCategory,
  EXPECTED_KINDS,
  type Expectation,
  ExpectationSchema,
  type ExpectedFilter,
  ExpectedFilterSchema,
} from '../server/src/governance/eval-case-schema.ts';

/** A case with where it came from, for error messages and reports. */
export type LoadedEvalCase = EvalCase & { file: string; index: number };

export interface EvalCaseIssue {
  code:
    | 'yaml_syntax'
    | 'not_a_list'
    | 'invalid_case'
    | 'duplicate_id'
    | 'invalid_values'
    | 'values_for_unknown_case'
    | 'values_twice';
  file: string;
  /** Position of the case in its file (0-based); -1 for file-level issues. */
  index: number;
  id?: string;
  /** Path inside the case, e.g. `expect.filters[0].values`. */
  path: string;
  message: string;
}

const pathText = (path: readonly PropertyKey[]) =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');

/**
 * Reads every `*.yaml` file of `dir` and validates each case, then attaches the expected values of
 * the sidecar (`valuesFile`, default `<dir>/../values/expected-values.yaml`) by case id; returns the
 * valid cases and every issue found (all files, all cases), so one run reports the whole set.
 * @example const { cases, issues } = loadEvalCases(); if (issues.length) console.error(formatIssues(issues));
 */
export function loadEvalCases(
  dir = 'evals/questions',
  valuesFile = join(dir, '..', 'values', 'expected-values.yaml'),
): { cases: LoadedEvalCase[]; issues: EvalCaseIssue[] } {
  const cases: LoadedEvalCase[] = [];
  const issues: EvalCaseIssue[] = [];
  const files = readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  for (const name of files) {
    const file = join(dir, name);
    const doc = parseDocument(readFileSync(file, 'utf8'));
    if (doc.errors.length) {
      for (const e of doc.errors)
        issues.push({ code: 'yaml_syntax', file, index: -1, path: '', message: e.message });
      continue;
    }
    const items: unknown = doc.toJS();
    if (!Array.isArray(items)) {
      issues.push({
        code: 'not_a_list',
        file,
        index: -1,
        path: '',
        message: 'a file holds a YAML list of cases',
      });
      continue;
    }
    items.forEach((item, index) => {
      const parsed = EvalCaseSchema.safeParse(item);
      const id = typeof item?.id === 'string' ? item.id : undefined;
      if (parsed.success) cases.push({ ...parsed.data, file, index });
      else
        for (const e of parsed.error.issues)
          issues.push({ code: 'invalid_case', file, index, id, path: pathText(e.path), message: e.message });
    });
  }
  const seen = new Map<string, LoadedEvalCase>();
  for (const c of cases) {
    const first = seen.get(c.id);
    const message = first ? `also used by ${first.file} #${first.index}` : '';
    if (first)
      issues.push({ code: 'duplicate_id', file: c.file, index: c.index, id: c.id, path: 'id', message });
    else seen.set(c.id, c);
  }
  attachSidecarValues(seen, valuesFile, issues);
  return { cases, issues };
}

function attachSidecarValues(byId: Map<string, LoadedEvalCase>, file: string, issues: EvalCaseIssue[]) {
  const sidecar = loadSidecar(file);
  for (const i of sidecar.issues)
    issues.push({ code: 'invalid_values', file, index: -1, id: i.id, path: i.path, message: i.message });
  for (const [id, values] of sidecar.values) {
    const c = byId.get(id);
    const issue = (code: EvalCaseIssue['code'], message: string) =>
      issues.push({ code, file, index: -1, id, path: '', message });
    if (!c) issue('values_for_unknown_case', 'no eval case has this id');
    else if (c.expect.values) issue('values_twice', `${c.file} already gives expect.values`);
    else if (![c.expect.kind].flat().includes('answer')) issue('invalid_values', 'only for answer cases');
    else c.expect.values = values;
  }
}

/** One line per issue: `file #index (id) path: message`. */
export function formatIssues(issues: readonly EvalCaseIssue[]): string {
  return issues
    .map(
      (i) =>
        `${i.file}${i.index >= 0 ? ` #${i.index}` : ''}${i.id ? ` (${i.id})` : ''} ${i.path}: ${i.message}`,
    )
    .join('\n');
}

/** What an interpreter produced for a question: the part of an Answer the eval compares. */
export interface Interpretation {
  kind: string;
  intent?: string;
  query?: SemanticQueryInput | null;
  options?: { label: string; question?: string; query?: SemanticQueryInput | null }[];
}

/** The interpretation carried by an Answer. */
export function interpretationOfAnswer(answer: Answer): Interpretation {
  const { intent, query } = answer.interpretation;
  return { kind: answer.kind, intent, query, options: answer.options };
}

/** promptfoo-style result: pass only when every checked key matches; score = share of keys matched. */
export interface EvalScore {
  pass: boolean;
  score: number;
  reasons: string[];
}

type FilterLike = { member: string; op: string; values?: readonly unknown[] };
const filterKey = (f: FilterLike) =>
  `${f.member} ${f.op} [${(f.values ?? []).map(String).sort().join(', ')}]`;
const show = (v: unknown) => (v === undefined || v === null ? 'none' : JSON.stringify(v));

/** Items of `expected` missing from `actual` and extra items of `actual`, counting repeats. */
function multisetDiff(expected: readonly string[], actual: readonly string[]) {
  const extra = [...actual];
  const missing: string[] = [];
  for (const e of expected) {
    const at = extra.indexOf(e);
    if (at < 0) missing.push(e);
    else extra.splice(at, 1);
  }
  return { missing, extra };
}

/**
 * Compares an interpretation with a case's expectation, key by key (only keys present in
 * `expect`); metrics, dimensions, filters and filter values are order-insensitive, `order` is not.
 * With `storedValues` (dimension id → stored values), a filter value outside them also fails.
 */
export function scoreInterpretation(
  expect: Expectation,
  actual: Interpretation,
  options: { storedValues?: Readonly<Record<string, readonly (string | number | boolean)[]>> } = {},
): EvalScore {
  const reasons: string[] = [];
  let checks = 0;
  const check = (ok: boolean, reason: () => string) => {
    checks++;
    if (!ok) reasons.push(reason());
  };
  const q = actual.query ?? null;
  const kinds = [expect.kind].flat();
  check(
    kinds.includes(actual.kind as never),
    () => `kind: expected ${kinds.join(' or ')}, got ${actual.kind}`,
  );
  if (expect.intent !== undefined)
    check(
      actual.intent === expect.intent,
      () => `intent: expected ${expect.intent}, got ${show(actual.intent)}`,
    );
  const sameItems = (key: string, expected: readonly string[] | undefined, got: readonly string[]) => {
    if (expected === undefined) return;
    const { missing, extra } = multisetDiff(expected, got);
    check(
      missing.length + extra.length === 0,
      () => `${key}: missing [${missing.join('; ')}], unexpected [${extra.join('; ')}]`,
    );
  };
  sameItems('metrics', expect.metrics, q?.metrics ?? []);
  sameItems('dimensions', expect.dimensions, q?.dimensions ?? []);
  sameItems('filters', expect.filters?.map(filterKey), (q?.filters ?? []).map(filterKey));
  if (expect.timeRange !== undefined) {
    const got = q?.timeRange ?? null;
    const want = expect.timeRange;
    check(
      want === null ? got === null : got?.start === want.start && got?.end === want.end,
      () => `timeRange: expected ${show(want)}, got ${show(got)}`,
    );
  }
  const scalar = (key: string, want: unknown, got: unknown) => {
    if (want !== undefined) check(want === got, () => `${key}: expected ${show(want)}, got ${show(got)}`);
  };
  scalar('grain', expect.grain, q?.time?.grain ?? null);
  scalar('compare', expect.compare, q?.compare ?? null);
  scalar('limit', expect.limit, q?.limit ?? null);
  if (expect.order !== undefined) {
    const got = (q?.order ?? []).map((o) => `${o.member} ${o.dir}`).join(', ');
    const want = expect.order.map((o) => `${o.member} ${o.dir}`).join(', ');
    check(got === want, () => `order: expected [${want}], got [${got}]`);
  }
  if (expect.options_include) {
    const offered = (actual.options ?? []).map((o) =>
      [o.label, o.question ?? '', ...(o.query?.metrics ?? []), ...(o.query?.dimensions ?? [])]
        .join(' ')
        .toLowerCase(),
    );
    const absent = expect.options_include.filter(
      (want) => !offered.some((o) => o.includes(want.toLowerCase())),
    );
    check(absent.length === 0, () => `options: none offers [${absent.join('; ')}]`);
  }
  if (options.storedValues) {
    const stored = options.storedValues;
    const foreign = (q?.filters ?? []).flatMap((f) =>
      f.member in stored && ['in', 'not_in', 'eq', 'ne'].includes(f.op)
        ? (f.values ?? [])
            .filter((v) => !stored[f.member].map(String).includes(String(v)))
            .map((v) => `${f.member}=${v}`)
        : [],
    );
    check(foreign.length === 0, () => `filter values not stored: [${foreign.join('; ')}]`);
  }
  return { pass: reasons.length === 0, score: checks ? (checks - reasons.length) / checks : 1, reasons };
}
