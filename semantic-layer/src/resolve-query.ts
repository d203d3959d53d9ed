import { accessFor, deniedMessage } from './access-policy.ts';
import { compareShift, periodsOf, shiftBack } from './compile/periods.ts';
import { IssueLog } from './issues.ts';
import { joinEdges } from './join-graph.ts';
import type { DimensionDef, MetricDef, SemanticModel } from './model.ts';
import { SemanticQuerySchema } from './query.ts';
import {
  asBoolean,
  checkFilterValues,
  checkTimeRange,
  checkValueTypes,
  unknownMessage,
} from './resolve/check-query-values.ts';
import {
  bindDimension,
  bindUnderPolicy,
  groupMeasures,
  isOwnTime,
  metricClosureOf,
} from './resolve/measure-groups.ts';
import type {
  MeasureGroup,
  QueryContext,
  ResolvedFilter,
  ResolvedQuery,
  ResolveResult,
} from './resolve/resolved-query.ts';

export { isAdditive, isOwnTime, metricClosureOf } from './resolve/measure-groups.ts';
export type {
  DimensionBinding,
  MeasureGroup,
  QueryContext,
  ResolvedFilter,
  ResolvedQuery,
  ResolveResult,
} from './resolve/resolved-query.ts';

/**
 * Checks a query against the model and works out how to compute it: which measures, from which
 * sources, how every dimension is reached without double counting, which periods. Pure.
 */
