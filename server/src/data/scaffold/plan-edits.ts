/**
 * An analyst's corrections to a guessed plan (the web upload): the model's labels, a column's role (drop it
 * with `skipped`), its labels in English and Chinese, labels of its values, and values merged into another.
 * The key and the churn column are re-guessed by `guessModel` itself; these edits apply after it. A
 * correction the table cannot support (a band of text, a boolean with three values) is refused, saying why.
 */
import { type AttributePlan, isBooleanish, quantileBands, type ScaffoldPlan } from './guess-model.ts';
import type { ColumnProfile, TableProfile } from './profile-table.ts';

export type AttributeRole = AttributePlan['role'];
export const ATTRIBUTE_ROLES: readonly AttributeRole[] = [
  'categorical',
  'boolean',
  'band',
  'time',
  'measure_only',
  'skipped',
];

export interface Bilingual {
  en?: string;
  zh?: string;
}

export interface ColumnEdit {
  role?: AttributeRole;
  label?: Bilingual;
  /** Labels of values (by the value as it is in the data). */
  values?: Record<string, Bilingual>;
  /** Value → the value it is merged into. */
  merge?: Record<string, string>;
}

export interface PlanEdits {
  label?: Bilingual;
  columns?: Record<string, ColumnEdit>;
}

/** Why an edit was refused: a message key of the HTTP catalog with its parameters. */
export type EditRefusal = {
  ok: false;
  reason: 'unknown_column' | 'role_not_possible' | 'unknown_value';
  column: string;
  detail: string;
};

/** Most distinct values a categorical dimension may list. */
const MAX_VALUES = 60;

function roleRefusal(c: ColumnProfile, role: AttributeRole): string | null {
  if (role === 'band' && !c.numeric) return 'band needs numbers';
  if (role === 'boolean' && !isBooleanish(c)) return 'boolean needs exactly two values such as 0/1 or yes/no';
  if (role === 'time' && !(c.temporal || c.dateFormat)) return 'time needs dates';
  if (role === 'categorical' && c.distinct > MAX_VALUES)
    return `categorical needs at most ${MAX_VALUES} values`;
  if (role === 'measure_only' && !c.numeric) return 'a measure needs numbers';
  return null;
}

/** The attribute with `role`, its values or bands recomputed from the profile. */
function withRole(a: AttributePlan, c: ColumnProfile, role: AttributeRole): AttributePlan {
  const next: AttributePlan = { ...a, role };
  if (role === 'band') return { ...next, type: c.integer ? 'INTEGER' : 'DOUBLE', bands: quantileBands(c) };
  if (role === 'boolean') return { ...next, type: 'BOOLEAN' };
  if (role === 'time') return { ...next, type: 'DATE', format: c.dateFormat };
  if (role === 'categorical' && a.role !== 'categorical') {
    const values = c.top.map((t) => t.value).sort();
    return { ...next, type: c.numeric && c.integer ? 'INTEGER' : 'VARCHAR', values };
  }
  if (role === 'measure_only') return { ...next, type: 'DOUBLE' };
  return next;
}

/** Applies `edits` to a plan guessed from `profile`; the plan is not changed. */
export function applyPlanEdits(
  plan: ScaffoldPlan,
  profile: TableProfile,
  edits: PlanEdits,
): { ok: true; plan: ScaffoldPlan } | EditRefusal {
  const attributes: AttributePlan[] = [];
  const byColumn = new Map(plan.attributes.map((a) => [a.column, a]));
  for (const column of Object.keys(edits.columns ?? {}))
    if (!byColumn.has(column))
      return {
        ok: false,
        reason: 'unknown_column',
        column,
        detail: `not an attribute (the customer key and the churn column are chosen apart; columns: ${[...byColumn.keys()].join(', ')})`,
      };
  for (const original of plan.attributes) {
    const edit = edits.columns?.[original.column];
    if (!edit) {
      attributes.push(original);
      continue;
    }
    const c = profile.columns.find((x) => x.name === original.column)!;
    let a = original;
    if (edit.role && edit.role !== a.role) {
      const why = roleRefusal(c, edit.role);
      if (why) return { ok: false, reason: 'role_not_possible', column: a.column, detail: why };
      a = withRole(a, c, edit.role);
    }
    if (edit.label?.en?.trim()) a = { ...a, label: edit.label.en.trim() };
    if (edit.label?.zh !== undefined) a = { ...a, labelZh: edit.label.zh.trim() || undefined };
    if (edit.merge && Object.keys(edit.merge).length) {
      const known = new Set([...(a.values ?? []), ...c.top.map((t) => t.value)]);
      for (const [from, into] of Object.entries(edit.merge))
        if (!known.has(from) || !known.has(into) || from === into)
          return { ok: false, reason: 'unknown_value', column: a.column, detail: `${from} → ${into}` };
      const merges = { ...a.merges, ...edit.merge };
      a = { ...a, merges, values: a.values?.filter((v) => !(v in merges)) };
    }
    if (edit.values) a = { ...a, valueLabels: { ...a.valueLabels, ...edit.values } };
    attributes.push(a);
  }
  const label = edits.label?.en?.trim() || plan.label;
  const labelZh = edits.label?.zh?.trim() || plan.labelZh;
  return { ok: true, plan: { ...plan, label, ...(labelZh ? { labelZh } : {}), attributes } };
}
