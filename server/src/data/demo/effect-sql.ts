/**
 * Turns scenario effects into SQL: who an effect selects, its churn-hazard multiplier, the list
 * of effects a customer-quarter matches, and the order-level data effects (delivery, price…).
 */
import type { EffectSelector, ScenarioEffect } from './scenario.ts';
import { dateLit, inList } from './sql-helpers.ts';

/** SQL expressions for the customer attributes a selector reads (null = not available here). */
export interface SelectorColumns {
  region: string;
  city: string;
  category: string;
  acquisition: string;
  sales: string;
  valueTier: string;
  priceSensitive: string;
  tenureDays: string | null;
  unresolved: string | null;
}

/** Columns of `_demo_cust` under `alias` ('' = unqualified; tenure and behaviour supplied by the caller). */
export function customerColumns(alias = 'c', extra: Partial<SelectorColumns> = {}): SelectorColumns {
  const p = alias ? `${alias}.` : '';
  return {
    region: `${p}region`,
    city: `${p}city`,
    category: `${p}primary_cat`,
    acquisition: `${p}acquisition_channel`,
    sales: `${p}pref_channel`,
    valueTier: `${p}value_tier`,
    priceSensitive: `${p}coupon_user`,
    tenureDays: null,
    unresolved: null,
    ...extra,
  };
}

/** Conjunction of the selector's conditions; parts whose column is unavailable are skipped. */
export function selectorSql(who: EffectSelector, cols: SelectorColumns): string {
  const parts: string[] = [];
  if (who.region) parts.push(inList(cols.region, who.region));
  if (who.city) parts.push(inList(cols.city, who.city));
  if (who.category) parts.push(inList(cols.category, who.category));
  if (who.acquisition_channel) parts.push(inList(cols.acquisition, who.acquisition_channel));
  if (who.sales_channel) parts.push(inList(cols.sales, who.sales_channel));
  if (who.value_tier) parts.push(inList(cols.valueTier, who.value_tier));
  if (who.price_sensitive !== undefined) parts.push(`${cols.priceSensitive} = ${who.price_sensitive}`);
  if (who.tenure_days_lt !== undefined && cols.tenureDays)
    parts.push(`${cols.tenureDays} < ${who.tenure_days_lt}`);
  if (who.behaviour === 'unresolved_tickets' && cols.unresolved)
    parts.push(`coalesce(${cols.unresolved}, false)`);
  return parts.length ? `(${parts.join(' AND ')})` : 'TRUE';
}

/** `date BETWEEN start AND end` for a period. */
export function periodSql(dateExpr: string, period: { start: string; end: string }): string {
  return `(${dateExpr} BETWEEN ${dateLit(period.start)} AND ${dateLit(period.end)})`;
}

function effectMatch(e: ScenarioEffect, cols: SelectorColumns, dateExpr: string): string {
  return `(${periodSql(dateExpr, e.period)} AND ${selectorSql(e.who, cols)})`;
}

/** Product of the multipliers of every effect matching at churn date `dateExpr`. */
export function multiplierSql(
  effects: readonly ScenarioEffect[],
  cols: SelectorColumns,
  dateExpr: string,
): string {
  if (!effects.length) return '1.0';
  return effects
    .map((e) => `(CASE WHEN ${effectMatch(e, cols, dateExpr)} THEN ${e.churn_multiplier} ELSE 1.0 END)`)
    .join(' * ');
}

/** INTEGER[] of the indexes of the effects matching at `dateExpr`. */
export function matchedListSql(
  effects: readonly ScenarioEffect[],
  cols: SelectorColumns,
  dateExpr: string,
): string {
  if (!effects.length) return '[]::INTEGER[]';
  const items = effects.map((e, i) => `CASE WHEN ${effectMatch(e, cols, dateExpr)} THEN ${i} END`);
  return `list_filter([${items.join(', ')}]::INTEGER[], x -> x IS NOT NULL)`;
}

/** Index of the matching effect whose signal explains a churn (largest multiplier first), or NULL. */
export function signalEffectSql(
  effects: readonly ScenarioEffect[],
  cols: SelectorColumns,
  dateExpr: string,
): string {
  const ranked = effects
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => e.signal && e.churn_multiplier > 1)
    .sort((a, b) => b.e.churn_multiplier - a.e.churn_multiplier || a.i - b.i);
  if (!ranked.length) return 'NULL::INTEGER';
  return `CASE ${ranked.map(({ e, i }) => `WHEN ${effectMatch(e, cols, dateExpr)} THEN ${i}`).join(' ')} END`;
}

/** Condition that an effect's data changes apply to an order (date, category, customer columns). */
export function dataEffectSql(
  e: ScenarioEffect,
  cols: SelectorColumns,
  orderDate: string,
  orderCategory: string,
): string {
  const data = e.data;
  if (!data) return 'FALSE';
  const period = periodSql(orderDate, data.period ?? e.period);
  const category = e.who.category ? inList(orderCategory, e.who.category) : 'TRUE';
  if (data.scope === 'all_customers') return `(${period} AND ${category})`;
  const { category: _ignored, ...customerWho } = e.who;
  return `(${period} AND ${category} AND ${selectorSql(customerWho, cols)})`;
}

/** Sum over effects of `value(e)` where the effect's data condition holds (0 when none). */
export function dataSumSql(
  effects: readonly ScenarioEffect[],
  value: (e: ScenarioEffect) => number | undefined,
  cols: SelectorColumns,
  orderDate: string,
  orderCategory: string,
): string {
  const arms = effects
    .filter((e) => value(e))
    .map(
      (e) => `(CASE WHEN ${dataEffectSql(e, cols, orderDate, orderCategory)} THEN ${value(e)} ELSE 0 END)`,
    );
  return arms.length ? `(${arms.join(' + ')})` : '0';
}