export function resolveQuery(model: SemanticModel, input: unknown, ctx: QueryContext = {}): ResolveResult {
  const log = new IssueLog();
  const parsed = SemanticQuerySchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => ({
        code: 'invalid_shape' as const,
        message: i.message,
        path: i.path.join('.'),
        severity: 'error' as const,
      })),
    };
  }
  const query = parsed.data;
  if (query.model !== model.id)
    log.error('model_mismatch', `query is for model ${query.model}, not ${model.id}`, { path: 'model' });

  const metrics = query.metrics.map((id, i) => {
    const m = model.metrics[id];
    if (!m)
      log.error('unknown_member', unknownMessage(model, id, 'metric'), {
        path: `metrics.${i}`,
        params: { member: id },
      });
    return m;
  });
  const dimensions = query.dimensions.map((id, i) => {
    const d = model.dimensions[id];
    if (!d)
      log.error('unknown_member', unknownMessage(model, id, 'dimension'), {
        path: `dimensions.${i}`,
        params: { member: id },
      });
    else if (d.type === 'time')
      log.error('type_mismatch', `${id} is a time dimension: put it in \`time\` with a grain`, {
        path: `dimensions.${i}`,
      });
    return d;
  });
  if (log.hasErrors) return { ok: false, issues: log.issues };

  const closure = metricClosureOf(model, metrics as MetricDef[]);
  const cohorts = closure.filter((m) => m.type === 'cohort_retention');
  if (cohorts.length && closure.length > 1)
    log.error('not_groupable', 'cohort retention is answered on its own, not with other metrics', {
      path: 'metrics',
    });

  let timeDim: DimensionDef | null = null;
  if (query.time && query.time.dimension !== 'metric_time') {
    timeDim = model.dimensions[query.time.dimension] ?? null;
    if (timeDim?.type !== 'time')
      log.error('unknown_member', `${query.time.dimension} is not a time dimension`, {
        path: 'time.dimension',
      });
    else if (timeDim.grains && !timeDim.grains.includes(query.time.grain))
      log.error('grain_not_supported', `${timeDim.id} has no ${query.time.grain} grain`, {
        path: 'time.grain',
        params: { member: timeDim.id, grain: query.time.grain },
      });
  }
  const range = query.timeRange;
  if (range && range.start >= range.end)
    log.error('invalid_time_range', `time range start ${range.start} is not before its end ${range.end}`, {
      path: 'timeRange',
    });

  const filters: ResolvedFilter[] = [];
  const metricFilters: ResolvedQuery['metricFilters'] = [];
  query.filters.forEach((f, i) => {
    const at = `filters.${i}`;
    checkFilterValues(f, at, log);
    const d = model.dimensions[f.member];
    const m = model.metrics[f.member];
    checkValueTypes(f, d ? d.type : m ? 'numeric' : undefined, at, log);
    // Interpreters carry boolean values as text ('true'); a boolean column compares with booleans.
    const values = d?.type === 'boolean' ? f.values.map(asBoolean) : f.values;
    if (d) filters.push({ dimension: d, op: f.op, values, enforced: false });
    else if (m) metricFilters.push({ metric: m, op: f.op, values: f.values });
    else log.error('unknown_member', unknownMessage(model, f.member, 'dimension'), { path: `${at}.member` });
  });
  const policy = ctx.policy ?? model;
  const foreignPolicy = policy !== model;
  const access = accessFor(policy, ctx.attributes);
  if (access.kind === 'denied')
    log.error('access_denied', deniedMessage(policy, access), { path: 'attributes' });
  for (const rule of access.kind === 'restricted' ? access.rules : []) {
    const dimension = policy.dimensions[rule.dimension];
    if (!dimension) {
      log.error('access_denied', `access rule ${rule.attribute} names unknown dimension ${rule.dimension}`, {
        path: 'attributes',
      });
      continue;
    }
    filters.push({
      dimension,
      op: 'in',
      values: rule.values,
      enforced: true,
      ...(foreignPolicy ? { bindingKey: `__rls_${dimension.id}` } : {}),
    });
  }
  checkTimeRange(query.timeRange, log);
  query.order.forEach((o, i) => {
    const known =
      query.metrics.includes(o.member) || query.dimensions.includes(o.member) || o.member === 'period';
    if (!known)
      log.error('invalid_order', `order by ${o.member}: only the query's metrics, dimensions or period`, {
        path: `order.${i}.member`,
      });
  });
  if (log.hasErrors) return { ok: false, issues: log.issues };

  const edges = joinEdges(model);
  const groups = groupMeasures(model, closure);
  /** The asked metrics that read a group's measures (what an issue about the group names to the user). */
  const metricsOf = (g: MeasureGroup): string[] => {
    const ids = new Set(g.measures.map((x) => x.id));
    const asked = (metrics as MetricDef[]).filter((m) =>
      metricClosureOf(model, [m]).some((c) => c.type === 'simple' && ids.has(c.measure)),
    );
    return asked.length ? asked.map((m) => m.id) : [...ids];
  };
  const bindIds = [
    ...new Set([
      ...dimensions.map((d) => d!.id),
      ...filters.filter((f) => !f.bindingKey).map((f) => f.dimension.id),
      ...(timeDim ? [timeDim.id] : []),
    ]),
  ];
  for (const g of groups) {
    for (const f of filters.filter((x) => x.bindingKey)) {
      const binding = bindUnderPolicy(model, policy, f.dimension, g);
      if (binding) g.bindings[f.bindingKey!] = binding;
      else
        log.error(
          'rls_unreachable',
          `row-level security on ${f.dimension.id} cannot be enforced on ${g.source.id} as the published version defines it: only an unrestricted user can preview this`,
          { path: 'attributes' },
        );
    }
    for (const id of bindIds) {
      const d = model.dimensions[id]!;
      if (timeDim?.id === id && isOwnTime(d, g)) continue;
      const binding = bindDimension(model, d, g, edges);
      const enforced = filters.some((f) => f.enforced && f.dimension.id === id);
      if (!binding) {
        const code = enforced ? 'rls_unreachable' : 'unreachable';
        log.error(
          code,
          `${d.id} cannot be reached from ${g.source.id} (measures ${g.measures.map((x) => x.id).join(', ')})`,
          { path: 'dimensions', params: { measures: metricsOf(g), member: d.id } },
        );
      } else if (binding.path.fansOut && g.measures.some((m) => m.agg !== 'count_distinct')) {
        log.error(
          'fan_out',
          `grouping ${g.measures.map((x) => x.id).join(', ')} by ${d.id} would double count (${g.source.id} → ${d.source} is one-to-many)`,
          { path: 'dimensions', params: { measures: metricsOf(g), member: d.id } },
        );
      } else g.bindings[id] = binding;
    }
    if (g.kind === 'state' && !range)
      log.error(
        'time_range_required',
        `${g.measures.map((m) => m.id).join(', ')} is measured over a period: give a timeRange`,
        {
          path: 'timeRange',
          params: { measures: metricsOf(g) },
        },
      );
    if (g.kind === 'static' && (range || query.time) && !cohorts.length)
      log.warn(
        'time_ignored',
        `${g.measures.map((m) => m.id).join(', ')} does not change over time; the time range does not apply`,
        {
          path: 'timeRange',
        },
      );
    if (g.kind === 'static' && query.time && !timeDim)
      log.error(
        'not_groupable',
        `${g.measures.map((m) => m.id).join(', ')} cannot be split by ${query.time.grain}`,
        {
          path: 'time',
          params: { measures: metricsOf(g), grain: query.time.grain },
        },
      );
  }

  let comparison: ResolvedQuery['comparison'];
  const popKinds = new Set(closure.flatMap((m) => (m.type === 'period_over_period' ? [m.compare] : [])));
  if (query.compare && popKinds.size && !popKinds.has(query.compare))
    log.error('compare_conflict', 'the query compares differently from its period-over-period metric', {
      path: 'compare',
    });
  if (popKinds.size > 1)
    log.error('compare_conflict', 'period-over-period metrics compare differently', { path: 'metrics' });
  const compareKind = query.compare ?? [...popKinds][0];
  if (compareKind) {
    if (!range) log.error('compare_requires_range', 'a comparison needs a timeRange', { path: 'compare' });
    else {
      const shift = compareShift(range, compareKind, query.time?.grain);
      const prev = shiftBack(range, shift);
      comparison = { kind: compareKind, range: prev, periods: periodsOf(prev, query.time?.grain), shift };
    }
  }
  if (log.hasErrors) return { ok: false, issues: log.issues };
  return {
    ok: true,
    warnings: log.warnings,
    resolved: {
      model,
      query,
      metrics: metrics as MetricDef[],
      metricClosure: closure,
      groups,
      dimensions: dimensions as DimensionDef[],
      time: query.time ? { grain: query.time.grain, dimension: timeDim } : undefined,
      range,
      periods: range ? periodsOf(range, query.time?.grain) : null,
      comparison,
      filters,
      metricFilters,
      cohort: cohorts[0] as ResolvedQuery['cohort'],
    },
  };
}
