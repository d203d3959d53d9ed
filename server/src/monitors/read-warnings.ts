/**
 * The early-warning rules of churn.yaml as a monitor: which customers each rule flags now (a governed
 * query under the subscriber's row-level access: customer, the grouping dimension and the fired rules of
 * `customer_snapshot`), and which of them are new since the last run (the state the subscription keeps).
 */
import type { MonitorDefinition } from '../../../semantic-layer/src/definition/schema.ts';
import type { ModelRuntime } from '../data/model-runtime.ts';
import { runQuery } from '../pipeline/run-query.ts';

export type WarningMonitor = Extract<MonitorDefinition, { kind: 'early_warning' }>;

/** One rule's customers: every flagged one now, the new ones, and the new ones per group. */
export interface RuleFlags {
  rule: string;
  label: { zh: string; en: string };
  severity: number;
  flagged: string[];
  added: string[];
  addedByGroup: Record<string, number>;
}

export type WarningRead = { ok: true; rules: RuleFlags[]; sql: string } | { ok: false; message: string };

/** The rules a monitor watches (all of churn.yaml's when it names none), most severe first. */
export function watchedRules(runtime: ModelRuntime, monitor: WarningMonitor): string[] {
  const all = runtime.model.churn.early_warning;
  const ids = monitor.rules.length ? monitor.rules : Object.keys(all);
  return ids
    .filter((id) => all[id])
    .sort((a, b) => all[b]!.severity - all[a]!.severity || a.localeCompare(b));
}

/**
 * @param previous the customers each rule flagged at the last run (`{}` on the first run: all are new)
 */
export async function readWarnings(
  runtime: ModelRuntime,
  monitor: WarningMonitor,
  attributes: Record<string, string[]> | undefined,
  previous: Record<string, string[]>,
): Promise<WarningRead> {
  const run = await runQuery(
    runtime,
    {
      model: runtime.model.id,
      metrics: ['customers'],
      dimensions: ['customer_id', monitor.group_by, 'risk_flags'],
      filters: [{ member: 'risk_flags', op: 'ne', values: [''] }],
      limit: 100_000,
    },
    { intent: 'breakdown', language: 'zh', attributes },
  );
  if (!run.ok) return { ok: false, message: run.issues.map((i) => i.message).join('; ') };
  const col = (member: string) => run.presentation.columns.find((c) => c.member === member)?.name ?? member;
  const [idCol, groupCol, flagsCol] = [col('customer_id'), col(monitor.group_by), col('risk_flags')];
  const rules = watchedRules(runtime, monitor).map((rule): RuleFlags => {
    const def = runtime.model.churn.early_warning[rule]!;
    const before = new Set(previous[rule] ?? []);
    const flagged: string[] = [];
    const added: string[] = [];
    const addedByGroup: Record<string, number> = {};
    for (const row of run.presentation.rows) {
      if (
        !String(row[flagsCol] ?? '')
          .split(',')
          .includes(rule)
      )
        continue;
      const id = String(row[idCol]);
      flagged.push(id);
      if (before.has(id)) continue;
      added.push(id);
      const group = String(row[groupCol] ?? '—');
      addedByGroup[group] = (addedByGroup[group] ?? 0) + 1;
    }
    flagged.sort();
    added.sort();
    return { rule, label: def.label, severity: def.severity, flagged, added, addedByGroup };
  });
  return { ok: true, rules, sql: run.sql };
}
