/**
 * The at-risk population now. ONE definition (issue 18 §6): a customer is at risk when a governed
 * early-warning rule fires (churn.yaml `early_warning`, the snapshot's `at_risk`), exactly what the
 * governed `at_risk_customers` metric counts, so the home tile, a chat count, a segment split, the
 * list, its CSV and the API give the same number. The calibrated model score does not change who is
 * at risk: it orders the list, gives the level (risk-tiers.ts), and customers scoring ≥ 30% without
 * any rule are counted apart (`scoreOnly`) and named in the narrative, never silently added.
 * Every active customer the user may see (filters and row-level security applied by the compiler)
 * is scored; each flagged one carries its rules, the reasons behind the score, the causes in their
 * recent tickets and feedback, and the playbook's suggested action. Shared by the list and the playbook.
 */
import type { Filter } from '../../../../semantic-layer/src/query.ts';
import type { ModelRuntime } from '../../data/model-runtime.ts';
import type { AnalysisRequest } from '../analysis-contract.ts';
import { inSlices, sortInSlices } from '../compute/yield-turn.ts';
import type { AnalysisContext } from '../governed/analysis-context.ts';
import { BEHAVIOUR_COLUMNS, behaviourCauses, recentCauses } from '../playbook/customer-causes.ts';
import { playbookActions, suggestedAction } from '../playbook/match-playbook.ts';
import {
  type ReadOptions,
  readGoverned,
  readScoreTotals,
  securityScope,
  streamGoverned,
} from './governed-read.ts';
import { CATEGORICAL_FEATURES, FEATURE_DIMENSIONS } from './risk-features.ts';
import { riskModelFor } from './risk-model-cache.ts';
import { AT_RISK_PROBABILITY, type RiskTier, riskTierOf, tierSatisfies } from './risk-tiers.ts';
import { explainRisk, type RiskFactor, riskScore } from './score-customers.ts';
import { cachedPopulation } from './scored-population-cache.ts';
import type { RiskModel } from './train-risk-model.ts';

export interface AtRiskCustomer {
  customerId: string;
  name: string | null;
  region: string | null;
  valueTier: string | null;
  /** The governed lifecycle stage (customer_snapshot). */
  lifecycleStage: string | null;
  spend12m: number;
  /** Model probability of churning in the next 90 days. */
  risk: number;
  riskTier: RiskTier;
  /** risk × 12-month spend: the revenue expected to leave with the customer. */
  expectedLoss: number;
  /** Early-warning rule ids that fire for the customer (churn.yaml `early_warning`). */
  rules: string[];
  /** Whether the score reaches the at-risk probability (≥ 30%), besides the rules that flag the customer. */
  flaggedByScore: boolean;
  causes: string[];
  /** Suggested playbook action id, null when none fits. */
  action: string | null;
}

/** A customer shown in a list, with the reasons behind the score. */
export type ListedCustomer = AtRiskCustomer & { factors: RiskFactor[] };

/**
 * Adds the score's top reasons to the customers about to be shown. Explaining is per customer and
 * costs more than scoring, so only listed customers are explained, not the whole at-risk population;
 * their model inputs are read again through the governed path (the same compiled read, narrowed to
 * their ids, so the user's row-level security applies), not kept with the population (issue 21 §3).
 * `keep` (a search) drops explained customers as they are read, so only those kept are held.
 */
