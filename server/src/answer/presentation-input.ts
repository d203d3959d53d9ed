import type { Bilingual, Lang, MemberFormat } from '../../../semantic-layer/src/catalog.ts';
import type { CompiledColumn } from '../../../semantic-layer/src/compile/compile-query.ts';
import type { TimeGrain, TimeRange } from '../../../semantic-layer/src/query.ts';
import type { Intent, Table } from './answer-schema.ts';

/** What presentation knows about one member: its labels, format and direction, and value labels. */
export interface PresentedMember {
  label: Bilingual;
  format?: MemberFormat;
  /** true when a lower value is better (churn): narratives say "worse" when it rises. */
  lowerIsBetter?: boolean;
  /** Labels of stored dimension values, keyed by the value as stored. */
  values?: Record<string, Bilingual>;
}

/** A query result with everything needed to present it; built by the pipeline after execute/analyse. */
export interface PresentationInput {
  language: Lang;
  intent: Intent;
  columns: CompiledColumn[];
  /** Numbers are numbers, dates ISO strings (BIGINT strings are tolerated and read as numbers). */
  rows: Record<string, unknown>[];
  /** Keyed by member id (metrics, dimensions, and analysis columns such as rr or mix). */
  members: Record<string, PresentedMember>;
  timeRange?: TimeRange;
  grain?: TimeGrain;
  compare?: 'previous_period' | 'same_period_last_year';
  /** Overrides the currency of currency formats (a dataset in USD under a CNY model). */
  currency?: string;
}

/** A dimension the user could break the result down by next (for follow-up suggestions). */
export interface AvailableDimension {
  id: string;
  label: string;
}

/** A Vega-Lite (v6) specification as plain JSON. */
export type VegaLiteSpec = Record<string, unknown>;

/** The presentable parts of an `Answer`. */
export interface PresentedResult {
  table: Table;
  chart: VegaLiteSpec | null;
  narrative: string;
  suggestions: string[];
}
