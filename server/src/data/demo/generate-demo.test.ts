import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type GeneratedDemo,
  generateTemp,
  openDemo,
  query,
  removeTemp,
  scalar,
} from '../../../test/data/demo-test-support.ts';
import { CANONICAL_TABLES, REASON_CODES } from '../../canonical/canonical-schema.ts';
import type { DemoTruth } from './truth.ts';

const CHECKSUMS: Record<string, string> = {
  customers: 'customer_id, region, city, signup_date, acquisition_channel',
  orders: 'order_id, customer_id, order_ts, amount, category, status, delivery_days',
  tickets: 'ticket_id, created_ts, resolved_ts, category, text',
  feedback: 'feedback_id, ts, nps, csat, text',
  communications: 'message_id, action_id, status, outcome',
};

async function checksums(dbPath: string): Promise<Record<string, string>> {
  const { con, close } = await openDemo(dbPath);
  try {
    const out: Record<string, string> = {};
    for (const [table, cols] of Object.entries(CHECKSUMS)) {
      const [row] = await query(con, `SELECT bit_xor(hash(${cols}))::VARCHAR AS h FROM ${table}`);
      out[table] = String(row?.h);
    }
    return out;
  } finally {
    close();
  }
}

describe('generateDemo (small run)', () => {
  let a: GeneratedDemo | undefined;
  let b: GeneratedDemo | undefined;
  let c: GeneratedDemo | undefined;

  beforeAll(async () => {
    a = await generateTemp(1500, 7);
    b = await generateTemp(1500, 7);
    c = await generateTemp(1500, 8);
  });
  afterAll(() => {
    for (const d of [a, b, c]) removeTemp(d);
  });

  it('is deterministic: the same seed gives the same rows, another seed other rows', async () => {
    expect(b!.result.rows).toEqual(a!.result.rows);
    const [sa, sb, sc] = await Promise.all([
      checksums(a!.dbPath),
      checksums(b!.dbPath),
      checksums(c!.dbPath),
    ]);
    expect(sb).toEqual(sa);
    for (const table of Object.keys(CHECKSUMS)) {
      expect(sc[table], table).not.toBe(sa[table]);
    }
  });

  it('fills every canonical table except subscriptions and writes meta and truth', async () => {
    for (const table of CANONICAL_TABLES) {
      if (table.name === 'subscriptions') expect(a!.result.rows.subscriptions).toBe(0);
      else expect(a!.result.rows[table.name], table.name).toBeGreaterThan(100);
    }
    expect(a!.result.rows.customers).toBe(1500);
    expect(existsSync(a!.result.truthPath)).toBe(true);
    const truth = JSON.parse(readFileSync(a!.result.truthPath, 'utf8')) as DemoTruth;
    expect(truth.scenario).toBe('default');
    expect(truth.effects.map((e) => e.id)).toContain('south_china_late_delivery');
    const { con, close } = await openDemo(a!.dbPath);
    try {
      const meta = Object.fromEntries(
        (await query(con, 'SELECT key, value FROM demo_meta')).map((r) => [r.key, r.value]),
      );
      expect(meta).toMatchObject({ as_of: '2026-10-01', seed: '7', customers: '1500', scenario: 'default' });
      expect(
        await scalar(
          con,
          "SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE '\\_demo\\_%' ESCAPE '\\'",
        ),
      ).toBe(0);
    } finally {
      close();
    }
  });

  it('keeps referential integrity, unique keys and the canonical value constraints', async () => {
    const { con, close } = await openDemo(a!.dbPath);
    try {
      for (const table of CANONICAL_TABLES) {
        const pk = table.primaryKey.join(', ');
        const dupes = await scalar(con, `SELECT count(*) - count(DISTINCT (${pk})) FROM ${table.name}`);
        expect(dupes, `${table.name} primary key`).toBe(0);
        for (const [col, ref] of Object.entries(table.references ?? {})) {
          const orphans = await scalar(
            con,
            `SELECT count(*) FROM ${table.name} t WHERE NOT EXISTS (SELECT 1 FROM ${ref} r WHERE r.customer_id = t.${col})`,
          );
          expect(orphans, `${table.name}.${col} orphans`).toBe(0);
        }
        for (const column of table.columns) {
          const where: string[] = [];
          if (column.required) where.push(`${column.name} IS NULL`);
          if (column.values)
            where.push(`${column.name} NOT IN (${column.values.map((v) => `'${v}'`).join(', ')})`);
          if (column.range)
            where.push(`${column.name} NOT BETWEEN ${column.range[0]} AND ${column.range[1]}`);
          if (!where.length) continue;
          const bad = await scalar(con, `SELECT count(*) FROM ${table.name} WHERE ${where.join(' OR ')}`);
          expect(bad, `${table.name}.${column.name}`).toBe(0);
        }
      }
    } finally {
      close();
    }
  });

  it('stays inside the calendar; the classifier (not the generator) labels every text', async () => {
    const { con, close } = await openDemo(a!.dbPath);
    try {
      const [r] = await query(
        con,
        `SELECT (SELECT min(order_ts)::DATE::VARCHAR FROM orders) AS first_order,
          (SELECT max(order_ts)::DATE::VARCHAR FROM orders) AS last_order,
          (SELECT min(signup_date)::VARCHAR FROM customers) AS first_signup,
          (SELECT max(signup_date)::VARCHAR FROM customers) AS last_signup,
          (SELECT count(*) FROM feedback WHERE text IS NOT NULL AND (topic IS NULL OR sentiment IS NULL)) AS unclassified,
          (SELECT count(*) FROM feedback WHERE text IS NULL AND topic IS NOT NULL) AS labelled_without_text,
          (SELECT count(*) FROM tickets WHERE category IS NULL) AS uncategorised,
          (SELECT count(*) FROM feedback f WHERE text IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM demo_feedback_truth t WHERE t.feedback_id = f.feedback_id)) AS unlabelled`,
      );
      expect(r!.first_order! >= '2024-01-01').toBe(true);
      expect(r!.last_order! <= '2026-09-30').toBe(true);
      expect(r!.first_signup! >= '2021-01-01').toBe(true);
      expect(r!.last_signup! <= '2026-09-30').toBe(true);
      expect(Number(r!.unclassified)).toBe(0);
      expect(Number(r!.labelled_without_text)).toBe(0);
      expect(Number(r!.uncategorised)).toBe(0);
      expect(Number(r!.unlabelled)).toBe(0);
      const topics = (await query(con, 'SELECT DISTINCT topic FROM demo_feedback_truth')).map((x) =>
        String(x.topic),
      );
      for (const t of topics) expect(REASON_CODES).toContain(t);
    } finally {
      close();
    }
  });

  it('has the realistic shape: status mix, zombies, languages, delivery days, control groups', async () => {
    const { con, close } = await openDemo(a!.dbPath);
    try {
      const [r] = await query(
        con,
        `SELECT avg((status = 'completed')::INT) AS completed, avg((status = 'refunded')::INT) AS refunded,
          avg((status = 'cancelled')::INT) AS cancelled, median(delivery_days) FILTER (WHERE sales_channel <> 'store') AS dd,
          (SELECT avg((NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.customer_id)
             AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.customer_id = c.customer_id))::INT) FROM customers c) AS inactive,
          (SELECT avg((language = 'en')::INT) FROM feedback WHERE text IS NOT NULL) AS english,
          (SELECT avg((status = 'held_out')::INT) FROM communications) AS held_out,
          (SELECT avg(is_control::INT) FROM campaign_touches) AS control,
          (SELECT count(*) FROM feedback f JOIN demo_feedback_truth t USING (feedback_id)
            WHERE f.csat = 5 AND t.sentiment = 'negative') AS contradictory
        FROM orders`,
      );
      expect(Number(r!.completed)).toBeCloseTo(0.92, 1);
      expect(Number(r!.refunded)).toBeGreaterThan(0.03);
      expect(Number(r!.cancelled)).toBeGreaterThan(0.015);
      expect(Number(r!.dd)).toBeGreaterThanOrEqual(1);
      expect(Number(r!.dd)).toBeLessThanOrEqual(4);
      expect(Number(r!.inactive)).toBeGreaterThan(0.015);
      expect(Number(r!.inactive)).toBeLessThan(0.08);
      expect(Number(r!.english)).toBeGreaterThan(0.1);
      expect(Number(r!.english)).toBeLessThan(0.2);
      expect(Number(r!.held_out)).toBeGreaterThan(0.05);
      expect(Number(r!.held_out)).toBeLessThan(0.15);
      expect(Number(r!.control)).toBeCloseTo(0.1, 1);
      expect(Number(r!.contradictory)).toBeGreaterThan(0);
    } finally {
      close();
    }
  });
});