export async function explainListed(
  ctx: AnalysisContext,
  population: AtRiskPopulation,
  shown: AtRiskCustomer[],
  keep?: (c: ListedCustomer) => boolean,
): Promise<ListedCustomer[]> {
  if (shown.length === 0) return [];
  const explain = (c: AtRiskCustomer, row: Record<string, unknown> = {}): ListedCustomer => ({
    ...c,
    factors: explainRisk(population.model, row, ctx.lang),
  });
  if (shown.length <= MAX_IDS_READ) {
    const rows = await scoredCustomers(
      ctx,
      [{ member: 'customer_id', op: 'in', values: shown.map((c) => c.customerId) }],
      population.model,
      false,
      'explain_ms',
    );
    const byId = new Map(rows.map((r) => [String(r.customer_id), r]));
    const listed = shown.map((c) => explain(c, byId.get(c.customerId)));
    return keep ? listed.filter(keep) : listed;
  }
  // A long list (a search reads every reason, a CSV export) streams the flagged population once rather than
  // read a long id list; each row is explained as it arrives and dropped (issue 21 §3: at 1M customers the
  // whole read held as objects took ~0.4 GB).
  const position = new Map(shown.map((c, i) => [c.customerId, i]));
  const kept: ListedCustomer[] = [];
  const take = (i: number, row?: Record<string, unknown>) => {
    const c = explain(shown[i]!, row);
    if (!keep || keep(c)) kept[i] = c;
  };
  await streamGoverned(
    ctx,
    'explain_ms',
    scoredQuery(population.filters),
    scoredOptions(population.model, true),
    (rows) => {
      for (const row of rows) {
        const id = String(row.customer_id);
        const i = position.get(id);
        if (i === undefined) continue;
        position.delete(id);
        take(i, row);
      }
    },
  );
  // A customer the read did not return is explained from no row, as before.
  for (const i of position.values()) take(i);
  return kept.filter(Boolean);
}

/** Customers explained through one id list; more read the flagged population. */
const MAX_IDS_READ = 500;

export interface AtRiskPopulation {
  model: RiskModel;
  modelCached: boolean;
  /** Active customers scored (after the user's filters and row-level security). */
  scored: number;
  /** At-risk customers (a governed early-warning rule fires), by expected loss (highest first). */
  customers: AtRiskCustomer[];
  /** Active customers scoring ≥ 30% whom no rule flags: named apart, not counted as at risk. */
  scoreOnly: number;
  /** Filters of the request the list could not apply, by member id (e.g. metric filters). */
  ignoredFilters: string[];
  /** The request's governed dimension filters the population was read with. */
  filters: Filter[];
}

const STAGES_READ_AS_AT_RISK = new Set(['active', 'new', 'won_back']);

/**
 * Splits the request's filters: governed dimension filters go to the compiler, a `risk_tier` filter
 * applies to the model's tier, anything else (metric filters, time dimensions) cannot limit a list.
 */
export function listFilters(runtime: ModelRuntime, request: AnalysisRequest) {
  const compiled: Filter[] = [];
  const tiers: string[] = [];
  const ignored: string[] = [];
  for (const f of request.query.filters ?? []) {
    const dim = runtime.model.dimensions[f.member];
    if (f.member === 'risk_tier') {
      if (f.op === 'in' || f.op === 'eq') tiers.push(...(f.values ?? []).map(String));
      else ignored.push(f.member);
    } else if (dim && dim.type !== 'time') compiled.push({ ...f, values: f.values ?? [] } as Filter);
    else ignored.push(f.member);
  }
  return { compiled, tiers, ignored };
}

/** Column holding each row's model score in `scoredCustomers` reads. */
export const RISK_COLUMN = '__risk';

/** The filters that make a customer "active now" for the risk list, after the request's own. */
const activeFilters = (filters: Filter[]): Filter[] => [
  ...filters,
  { member: 'lifecycle_stage', op: 'not_in', values: ['churned'] },
  { member: 'recency_days', op: 'not_null', values: [] },
];

/** What the list shows and the model reads of each customer. */
const SCORED_DIMENSIONS = [
  ...new Set<string>([
    'customer_id',
    'customer_name',
    'region',
    'value_tier',
    'lifecycle_stage',
    'risk_flags',
    ...CATEGORICAL_FEATURES,
    ...FEATURE_DIMENSIONS,
  ]),
];

