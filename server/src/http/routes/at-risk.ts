import { Hono } from 'hono';
import { z } from 'zod';
import { accessFor } from '../../../../semantic-layer/src/access-policy.ts';
import type { RunAnalysis } from '../../analysis/analysis-contract.ts';
import { presentResult } from '../../answer/compose.ts';
import type { ModelRegistry } from '../../models/model-registry.ts';
import type { Store } from '../../store/open-store.ts';
import { type AuthEnv, jsonError } from '../auth/auth-context.ts';
import { tableToCsv } from '../csv.ts';
import { requestLanguage } from '../request-language.ts';

const Params = z.object({
  model: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(100),
  value_tier: z.string().max(64).optional(),
  region: z.string().max(64).optional(),
  sort: z.enum(['expected_loss', 'risk']).optional(),
  format: z.enum(['json', 'csv']).default('json'),
  language: z.enum(['zh', 'en']).optional(),
});

/**
 * GET /api/customers/at-risk: the at-risk list (risk score, tier, the rules that flagged each customer,
 * reasons, suggested action) under the user's row-level security; `format=csv` exports it (audited).
 */
export function atRiskRoutes(deps: { store: Store; registry: ModelRegistry; runAnalysis?: RunAnalysis }) {
  const app = new Hono<AuthEnv>();
  app.get('/', async (c) => {
    const parsed = Params.safeParse(c.req.query());
    if (!parsed.success)
      return jsonError(
        c,
        400,
        'invalid_request',
        'Invalid query parameters',
        parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      );
    const p = parsed.data;
    const lang = requestLanguage(c, p.language);
    const modelId = p.model ?? deps.registry.defaultModelId;
    if (!deps.registry.has(modelId) || !deps.runAnalysis)
      return jsonError(
        c,
        404,
        'unavailable',
        lang === 'zh' ? '该模型没有风险名单' : 'No at-risk list for this model',
      );
    const { runtime } = deps.registry.get(modelId);
    const user = c.get('user');
    if (accessFor(runtime.model, user.attributes).kind === 'denied')
      return jsonError(
        c,
        403,
        'access_denied',
        lang === 'zh'
          ? '您的数据权限属性与该模型的访问规则不匹配，看不到任何客户'
          : "Your data-access attributes match none of this model's access rules: no customers to show",
      );
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
    return c.json({
      asOf: runtime.asOf,
      narrative: result.narrative,
      counts: result.analysis.counts,
      table,
      customers,
    });
  });
  return app;
}
