import { z } from 'zod';
import { accessFor } from '../../../../semantic-layer/src/access-policy.ts';
import type { RunAnalysis } from '../../analysis/analysis-contract.ts';
import { presentResult } from '../../answer/compose.ts';
import type { ModelRegistry } from '../../models/model-registry.ts';
import type { Store } from '../../store/open-store.ts';
import { ApiError } from '../api-error.ts';
import { apiRoute, apiRouter, SIGNED_IN } from '../api-router.ts';
import type { AuthEnv } from '../auth/auth-context.ts';
import { tableToCsv } from '../csv.ts';
import { requestLanguage } from '../request-language.ts';
import { Language } from './route-params.ts';

const Params = z.object({
  model: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(100),
  value_tier: z.string().max(64).optional(),
  region: z.string().max(64).optional(),
  sort: z.enum(['expected_loss', 'risk']).optional(),
  format: z.enum(['json', 'csv']).default('json'),
  language: Language.optional(),
});

const AtRiskRoute = apiRoute({
  method: 'get',
  path: '/',
  summary: 'The at-risk customer list (row-level security applied); `format=csv` exports it (audited)',
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
 * GET /api/customers/at-risk: the at-risk list (risk score, tier, the rules that flagged each customer,
 * reasons, suggested action) under the user's row-level security; `format=csv` exports it (audited).
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
    const filters = [
      ...(p.value_tier ? [{ member: 'value_tier', op: 'in' as const, values: [p.value_tier] }] : []),
      ...(p.region ? [{ member: 'region', op: 'in' as const, values: [p.region] }] : []),
    ];
    const result = await deps.runAnalysis(runtime, {
      intent: 'risk_list',
      language: lang,
      query: {
        model: modelId,
        metrics: ['at_risk_customers'],
        filters,
        limit: p.limit,
        ...(p.sort
          ? { order: [{ member: p.sort === 'risk' ? 'risk_score' : 'expected_loss', dir: 'desc' as const }] }
          : {}),
      },
      attributes: user.attributes,
    });
    const table = presentResult(result.presentation, []).table;
    if (p.format === 'csv') {
      await deps.store.audit.record({
        action: 'export',
        userId: user.id,
        target: 'customers/at-risk',
        details: { rows: table.rows.length, filters },
      });
      return c.body(tableToCsv(table), 200, {
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
        narrative: result.narrative,
        counts: result.analysis.counts,
        table,
        customers,
      },
      200,
    );
  });
  return app;
}