/**
 * What the flagged population keeps of each scored row (`flagCustomer`): the score reads every feature in the
 * statement, but only these columns reach JavaScript (issue 21 §3: ~170k rows at 1M customers, 10 columns
 * instead of ~35); the customers shown are explained from their full rows read again (`explainListed`).
 */
const POPULATION_COLUMNS = [
  'customer_id',
  'customer_name',
  'region',
  'value_tier',
  'lifecycle_stage',
  'spend_12m',
  'risk_flags',
  ...BEHAVIOUR_COLUMNS,
  RISK_COLUMN,
];

/** Σ p over the user's active customers now, scored in the statement: one row reaches JavaScript, not each customer. */
export function activeScoreTotals(ctx: AnalysisContext, filters: Filter[], model: RiskModel) {
  const query = { metrics: ['customers'], dimensions: SCORED_DIMENSIONS, filters: activeFilters(filters) };
  return readScoreTotals(ctx, 'customers_ms', query, riskScore(model, RISK_COLUMN));
}

/**
 * Active customers with what the list shows and the model reads, scored in the statement
 * (`RISK_COLUMN`); `flaggedOnly` keeps those the score (≥ 30%) or an early-warning rule flags, so at
 * 1M customers ~170k rows reach JavaScript instead of ~600k; `select` narrows the columns returned. Unordered:
 * the flagged list is sorted afterwards.
 */
export function scoredCustomers(
  ctx: AnalysisContext,
  filters: Filter[],
  model: RiskModel,
  flaggedOnly: boolean,
  step = 'customers_ms',
  select?: string[],
) {
  return readGoverned(ctx, step, scoredQuery(filters), {
    ...scoredOptions(model, flaggedOnly),
    ...(select ? { select } : {}),
  });
}

/** The governed query behind `scoredCustomers`. */
const scoredQuery = (filters: Filter[]) => ({
  metrics: ['customers'],
  dimensions: SCORED_DIMENSIONS,
  filters: activeFilters(filters),
});

/** How `scoredCustomers` scores (and, `flaggedOnly`, keeps) rows in the statement. */
function scoredOptions(model: RiskModel, flaggedOnly: boolean): ReadOptions {
  return {
    ordered: false,
    score: riskScore(model, RISK_COLUMN),
    ...(flaggedOnly
      ? {
          keep: [
            { column: RISK_COLUMN, atLeast: AT_RISK_PROBABILITY },
            { column: 'risk_flags', matches: 'non_empty_list' as const },
          ],
        }
      : {}),
  };
}

/** How many active customers the user may see (the list's denominator). */
async function countActive(ctx: AnalysisContext, filters: Filter[]): Promise<number> {
  const [row] = await readGoverned(ctx, 'customers_ms', {
    metrics: ['customers'],
    filters: activeFilters(filters),
  });
  return Number(row?.customers ?? 0);
}

/**
 * Scores the user's active customers and returns those at risk, with reasons, causes and actions.
 * Trains the model on first use (cached per model version and as-of date, on all customers).
 */
