/**
 * `customer_profile`: "客户C0009058的情况" / "show me customer C0009058" — the customer's 360° view
 * (customer-profile.ts) as an answer: profile facts in a table, the risk score with its reasons in the
 * narrative, the timeline and tags in `analysis` (the web links to the customer page).
 */
import type { CompiledColumn } from '../../../../semantic-layer/src/compile/compile-query.ts';
import { AnalysisError, type RunAnalysis } from '../analysis-contract.ts';
import { analysisMessage } from '../analysis-messages.ts';
import { analysisContext, analysisResult } from '../governed/analysis-context.ts';
import { customerProfile } from './customer-profile.ts';

const FACTS = ['customer_name', 'region', 'value_tier', 'lifecycle_stage', 'rfm_segment', 'recency_days'];

/** The customer-profile analysis (see the file comment). */
export const customerProfileAnalysis: RunAnalysis = async (runtime, request) => {
  const ctx = analysisContext(runtime, request);
  const lang = ctx.lang;
  const id = request.query.filters?.find((f) => f.member === 'customer_id')?.values?.[0];
  const view = id ? await customerProfile(runtime, String(id), request.attributes, lang) : null;
  if (!view)
    throw new AnalysisError(analysisMessage('customer.not_found', lang, { id: String(id ?? '') }), 'no_data');
  const dims = runtime.model.dimensions;
  const facts = FACTS.filter((f) => dims[f] && view.profile[f] !== undefined);
  const columns: CompiledColumn[] = [
    { name: 'fact', kind: 'dimension', member: 'fact' },
    { name: 'value', kind: 'dimension', member: 'value' },
  ];
  const valueLabel = (f: string, v: unknown) =>
    v === null ? '—' : (dims[f]?.values?.[String(v)]?.label[lang] ?? String(v));
  const rows = facts.map((f) => ({ fact: dims[f]!.label[lang], value: valueLabel(f, view.profile[f]) }));
  const risk = view.risk;
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const reasons = risk?.factors.map((f) => f.text).join(analysisMessage('list_separator', lang)) ?? '';
  const name = String(view.profile.customer_name ?? view.customerId);
  const orders = view.timeline.filter((e) => e.kind === 'order').length;
  const riskText = risk
    ? analysisMessage('customer.risk', lang, {
        pct: pct(risk.score),
        listed: risk.flagged ? analysisMessage('customer.listed', lang) : '',
        reasons: reasons || analysisMessage('customer.no_reasons', lang),
      })
    : analysisMessage('customer.not_scored', lang);
  const narrative = analysisMessage('customer.narrative', lang, {
    id: view.customerId,
    name,
    risk: riskText,
    events: view.timeline.length,
    orderDays: orders,
  });
  return analysisResult(ctx, {
    presentation: {
      language: lang,
      intent: 'customer_profile',
      columns,
      rows,
      members: {
        fact: { label: { zh: '项目', en: 'Fact' } },
        value: { label: { zh: '值', en: 'Value' } },
      },
    },
    narrative,
    analysis: { type: 'customer_profile', ...view },
    assumptions: [analysisMessage('customer.same_score', lang)],
  });
};
