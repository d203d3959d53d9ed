import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { queryDb } from '../../../test/data/ingest-test-db.ts';
import {
  CDNOW_FILE,
  missingSharedData,
  sharedDataTitle,
  TELCO_FILES,
} from '../../../test/shared-datasets.ts';
import { ingest } from './ingest.ts';

const ROOT = resolve(import.meta.dirname, '../../../..');
const dir = mkdtempSync(join(tmpdir(), 'ingest-real-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const missing = missingSharedData(...TELCO_FILES, CDNOW_FILE);

describe.skipIf(missing.length > 0)(
  sharedDataTitle('ingest of the shipped mappings on the real datasets', missing),
  () => {
    it('loads IBM Telco: 7,043 customers, 1,869 churned, 11 blank TotalCharges, v11 attributes for all', async () => {
      const db = join(dir, 'telco.duckdb');
      const result = await ingest({
        model: 'telco',
        configPath: join(ROOT, 'semantic-layer/models/telco/ingest/telco.yaml'),
        dbPath: db,
      });
      if (!result.ok) throw new Error(JSON.stringify(result.issues));
      const customers = result.report.tables.find((t) => t.table === 'customers')!;
      const attributes = result.report.tables.find((t) => t.table === 'customer_attributes')!;
      expect([customers.rowsRead, customers.loaded, customers.rejected, customers.duplicates.count]).toEqual([
        7043, 7043, 0, 0,
      ]);
      expect(attributes.loaded).toBe(7043);
      expect(attributes.blankToNull.total_charges).toBe(11);
      expect(attributes.nulls.total_charges).toBe(11);
      // No activity tables in Telco, so no customer is flagged as a zombie.
      expect(customers.findings.find((f) => f.kind === 'zombie_accounts')).toBeUndefined();

      const [counts] = await queryDb(
        db,
        `SELECT count(*) AS customers, count(*) FILTER (WHERE churn_label) AS churned,
              count(*) FILTER (WHERE gender NOT IN ('female', 'male')) AS odd_gender,
              count(DISTINCT city) > 1000 AS many_cities FROM customers`,
      );
      expect(counts).toEqual({ customers: '7043', churned: '1869', odd_gender: '0', many_cities: true });
      const [attrs] = await queryDb(
        db,
        `SELECT count(*) AS n,
              count(a.satisfaction_score) AS with_satisfaction, count(a.cltv) AS with_cltv, count(a.city) AS with_city,
              count(*) FILTER (WHERE c.churn_label AND a.churn_category IS NOT NULL) AS churned_with_category,
              count(*) FILTER (WHERE NOT c.churn_label AND a.churn_category IS NOT NULL) AS retained_with_category,
              count(*) FILTER (WHERE a.contract = 'Month-to-month') AS month_to_month,
              count(*) FILTER (WHERE a.senior_citizen) AS seniors,
              typeof(any_value(a.paperless_billing)) AS paperless_type
       FROM customer_attributes a JOIN customers c USING (customer_id)`,
      );
      expect(attrs).toEqual({
        n: '7043',
        with_satisfaction: '7043',
        with_cltv: '7043',
        with_city: '7043',
        churned_with_category: '1869',
        retained_with_category: '0',
        month_to_month: '3875',
        seniors: '1142',
        paperless_type: 'BOOLEAN',
      });
    });

    it('loads CDNOW: 2,357 customers and 6,919 completed orders from 1997-01-01 to 1998-06-30', async () => {
      const db = join(dir, 'cdnow.duckdb');
      const result = await ingest({
        model: 'cdnow',
        configPath: join(ROOT, 'semantic-layer/models/cdnow/ingest/cdnow.yaml'),
        dbPath: db,
      });
      if (!result.ok) throw new Error(JSON.stringify(result.issues));
      const orders = result.report.tables.find((t) => t.table === 'orders')!;
      expect([orders.loaded, orders.rejected, orders.duplicates.count]).toEqual([6919, 0, 0]);
      expect(orders.dateRanges.order_ts).toEqual({ min: '1997-01-01', max: '1998-06-30' });
      const zombies = result.report.tables
        .find((t) => t.table === 'customers')!
        .findings.find((f) => f.check === 'no_activity_ever');
      expect(zombies?.count).toBe(0);
      const [row] = await queryDb(
        db,
        `SELECT (SELECT count(*) FROM customers) AS customers, count(*) AS orders, count(DISTINCT order_id) AS ids,
              count(*) FILTER (WHERE status = 'completed') AS completed, round(sum(amount), 2) AS revenue
       FROM orders`,
      );
      // revenue equals sum(sales) of the raw file
      expect(row).toEqual({
        customers: '2357',
        orders: '6919',
        ids: '6919',
        completed: '6919',
        revenue: 244091.94,
      });
    });
  },
);
