/**
 * Data-quality findings over the loaded tables (DOMAIN.md §2 capability 1): orphan keys, zombie
 * accounts, broken activity, contradictory records, plus null counts and date ranges. Each check
 * is one SQL condition; they run over whole tables, so append runs see the cumulative state.
 * The profile and every check of a table are computed in one aggregate pass (one scan, one join
 * per related table) rather than one pass each: on millions of rows the scans and joins dominate.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { CANONICAL_TABLES } from '../../canonical/canonical-schema.ts';
import { ATTRIBUTES_TABLE } from './mapping-load.ts';
import type { CheckSpec } from './mapping-schema.ts';
import type { QualityFinding } from './report.ts';
import { ident, literal } from './sql-text.ts';

const EXAMPLES = 5;
const ACTIVITY_TABLES = ['orders', 'interactions', 'tickets'] as const;

interface CheckDef {
  check: string;
  kind: QualityFinding['kind'];
  description: string;
  /** Condition over the table aliased `t` (and the columns of its joins). */
  where: string;
  /** Other tables the condition reads. */
  needs?: string[];
  /** LEFT JOINs the condition reads; each yields at most one row per table row (see below). */
  joins?: string[];
  /** What to show as an example (default: the row's key). */
  example?: string;
}

/**
 * The customer of a row, if any: one row per customer id, so joining it keeps the checked table's
 * rows one for one (the profile counts come from the same pass). Should customers hold an id twice
 * (a table not written by ingest), the latest signup counts: an order before any of its
 * customer's signups is flagged, once. Its columns are prefixed `__` so they never clash with the
 * checked table's names in a mapping's condition.
 */
const CUSTOMER_JOIN = `LEFT JOIN (SELECT customer_id AS __customer_id, max(signup_date) AS __signup_date
    FROM customers GROUP BY customer_id) __customer ON __customer.__customer_id = t.customer_id`;

/** Customers with any row in the given activity tables, one row each. */
function activityJoin(tables: readonly string[]): string {
  const ids = tables.map((a) => `SELECT DISTINCT customer_id AS __active_id FROM ${a}`).join(' UNION ');
  return `LEFT JOIN (${ids}) __active ON __active.__active_id = t.customer_id`;
}

function builtInChecks(table: string, ref: string, existing: Map<string, number>): CheckDef[] {
  const future = (col: string): CheckDef => ({
    check: `${col}_in_future`,
    kind: 'broken_activity',
    description: `${col} after the reference date`,
    where: `t.${col} > ${ref}`,
  });
  const checks: CheckDef[] = [];
  if (table !== 'customers' && (table === ATTRIBUTES_TABLE || CANONICAL_TABLES.some((c) => c.name === table)))
    checks.push({
      check: 'customer_not_in_customers',
      kind: 'orphan_keys',
      description: 'customer_id not found in customers',
      where: '__customer.__customer_id IS NULL',
      needs: ['customers'],
      joins: [CUSTOMER_JOIN],
      example: 'DISTINCT t.customer_id',
    });
  switch (table) {
    case 'customers': {
      // Without any activity loaded every customer would look like a zombie: skip the check.
      const activity = ACTIVITY_TABLES.filter((a) => (existing.get(a) ?? 0) > 0);
      if (activity.length > 0)
        checks.push({
          check: 'no_activity_ever',
          kind: 'zombie_accounts',
          description: `customer with no ${activity.join('/')} at all`,
          // Anti join against the distinct active ids: far cheaper than one NOT EXISTS per table,
          // which hashes every activity row.
          where: '__active.__active_id IS NULL',
          joins: [activityJoin(activity)],
        });
      checks.push({ ...future('signup_date'), where: `t.signup_date > CAST(${ref} AS DATE)` });
      break;
    }
    case 'orders':
      checks.push(
        {
          check: 'order_before_signup',
          kind: 'broken_activity',
          description: 'order placed before the customer signed up',
          where: 'CAST(t.order_ts AS DATE) < __customer.__signup_date',
          needs: ['customers'],
          joins: [CUSTOMER_JOIN],
        },
        {
          check: 'negative_amount',
          kind: 'broken_activity',
          description: 'negative amount or discount',
          where: 't.amount < 0 OR t.discount_amount < 0',
        },
        future('order_ts'),
      );
      break;
    case 'interactions':
      checks.push(future('ts'));
      break;
    case 'tickets':
      checks.push(
        {
          check: 'resolved_before_created',
          kind: 'broken_activity',
          description: 'resolved before it was opened',
          where: 't.resolved_ts < t.created_ts',
        },
        future('created_ts'),
        {
          check: 'five_star_unresolved_ticket',
          kind: 'contradictory',
          description: '5-star satisfaction on a ticket that was never resolved',
          where: 't.satisfaction = 5 AND t.resolved_ts IS NULL',
        },
      );
      break;
    case 'feedback':
      checks.push(
        future('ts'),
        {
          check: 'negative_with_top_score',
          kind: 'contradictory',
          description: 'negative sentiment with csat 5 or nps 9-10',
          where: "t.sentiment = 'negative' AND (t.csat = 5 OR t.nps >= 9)",
        },
        {
          check: 'positive_with_bottom_score',
          kind: 'contradictory',
          description: 'positive sentiment with csat 1 or nps 0-2',
          where: "t.sentiment = 'positive' AND (t.csat = 1 OR t.nps <= 2)",
        },
      );
      break;
    case 'campaign_touches':
    case 'communications':
      checks.push(future('sent_ts'));
      break;
    case 'subscriptions':
      checks.push({
        check: 'ends_before_start',
        kind: 'broken_activity',
        description: 'end or cancel date before the start date',
        where: 't.end_date < t.start_date OR t.canceled_date < t.start_date',
      });
      break;
  }
  return checks.filter((c) => (c.needs ?? []).every((n) => existing.has(n)));
}

