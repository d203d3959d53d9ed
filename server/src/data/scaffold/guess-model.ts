/**
 * Decides, from a table's profile, what a first model of it is: the customer key, how churn is known
 * (a label column, inactivity in a dated log, or a contract's cancellation date), the dimensions, numeric
 * bands, booleans, time dimensions and metrics. Every guess is written down as a note so the user can
 * check it; `model-files.ts` turns the plan into definition and ingest files.
 */
import type { Lang } from '../../../../semantic-layer/src/catalog.ts';
import type { CanonicalType } from '../../canonical/canonical-schema.ts';
import type { MessageParams } from '../../i18n/message-catalog.ts';
import { findVariants, type VariantGroup } from './label-variants.ts';
import type { ScaffoldMessageId } from './messages/messages-en.ts';
import type { ColumnProfile, TableProfile } from './profile-table.ts';
import { scaffoldMessage } from './scaffold-messages.ts';

export type ChurnGuess =
  | { kind: 'label'; column: string }
  | { kind: 'inactivity'; column: string; format?: string; windowDays: number; amount?: string }
  | { kind: 'contract'; column: string; format?: string };

export interface AttributePlan {
  column: string;
  /** snake_case name in `customer_attributes` and in the model. */
  name: string;
  label: string;
  type: CanonicalType;
  format?: string;
  role: 'categorical' | 'boolean' | 'band' | 'time' | 'measure_only' | 'skipped';
  values?: string[];
  bands?: Array<{ value: string; lt?: number }>;
  money: boolean;
  /** Label variants found (cleaned into one value when `clean` is on). */
  variants: VariantGroup[];
  /** Chinese label (the web upload's edits; the CLI writes English only). */
  labelZh?: string;
  /** Labels of values in each language, by value (default: the value itself in English). */
  valueLabels?: Record<string, { en?: string; zh?: string }>;
  /** Values merged into another by the user (`Phone` → `Mobile Phone`): written as the ingest `map:`. */
  merges?: Record<string, string>;
}

export interface ScaffoldPlan {
  id: string;
  label: string;
  /** One row per customer, or a log with several rows per customer. */
  shape: 'customer_table' | 'event_log';
  key: string;
  churn?: ChurnGuess;
  /** Attribute holding the stated churn reason (label churn), read by the reasons analysis. */
  reason?: string;
  attributes: AttributePlan[];
  /** Day after the latest date of a log; else today. */
  asOf: string;
  notes: string[];
  clean: boolean;
  /** Chinese label of the model (the web upload's edits). */
  labelZh?: string;
}

const KEY_NAME =
  /^(customer|cust|client|user|member|master|account|subscriber)[ _-]?(id|no|number|key)$|^(customerid|custid|clientid|userid|memberid|masterid|accountid)$/i;
const CHURN_NAME = /churn|exited|attrition|left|cancel+ed|is_?lost|lost/i;
const MONEY_NAME =
  /amount|sales|revenue|price|spend|charge|cost|cashback|balance|salary|income|payment|value|fee|total/i;
const CONTRACT_END = /cancel|terminat|end[ _-]?date|churn[ _-]?date|closed|expired/i;

/** `PreferredLoginDevice` / `preferred_login_device` → `preferred_login_device`. */
export function snakeName(column: string): string {
  const s = column
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toLowerCase();
  const id = /^[a-z]/.test(s) ? s : `c_${s}`;
  return id || 'column';
}

