import { z } from 'zod';
import { accessFor } from '../../../../semantic-layer/src/access-policy.ts';
import type { Filter } from '../../../../semantic-layer/src/query.ts';
import type { RunAnalysis } from '../../analysis/analysis-contract.ts';
import { presentResult } from '../../answer/compose.ts';
import type { ModelRegistry } from '../../models/model-registry.ts';
import type { Store } from '../../store/open-store.ts';
import { ApiError } from '../api-error.ts';
import { apiRoute, apiRouter, SIGNED_IN } from '../api-router.ts';
import type { AuthEnv } from '../auth/auth-context.ts';
import { formattedTableCsv } from '../csv.ts';
import { requestLanguage } from '../request-language.ts';
import { Language } from './route-params.ts';

/** Rows one page may hold; a CSV export holds every matching row up to `MAX_EXPORT_ROWS`. */
const MAX_PAGE_SIZE = 500;
const MAX_EXPORT_ROWS = 100_000;

const Params = z.object({
  model: z.string().max(64).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
  /** Legacy: the first `limit` rows (pageSize for JSON, a row cap for CSV). */
  limit: z.coerce.number().int().min(1).max(MAX_EXPORT_ROWS).optional(),
  q: z.string().max(100).optional(),
  value_tier: z.string().max(64).optional(),
  region: z.string().max(64).optional(),
  risk_level: z.enum(['very_high', 'high', 'medium', 'low']).optional(),
  sort: z.enum(['expected_loss', 'risk']).optional(),
  format: z.enum(['json', 'csv']).default('json'),
  language: Language.optional(),
});

const AtRiskRoute = apiRoute({
  method: 'get',
  path: '/',
  summary:
    'The at-risk customer list (row-level security applied), paged with its total and filtered by search text, region, value tier and risk level; `format=csv` exports every matching row (audited)',
  tags: ['customers'],
  security: SIGNED_IN,
  request: { query: Params },
  responses: {
    200: {
      description: 'The list, or its CSV export',
      content: {
        'application/json': {
          schema: z.looseObject({
            asOf: z.string(),
            page: z.number(),
            pageSize: z.number(),
            total: z.number(),
            atRisk: z.number(),
            sort: z.string(),
            narrative: z.string().optional(),
            table: z.unknown(),
            customers: z.array(z.record(z.string(), z.unknown())),
          }),
        },
        'text/csv': { schema: z.string() },
      },
    },
  },
  errors: ['unauthenticated', 'at_risk_unavailable', 'access_denied'],
});

/**
 * GET /api/customers/at-risk: the at-risk list (one definition, the count the home tile and a chat
 * answer give: `atRisk`; `total` = rows matching the filters) under the user's row-level security;
 * `format=csv` exports what the screen filters to, numbers formatted (audited).
 */
export function atRiskRoutes(deps: { store: Store; registry: ModelRegistry; runAnalysis?: RunAnalysis }) {
  const app = apiRouter<AuthEnv>();
  app.openapi(AtRiskRoute, async (c) => {
    const p = c.req.valid('query');
    const lang = requestLanguage(c, p.language);
    const modelId = p.model ?? deps.registry.defaultModelId;
    if (!deps.registry.has(modelId) || !deps.runAnalysis) throw new ApiError('at_risk_unavailable');
    const { runtime } = deps.registry.get(modelId);
    const user = c.get('user');
    if (accessFor(runtime.model, user.attributes).kind === 'denied') throw new ApiError('access_denied');
    const filters: Filter[] = [
      ...(p.value_tier ? [{ member: 'value_tier', op: 'in' as const, values: [p.value_tier] }] : []),
      ...(p.region ? [{ member: 'region', op: 'in' as const, values: [p.region] }] : []),
      ...(p.risk_level ? [{ member: 'risk_tier', op: 'in' as const, values: [p.risk_level] }] : []),
    ];
    const csv = p.format === 'csv';
    const pageSize = csv
      ? (p.limit ?? MAX_EXPORT_ROWS)
      : (p.pageSize ?? Math.min(p.limit ?? 50, MAX_PAGE_SIZE));
    const page = csv ? 1 : p.page;
    const result = await deps.runAnalysis(runtime, {
      intent: 'risk_list',
      language: lang,
      query: {
        model: modelId,
        metrics: ['at_risk_customers'],
        filters,
        limit: pageSize,
        ...(p.sort
          ? { order: [{ member: p.sort === 'risk' ? 'risk_score' : 'expected_loss', dir: 'desc' as const }] }
          : {}),
      },
      attributes: user.attributes,
      list: { offset: (page - 1) * pageSize, ...(p.q?.trim() ? { search: p.q.trim() } : {}) },
    });
    const table = presentResult(result.presentation, []).table;
    const counts = result.analysis.counts as { atRisk: number; matching: number };
    if (csv) {
      await deps.store.audit.record({
        action: 'export',
        userId: user.id,
        target: 'customers/at-risk',
        details: { rows: table.rows.length, filters, search: p.q ?? null },
      });
      return c.body(formattedTableCsv(table, lang, runtime.model.currency), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="at-risk-${runtime.asOf}.csv"`,
      });
    }
    const details = (result.analysis.customers as Record<string, unknown>[] | undefined) ?? [];
    const customers = table.rows.map((row, i) => ({
      ...details[i],
      name: row.customer_name,
      regionLabel: row.region,
      valueTierLabel: row.value_tier,
      riskTierLabel: row.risk_level,
      actionLabel: row.suggested_action,
      topReasons: row.top_reasons,
      flaggedByText: row.flagged_by,
    }));
    return c.json(
      {
        asOf: runtime.asOf,
        page,
        pageSize,
        total: counts.matching,
        atRisk: counts.atRisk,
        sort: String(result.analysis.sort),
        narrative: result.narrative,
        assumptions: result.assumptions,
        counts: result.analysis.counts,
        table,
        customers,
      },
      200,
    );
  });
  return app;
}