async function rows(con: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  return (await con.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
}

/** Tables present in the database's main schema, with their row counts. */
export async function existingTables(con: DuckDBConnection): Promise<Map<string, number>> {
  const r = await rows(
    con,
    "SELECT table_name FROM duckdb_tables() WHERE NOT temporary AND schema_name = 'main' AND database_name = current_database()",
  );
  const counts = new Map<string, number>();
  for (const x of r) {
    const [n] = await rows(con, `SELECT count(*) AS n FROM ${ident(String(x.table_name))}`);
    counts.set(String(x.table_name), Number(n!.n));
  }
  return counts;
}

export interface TableQuality {
  tableRows: number;
  nulls: Record<string, number>;
  dateRanges: Record<string, { min: string | null; max: string | null }>;
  findings: QualityFinding[];
}

function findingOf(d: CheckDef, count: unknown, examples: unknown): QualityFinding {
  const shown = ((examples as unknown[] | null) ?? []).map(String);
  return { check: d.check, kind: d.kind, description: d.description, count: Number(count), examples: shown };
}

/** One check on its own: its count and the smallest few examples, or why it cannot run. */
async function runCheck(
  con: DuckDBConnection,
  t: string,
  d: CheckDef,
  example: string,
): Promise<QualityFinding> {
  try {
    const [n] = await rows(
      con,
      `SELECT count(*) AS n, ${example} AS examples FROM ${t} t ${(d.joins ?? []).join(' ')} WHERE ${d.where}`,
    );
    return findingOf(d, n!.n, n!.examples);
  } catch (err) {
    // Only a mapping-declared condition can fail to bind; report it rather than abort the load.
    const message = (err instanceof Error ? err.message : String(err)).split('\n')[0];
    return { check: d.check, kind: d.kind, description: `check failed: ${message}`, count: 0, examples: [] };
  }
}

/** Profiles one loaded table and runs its built-in and mapping-declared checks. */
export async function checkTable(
  con: DuckDBConnection,
  table: string,
  key: string[],
  extraChecks: CheckSpec[],
  referenceDate: string,
  existing: Map<string, number>,
): Promise<TableQuality> {
  const t = ident(table);
  const columns = (await rows(con, `DESCRIBE ${t}`)).map((r) => ({
    name: String(r.column_name),
    type: String(r.column_type),
  }));
  const col = (name: string) => `t.${ident(name)}`;
  const profile = columns.map((c, i) => `count(*) - count(${col(c.name)}) AS n${i}`);
  const timeCols = columns.filter((c) => c.type === 'DATE' || c.type.startsWith('TIMESTAMP'));
  const day = (x: string) =>
    `CASE WHEN ${x} = date_trunc('day', ${x}) THEN strftime(${x}, '%Y-%m-%d') ELSE strftime(${x}, '%Y-%m-%d %H:%M:%S') END`;
  const ranges = timeCols.flatMap((c, i) => [
    `${day(`min(${col(c.name)})`)} AS min${i}`,
    `${day(`max(${col(c.name)})`)} AS max${i}`,
  ]);
  const profileSql = `count(*) AS total, ${[...profile, ...ranges].join(', ')}`;
  const ref = `TIMESTAMP ${literal(referenceDate)}`;
  const keyText =
    key.length === 1 ? `CAST(${col(key[0]!)} AS VARCHAR)` : `concat_ws('|', ${key.map(col).join(', ')})`;
  const defs: CheckDef[] = [
    ...builtInChecks(table, ref, existing),
    ...extraChecks.map((c) => ({
      check: c.name,
      kind: c.kind,
      description: c.description ?? c.where,
      where: c.where,
    })),
  ];
  const examples = (d: CheckDef) => `min(${d.example ?? keyText}, ${EXAMPLES})`;
  const joins = [...new Set(defs.flatMap((d) => d.joins ?? []))];
  const counts = defs.flatMap((d, i) => [
    `count(*) FILTER (WHERE ${d.where}) AS k${i}`,
    `${examples(d)} FILTER (WHERE ${d.where}) AS e${i}`,
  ]);
  let p: Record<string, unknown>;
  let findings: QualityFinding[];
  try {
    // One pass: the profile, and per check its count and the smallest few keys as examples.
    [p] = (await rows(
      con,
      `SELECT ${[profileSql, ...counts].join(', ')} FROM ${t} t ${joins.join(' ')}`,
    )) as [Record<string, unknown>];
    findings = defs.map((d, i) => findingOf(d, p[`k${i}`], p[`e${i}`]));
  } catch {
    // A mapping-declared condition that does not bind fails the whole pass: run the checks one by
    // one so the others still count and the broken one says why.
    [p] = (await rows(con, `SELECT ${profileSql} FROM ${t} t`)) as [Record<string, unknown>];
    findings = [];
    for (const d of defs) findings.push(await runCheck(con, t, d, examples(d)));
  }
  return {
    tableRows: Number(p.total),
    nulls: Object.fromEntries(columns.map((c, i) => [c.name, Number(p[`n${i}`])])),
    dateRanges: Object.fromEntries(
      timeCols.map((c, i) => [
        c.name,
        { min: (p[`min${i}`] as string | null) ?? null, max: (p[`max${i}`] as string | null) ?? null },
      ]),
    ),
    findings,
  };
}
