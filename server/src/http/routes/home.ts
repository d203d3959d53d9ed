import { z } from 'zod';
import type { CatalogMetric } from '../../../../semantic-layer/src/catalog.ts';
import type { SemanticModel } from '../../../../semantic-layer/src/model.ts';
import { resolveQuery } from '../../../../semantic-layer/src/resolve-query.ts';
import { addMonths, lastCompleteQuarter } from '../../calendar/calendar.ts';
import { catalogFor } from '../../data/user-catalog.ts';
import type { ModelRegistry } from '../../models/model-registry.ts';
import { runQuery } from '../../pipeline/run-query.ts';
import { ApiError } from '../api-error.ts';
import { apiRoute, apiRouter, jsonResponse, SIGNED_IN } from '../api-router.ts';
import type { AuthEnv } from '../auth/auth-context.ts';
import { requestLanguage } from '../request-language.ts';
import { exampleQuestions } from './example-questions.ts';
import { Language, ModelQuery } from './route-params.ts';

const Tile = z.object({
  metric: z.string(),
  label: z.string(),
  format: z.string().optional(),
  lowerIsBetter: z.boolean().optional(),
  period: z.object({ start: z.string(), end: z.string() }).nullable(),
  value: z.unknown(),
  previous: z.unknown(),
  change: z.unknown(),
  spark: z.array(z.object({ period: z.unknown(), value: z.unknown() })),
});

/** The home tiles, in order of preference; a model without one of them shows its first certified metrics. */
const PREFERRED = ['churn_rate', 'at_risk_customers', 'nps', 'revenue'];

/**
 * GET /api/home: KPI tiles (value in the last complete quarter, change against the quarter before,
 * a 12-month sparkline), computed by governed queries under the user's row-level security.
 */
export function homeRoutes(registry: ModelRegistry) {
  const app = apiRouter<AuthEnv>();
  const route = apiRoute({
    method: 'get',
    path: '/',
    summary: 'KPI tiles and suggested questions (row-level security applied)',
    tags: ['home'],
    security: SIGNED_IN,
    request: { query: ModelQuery.extend({ language: Language.optional() }) },
    responses: {
      200: jsonResponse(
        'Tiles',
        z.object({
          model: z.string(),
          asOf: z.string(),
          tiles: z.array(Tile),
          suggestions: z.array(z.string()),
        }),
      ),
    },
    errors: ['unauthenticated', 'unknown_model'],
  });
  app.openapi(route, async (c) => {
    const query = c.req.valid('query');
    const id = query.model ?? registry.defaultModelId;
    if (!registry.has(id)) throw new ApiError('unknown_model', { model: id });
    const lang = requestLanguage(c, query.language);
    const { runtime } = registry.get(id);
    const { catalog, asOf } = runtime;
    const attributes = c.get('user').attributes;
    const quarter = lastCompleteQuarter(asOf);
    const tiles = [];
    for (const metric of tileMetrics(catalog.metrics)) {
      const ctx = { language: lang, attributes };
      // A metric measured over a period shows the last complete quarter against the one before; one that
      // does not change over time (at-risk customers now) shows its current value, with no period and no
      // change (a range would not apply to it: its "previous quarter" would be the same number).
      const periodic = changesOverTime(runtime.model, id, metric.id, quarter)
        ? await runQuery(
            runtime,
            { model: id, metrics: [metric.id], timeRange: quarter, compare: 'previous_period' },
            { ...ctx, intent: 'metric' },
          )
        : ({ ok: false } as const);
      const value = periodic.ok
        ? periodic
        : await runQuery(runtime, { model: id, metrics: [metric.id] }, { ...ctx, intent: 'metric' });
      const spark = periodic.ok
        ? await runQuery(
            runtime,
            {
              model: id,
              metrics: [metric.id],
              time: { dimension: 'metric_time', grain: 'month' },
              timeRange: { start: addMonths(quarter.end, -12), end: quarter.end },
            },
            { ...ctx, intent: 'trend' },
          )
        : null;
      if (!value.ok) continue;
      const row = value.presentation.rows[0] ?? {};
      const cols = value.presentation.columns;
      const pick = (role?: string) => {
        const col = cols.find((x) => x.member === metric.id && x.role === role);
        return col ? (row[col.name] ?? null) : null;
      };
      tiles.push({
        metric: metric.id,
        label: metric.label[lang],
        format: metric.format,
        lowerIsBetter: metric.lowerIsBetter,
        period: periodic.ok ? quarter : null,
        value: pick(undefined),
        previous: pick('previous'),
        change: pick('change'),
        spark:
          spark?.ok === true
            ? spark.presentation.rows.map((r) => ({ period: r.period, value: r[metric.id] ?? null }))
            : [],
      });
    }
    // Suggestions name only values the user may see.
    const suggestions = exampleQuestions(await catalogFor(runtime, attributes))[lang];
    return c.json({ model: id, asOf, tiles, suggestions }, 200);
  });
  return app;
}

/** Whether a range applies to the metric (a source with time), i.e. it has a value per period. */
function changesOverTime(
  model: SemanticModel,
  modelId: string,
  metric: string,
  range: { start: string; end: string },
): boolean {
  const resolved = resolveQuery(model, { model: modelId, metrics: [metric], timeRange: range });
  return !resolved.ok || resolved.resolved.groups.some((g) => g.kind !== 'static');
}

function tileMetrics(metrics: CatalogMetric[]): CatalogMetric[] {
  const preferred = PREFERRED.flatMap((id) => metrics.filter((m) => m.id === id));
  if (preferred.length >= 2) return preferred;
  return metrics.filter((m) => m.certified).slice(0, 4);
}