/** `PreferredLoginDevice` → `Preferred login device`. */
export function labelOf(column: string): string {
  const words = snakeName(column).split('_').filter(Boolean);
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const isBooleanish = (p: ColumnProfile) =>
  p.distinct === 2 && p.top.every((t) => /^(0|1|true|false|yes|no|y|n|t|f)$/i.test(t.value.trim()));

function guessKey(profile: TableProfile, forced?: string): ColumnProfile {
  if (forced) {
    const found = profile.columns.find((c) => c.name === forced);
    if (!found)
      throw new Error(
        `--key ${forced}: no such column (columns: ${profile.columns.map((c) => c.name).join(', ')})`,
      );
    return found;
  }
  const named = profile.columns.filter((c) => KEY_NAME.test(c.name.replace(/\s+/g, '_')));
  const unique = profile.columns.filter((c) => c.distinct === profile.rows && c.nonNull === profile.rows);
  const key = named[0] ?? unique.find((c) => /id$/i.test(c.name)) ?? unique[0];
  if (!key) throw new Error('no customer key found: name it with --key <column>');
  return key;
}

/** Window of inactivity churn: the 80th percentile gap between a customer's purchases, 30..365 days. */
export function windowFromGaps(gapP80: number | undefined): number {
  if (gapP80 === undefined || !Number.isFinite(gapP80)) return 90;
  return Math.min(365, Math.max(30, Math.ceil(gapP80 / 30) * 30));
}

export function quantileBands(p: ColumnProfile): AttributePlan['bands'] {
  const round = (x: number) => (Math.abs(x) >= 100 ? Math.round(x) : Math.round(x * 10) / 10);
  const cuts = [...new Set((p.quartiles ?? []).map(round))].filter((x) => x > (p.min ?? -Infinity));
  if (cuts.length === 0) return undefined;
  const bands: NonNullable<AttributePlan['bands']> = [];
  let lower: number | undefined;
  for (const cut of cuts) {
    bands.push({ value: lower === undefined ? `<${cut}` : `${lower}-${cut}`, lt: cut });
    lower = cut;
  }
  bands.push({ value: `${lower}+` });
  return bands;
}

export interface GuessOptions {
  id: string;
  key?: string;
  /** Force the churn column (label) or date column. */
  churnColumn?: string;
  clean?: boolean;
  /** Inactivity window for a log, when not guessed from the gaps. */
  windowDays?: number;
  /** 80th percentile of the gap between a customer's dated rows (days), measured by the caller. */
  gapP80?: number;
  /** Latest date of a log, `YYYY-MM-DD` (measured by the caller). */
  maxDate?: string;
  today: string;
  /** Language of the notes (the web upload's user; the CLI writes English). */
  language?: Lang;
}

type Say = (id: ScaffoldMessageId, params?: MessageParams) => string;

/** Plans the model of one table. */
export function guessModel(profile: TableProfile, opts: GuessOptions): ScaffoldPlan {
  const notes: string[] = [];
  const say: Say = (id, params) => scaffoldMessage(id, opts.language ?? 'en', params);
  const key = guessKey(profile, opts.key);
  const shape = key.distinct === profile.rows ? 'customer_table' : 'event_log';
  notes.push(
    shape === 'customer_table'
      ? say('key_customer_table', { key: key.name, rows: profile.rows })
      : say('key_event_log', { key: key.name, customers: key.distinct, rows: profile.rows }),
  );
  const dated = profile.columns.filter((c) => c !== key && (c.temporal || c.dateFormat));
  let churn: ChurnGuess | undefined;
  const forced = opts.churnColumn ? profile.columns.find((c) => c.name === opts.churnColumn) : undefined;
  if (opts.churnColumn && !forced) throw new Error(`--churn ${opts.churnColumn}: no such column`);
  if (shape === 'customer_table') {
    const label =
      forced && isBooleanish(forced)
        ? forced
        : profile.columns.find((c) => CHURN_NAME.test(c.name) && isBooleanish(c));
    const end = forced && !isBooleanish(forced) ? forced : dated.find((c) => CONTRACT_END.test(c.name));
    if (label) {
      churn = { kind: 'label', column: label.name };
      notes.push(
        say('churn_label', { column: label.name, values: label.top.map((t) => t.value).join(' / ') }),
      );
    } else if (end) {
      churn = { kind: 'contract', column: end.name, format: end.dateFormat };
      notes.push(say('churn_contract', { column: end.name }));
    } else notes.push(say('churn_none'));
  } else {
    const date = forced ?? dated[0];
    if (date) {
      const windowDays = opts.windowDays ?? windowFromGaps(opts.gapP80);
      const amount = profile.columns.find((c) => c.numeric && !c.integer && MONEY_NAME.test(c.name))?.name;
      churn = { kind: 'inactivity', column: date.name, format: date.dateFormat, windowDays, amount };
      const gaps = opts.windowDays
        ? ''
        : say('churn_inactivity_gaps', { days: Math.round(opts.gapP80 ?? 0) });
      notes.push(say('churn_inactivity', { column: date.name, days: windowDays, gaps }));
    } else notes.push(say('churn_log_undated'));
  }

  const attributes: AttributePlan[] = [];
  for (const c of profile.columns) {
    if (c === key || (churn && churn.column === c.name)) continue;
    attributes.push(planAttribute(c, profile.rows, shape, !!opts.clean, (n) => notes.push(n), say));
  }
  const asOf = opts.maxDate ? nextDay(opts.maxDate) : opts.today;
  const reason =
    churn?.kind === 'label'
      ? attributes.find(
          (a) =>
            a.role === 'categorical' &&
            (/reason|cause/i.test(a.column) || /(churn|exit|cancel).*categor/i.test(a.column)),
        )
      : undefined;
  if (reason) notes.push(say('churn_reasons', { column: reason.column }));
  return {
    id: opts.id,
    label: labelOf(opts.id),
    shape,
    key: key.name,
    churn,
    reason: reason?.name,
    attributes,
    asOf,
    notes,
    clean: !!opts.clean,
  };
}

function nextDay(date: string): string {
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function planAttribute(
  c: ColumnProfile,
  rows: number,
  shape: ScaffoldPlan['shape'],
  clean: boolean,
  note: (text: string) => void,
  say: Say,
): AttributePlan {
  const base = {
    column: c.name,
    name: snakeName(c.name),
    label: labelOf(c.name),
    money: false,
    variants: [],
  };
  if (c.temporal || c.dateFormat)
    return {
      ...base,
      type: 'DATE',
      format: c.dateFormat,
      role: shape === 'customer_table' ? 'time' : 'skipped',
    };
  if (shape === 'event_log') {
    // Per-row values of a log are summed (money) or left out; customer dimensions need a customer table.
    if (c.numeric) return { ...base, type: 'DOUBLE', role: 'measure_only', money: MONEY_NAME.test(c.name) };
    return { ...base, type: 'VARCHAR', role: 'skipped' };
  }
  if (isBooleanish(c)) return { ...base, type: 'BOOLEAN', role: 'boolean' };
  if (c.numeric && (!c.integer || c.distinct > 12))
    return {
      ...base,
      type: c.integer ? 'INTEGER' : 'DOUBLE',
      role: 'band',
      bands: quantileBands(c),
      money: !c.integer && MONEY_NAME.test(c.name),
    };
  if (c.numeric)
    return { ...base, type: 'INTEGER', role: 'categorical', values: c.top.map((t) => t.value).sort() };
  if (c.distinct > 0 && c.distinct <= 30 && c.distinct < rows / 2) {
    const variants = findVariants(c.top);
    for (const g of variants)
      note(
        say(clean ? 'variants_cleaned' : 'variants_kept', {
          column: c.name,
          variants: g.from.map((f) => `"${f.value}"`).join(', '),
          into: g.into,
        }),
      );
    const merged = new Set(clean ? variants.flatMap((g) => g.from.map((f) => f.value)) : []);
    return {
      ...base,
      type: 'VARCHAR',
      role: 'categorical',
      values: c.top.map((t) => t.value).filter((v) => !merged.has(v)),
      variants,
    };
  }
  note(say('not_dimension', { column: c.name, distinct: c.distinct }));
  return { ...base, type: 'VARCHAR', role: 'skipped' };
}
