/**
 * The catalog: what a loaded model offers to interpreters, the web catalog and prompts.
 * Plain data derived from the model (see `buildCatalog`); interpreters must take every word they
 * match from here, never from code, so that a new model works without code changes.
 */

export type Lang = 'zh' | 'en';
export interface Bilingual {
  zh: string;
  en: string;
}
export interface Synonyms {
  zh: string[];
  en: string[];
}
export type MemberFormat =
  | 'percent'
  | 'currency_cny'
  | 'currency_usd'
  | 'currency'
  | 'count'
  | 'number'
  | 'days'
  | 'hours'
  | 'score';

export interface CatalogMember {
  id: string;
  label: Bilingual;
  synonyms: Synonyms;
  description: Bilingual;
  owner: string;
  certified: boolean;
}

export interface CatalogMetric extends CatalogMember {
  kind: 'metric';
  type: 'simple' | 'ratio' | 'derived' | 'cumulative' | 'period_over_period' | 'cohort_retention';
  format: MemberFormat;
  /** true when a lower value is better (churn_rate): narratives and rankings read it. */
  lowerIsBetter: boolean;
  /** Needs a time range (state metrics such as churn_rate are measured over a period). */
  requiresPeriod: boolean;
  /** Time dimensions that can serve as this metric's time (metric_time is always allowed). */
  timeDimensions: string[];
  /** Dimensions that can be grouped/filtered with this metric without fan-out. */
  dimensions: string[];
  /** The numeric dimension holding this metric per customer (conditions on each customer). */
  perCustomer?: string;
}

export interface CatalogDimensionValue {
  /** The value as stored, what a filter carries. */
  value: string;
  label: Bilingual;
  synonyms: Synonyms;
  /** Rows carrying it (for ranking ambiguous matches); 0 when unknown. */
  count: number;
}

export interface CatalogDimension extends CatalogMember {
  kind: 'dimension';
  type: 'categorical' | 'numeric_band' | 'time' | 'boolean' | 'numeric';
  format?: MemberFormat;
  /** Indexed distinct values for categorical dimensions (empty for others). */
  values: CatalogDimensionValue[];
  /** For time dimensions: supported grains. */
  grains?: string[];
}

/** One occurrence of a calendar event: its day and its window, ISO dates, end exclusive. */
export interface CalendarOccurrence {
  day: { start: string; end: string };
  window: { start: string; end: string };
}

/** A named date of the model's business calendar (618, 双11, 春节…), with its occurrences in date order. */
export interface CatalogEvent {
  id: string;
  label: Bilingual;
  synonyms: Synonyms;
  occurrences: CalendarOccurrence[];
}

export interface Catalog {
  model: string;
  label: Bilingual;
  /** Content hash of the loaded model: its version. */
  version: string;
  /** The data's as-of date (ISO), the default anchor for time words. */
  asOf: string;
  /** The default metric for bare questions ("流失情况怎么样?"). */
  defaultMetric: string;
  metrics: CatalogMetric[];
  dimensions: CatalogDimension[];
  /** Words naming the model's business ("电信", "telco"): understood, never a filter. */
  synonyms?: Synonyms;
  /** The model's business calendar: named dates that time words may refer to. */
  calendar?: CatalogEvent[];
}