export async function findAtRiskCustomers(ctx: AnalysisContext): Promise<AtRiskPopulation> {
  const { runtime, request, trace } = ctx;
  const t0 = performance.now();
  // One model per model version, trained on all customers; its training statements are not this
  // user's reads (row-level security applies to every statement below, which scores and lists).
  const { model, cached } = await riskModelFor(runtime, ctx.lang);
  trace.time('train_ms', cached ? 0 : performance.now() - t0);

  const { compiled, tiers, ignored } = listFilters(runtime, request);
  const key = [
    runtime.model.version,
    runtime.asOf,
    securityScope(runtime, request.attributes),
    JSON.stringify(compiled),
  ];
  // The flagged customers (with causes and actions, by expected loss) are kept, not every active row.
  const { value: population, cached: scoredBefore } = await cachedPopulation(
    runtime.engine,
    key.join('|'),
    async () => {
      const from = trace.sql.length;
      const [scored, candidates, signals] = await Promise.all([
        countActive(ctx, compiled),
        scoredCustomers(ctx, compiled, model, true, 'customers_ms', POPULATION_COLUMNS),
        recentCauses(ctx),
      ]);
      const statements = trace.sql.slice(from).map((sql, i) => ({ sql, params: trace.params[from + i]! }));
      const t1 = performance.now();
      const { flagged, scoreOnly } = await flagCustomers(runtime, candidates, signals);
      trace.time('score_ms', performance.now() - t1);
      return { scored, flagged, scoreOnly, statements, size: flagged.length };
    },
  );
  // The provenance lists what computed the population, also when an earlier question did.
  if (scoredBefore) for (const s of population.statements) trace.record(s.sql, s.params);
  const customers = tiers.length
    ? population.flagged.filter((c) => tierSatisfies(c.riskTier, tiers))
    : population.flagged;
  return {
    model,
    modelCached: cached,
    scored: population.scored,
    customers,
    scoreOnly: population.scoreOnly,
    ignoredFilters: ignored,
    filters: compiled,
  };
}

/** Active customers an early-warning rule flags, with score, causes and actions, by expected loss. */
async function flagCustomers(
  runtime: ModelRuntime,
  candidates: Record<string, unknown>[],
  signals: Map<string, Set<string>>,
): Promise<{ flagged: AtRiskCustomer[]; scoreOnly: number }> {
  const actions = playbookActions(runtime.model.playbook);
  const customers: AtRiskCustomer[] = [];
  let scoreOnly = 0;
  // One copy of each repeated value (issue 21 §3): ~175k flagged customers at 1M share a few regions, tiers,
  // stages and lists of rules and causes, which the read gives as a fresh string or array per row.
  const shared = new Map<string, unknown>();
  const one = <T>(key: string, value: () => T): T => {
    if (!shared.has(key)) shared.set(key, value());
    return shared.get(key) as T;
  };
  const text = (v: unknown): string | null => (v === null ? null : one(`s:${String(v)}`, () => String(v)));
  // In slices (issue 21 §1): ~170k candidates at 1M customers, each matched to the playbook.
  await inSlices(candidates.length, (from, to) => {
    for (let i = from; i < to; i++) flagCustomer(candidates[i]!);
  });
  function flagCustomer(row: Record<string, unknown>): void {
    const risk = Number(row[RISK_COLUMN]);
    const flags = String(row.risk_flags ?? '');
    // scoring ≥ 30% without any rule: counted apart, not at risk
    if (!flags && risk >= AT_RISK_PROBABILITY) scoreOnly++;
    const rules = one(`r:${flags}`, () => flags.split(',').filter(Boolean));
    if (rules.length === 0) return;
    const flaggedByScore = risk >= AT_RISK_PROBABILITY;
    const id = String(row.customer_id);
    const found = [...new Set([...(signals.get(id) ?? []), ...behaviourCauses(row)])].sort();
    const causes = one(`c:${found.join('\n')}`, () => found);
    const stage = text(row.lifecycle_stage);
    const valueTier = text(row.value_tier);
    const spend12m = Number(row.spend_12m) || 0;
    customers.push({
      customerId: id,
      name: row.customer_name === null ? null : String(row.customer_name),
      region: text(row.region),
      valueTier,
      lifecycleStage: stage,
      spend12m,
      risk,
      riskTier: riskTierOf(risk),
      expectedLoss: risk * spend12m,
      rules,
      flaggedByScore,
      causes,
      action: suggestedAction(actions, {
        valueTier,
        lifecycleStage: stage && STAGES_READ_AS_AT_RISK.has(stage) ? 'at_risk' : stage,
        causes,
        risk,
      }),
    });
  }
  const flagged = await sortInSlices(
    customers,
    (a, b) =>
      b.expectedLoss - a.expectedLoss ||
      b.risk - a.risk ||
      (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0),
  );
  return { flagged, scoreOnly };
}
