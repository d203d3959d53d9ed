import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { queryDb } from '../../test/data/ingest-test-db.ts';
import {
  CDNOW_FILE,
  ECOMMERCE_FILE,
  missingSharedData,
  sharedDataTitle,
} from '../../test/shared-datasets.ts';
import { scaffoldModel } from '../data/scaffold/scaffold-model.ts';
import { sharedDataPath } from '../data/shared-data.ts';
import { serverHooks } from '../server/server-hooks.ts';
import { type RunningServer, startServer } from '../server/start-server.ts';
import { run } from './model.ts';

const TOKEN = 'byod-test-token-0123456789';
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir, `${dir}-app`);
  return dir;
}

/** Hand-written SQL over the user's file, never through our compiler. */
const sqlRows = (sql: string) => queryDb(':memory:', sql);

/** Scaffolds `file` as model `id` into a temp folder, then starts the product on it (no demo). */
async function scaffoldAndServe(
  file: string,
  id: string,
  extra: { clean?: boolean } = {},
): Promise<{ server: RunningServer; lines: string[]; modelDir: string }> {
  const root = tempDir(`byod-${id}-`);
  const lines: string[] = [];
  const result = await scaffoldModel({
    from: file,
    id,
    outDir: join(root, 'models'),
    dataDir: join(root, 'data'),
    today: '2026-12-01',
    log: (l) => lines.push(l),
    ...extra,
  });
  if (!result.ok) throw new Error(lines.join('\n'));
  const server = await startServer({
    dataDir: join(root, 'data'),
    appDir: `${root}-app`,
    modelsDirs: [join(root, 'models')],
    noDemo: true,
    port: 0,
    demoCustomers: 1000,
    apiToken: TOKEN,
    log: (l) => lines.push(l),
    ...(await serverHooks()),
  });
  return { server, lines, modelDir: result.modelDir };
}

async function ask(server: RunningServer, body: Record<string, unknown>) {
  const res = await fetch(`${server.url.replace('localhost', '127.0.0.1')}/api/ask`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as {
    kind: string;
    narrative: string;
    table: { columns: Array<{ name: string }>; rows: Record<string, unknown>[] } | null;
    interpretation: { query: Record<string, unknown> | null };
  };
  return { status: res.status, answer: json };
}

/** The answer's rows as { dimension value → rate } (4 decimals). */
function ratesBy(
  rows: Record<string, unknown>[],
  dim: string,
  metric = 'churn_rate',
): Record<string, number> {
  return Object.fromEntries(rows.map((r) => [String(r[dim]), Number(Number(r[metric]).toFixed(4))]));
}

describe('npm run model -- init on a table the test generates', () => {
  it('guesses key, label churn, dimensions, bands and metrics; npm start answers "churn rate by preferred login device" with the SQL rates', async () => {
    const dir = tempDir('byod-gen-');
    const csv = join(dir, 'members.csv');
    const devices = ['Mobile Phone', 'Computer', 'Phone'];
    const lines = [
      'MemberID,Exited,PreferredLoginDevice,Tenure,MonthlySpend,IsActiveMember,JoinDate,ChurnReason',
    ];
    const reasons = ['Price', 'Service', 'Competitor', 'Price'];
    for (let i = 1; i <= 600; i++) {
      const device = devices[i % 3]!;
      // Churn depends on the device and the tenure, so the rates differ by device.
      const exited =
        (i * 7919) % 100 < (device === 'Computer' ? 30 : device === 'Phone' ? 20 : 10) + (i % 5) ? 1 : 0;
      const day = String((i % 28) + 1).padStart(2, '0');
      lines.push(
        `M${1000 + i},${exited},${device},${i % 37},${(20 + (i % 13) * 3.5).toFixed(2)},${i % 2 ? 'Yes' : 'No'},2025-0${(i % 9) + 1}-${day},${exited ? reasons[i % 4] : ''}`,
      );
    }
    writeFileSync(csv, `${lines.join('\n')}\n`);

    const { server, lines: log, modelDir } = await scaffoldAndServe(csv, 'members');
    try {
      const text = log.join('\n');
      expect(text).toContain('customer key: MemberID (unique on all 600 rows: one row per customer)');
      expect(text).toContain('churn: label column Exited');
      expect(text).toContain('"Phone" look like variants of "Mobile Phone" — kept apart; run with --clean');
      expect(text).toMatch(
        /dimensions: .*preferred_login_device.*tenure_band.*monthly_spend_band.*is_active_member.*join_date/s,
      );
      expect(text).toContain('ingested customers: 600 rows');
      expect(text).toMatch(/next steps:/);
      const dims = readFileSync(join(modelDir, 'dimensions.yaml'), 'utf8');
      expect(dims).toMatch(/type: boolean/);
      expect(dims).toMatch(/type: time/);
      expect(readFileSync(join(modelDir, 'metrics.yaml'), 'utf8')).toMatch(
        /total_monthly_spend:[\s\S]*format: currency/,
      );
      expect(server.registry.has('members')).toBe(true);

      const expected = await sqlRows(
        `SELECT PreferredLoginDevice AS device, avg(Exited)::DOUBLE AS rate FROM read_csv_auto('${csv}') GROUP BY 1`,
      );
      const { status, answer } = await ask(server, {
        model: 'members',
        question: 'churn rate by preferred login device',
      });
      expect(status).toBe(200);
      expect(answer.kind).not.toBe('clarify');
      expect(ratesBy(answer.table!.rows, 'preferred_login_device')).toEqual(
        Object.fromEntries(expected.map((r) => [String(r.device), Number(Number(r.rate).toFixed(4))])),
      );

      // Analyses by capability: drivers, reasons and the risk list run on a one-row-per-customer table
      // with a label and a reason column.
      expect(text).toContain('churn reasons: ChurnReason');
      const byReason = await sqlRows(
        `SELECT ChurnReason AS reason, count(*)::INTEGER AS n FROM read_csv_auto('${csv}') WHERE Exited = 1 GROUP BY 1`,
      );
      const why = await ask(server, { model: 'members', question: 'why did customers churn?' });
      expect(why.status).toBe(200);
      const reasonRows = why.answer.table?.rows ?? [];
      const reasonColumn = why.answer.table!.columns[0]!.name;
      expect(
        Object.fromEntries(reasonRows.map((r) => [String(r[reasonColumn]), Number(r.churned_customers)])),
      ).toEqual(Object.fromEntries(byReason.map((r) => [String(r.reason), Number(r.n)])));
      const drivers = await ask(server, { model: 'members', question: 'what drives churn?' });
      expect(drivers.answer.narrative).toMatch(/Preferred login device: Computer/);
      const risk = await ask(server, {
        model: 'members',
        question: 'which customers are at risk of churning?',
      });
      // The risk list runs too: the look-alike model of the label, scoring the customers who stayed.
      expect(risk.status).toBe(200);
      expect(risk.answer.kind, risk.answer.narrative).toBe('answer');
      const stayed = await sqlRows(
        `SELECT count(*)::INTEGER AS n FROM read_csv_auto('${csv}') WHERE Exited = 0`,
      );
      expect(risk.answer.narrative).toContain(`Of ${stayed[0]!.n} current customers`);
      expect(risk.answer.narrative).toMatch(/cross-validated ROC AUC 0\.\d{3}/);
    } finally {
      await server.close();
    }
  }, 240_000);

  it('cleans label variants into one value when asked, and says so', async () => {
    const dir = tempDir('byod-clean-');
    const csv = join(dir, 'pay.csv');
    const modes = ['Cash on Delivery', 'COD', 'Credit Card', 'CC', 'UPI'];
    const rows = ['CustomerID,Churn,PaymentMode'];
    for (let i = 1; i <= 200; i++) rows.push(`${i},${i % 4 === 0 ? 1 : 0},${modes[i % 5]}`);
    writeFileSync(csv, `${rows.join('\n')}\n`);
    const lines: string[] = [];
    const result = await scaffoldModel({
      from: csv,
      id: 'pay',
      outDir: join(dir, 'models'),
      dataDir: join(dir, 'data'),
      clean: true,
      log: (l) => lines.push(l),
    });
    expect(result.ok).toBe(true);
    expect(lines.join('\n')).toContain('"COD" look like variants of "Cash on Delivery" — cleaned into it');
    const mapping = readFileSync(join(dir, 'models/pay/ingest/pay.yaml'), 'utf8');
    expect(mapping).toMatch(/map:\s+COD: Cash on Delivery\s+CC: Credit Card/);
    const dims = readFileSync(join(dir, 'models/pay/dimensions.yaml'), 'utf8');
    expect(dims).not.toMatch(/\bCOD:/);
  }, 60_000);

  it('scaffolds a table without churn (no churn.yaml) and answers counts by its categories', async () => {
    const dir = tempDir('byod-nochurn-');
    const csv = join(dir, 'complaints.csv');
    const topics = ['Billing', 'Delivery', 'Quality'];
    const rows = ['ComplaintID,Topic,Channel,Severity'];
    for (let i = 1; i <= 120; i++)
      rows.push(`K${i},${topics[i % 3]},${i % 4 ? 'email' : 'phone'},${(i % 5) + 1}`);
    writeFileSync(csv, `${rows.join('\n')}\n`);
    const { server, lines, modelDir } = await scaffoldAndServe(csv, 'complaints');
    try {
      expect(lines.join('\n')).toContain('churn: none found');
      expect(existsSync(join(modelDir, 'churn.yaml'))).toBe(false);
      const { status, answer } = await ask(server, { model: 'complaints', question: 'customers by topic' });
      expect(status).toBe(200);
      const counts = Object.fromEntries(
        (answer.table?.rows ?? []).map((r) => [String(r.topic), Number(r.customers)]),
      );
      expect(counts).toEqual({ Billing: 40, Delivery: 40, Quality: 40 });
    } finally {
      await server.close();
    }
  }, 240_000);

  it('refuses a bad name or a missing file with exit 1/2 and a clear message', async () => {
    expect(await run(['init', '--from', 'nope.csv'])).toBe(2);
    expect(await run(['init', '--from', 'nope.csv', '--name', 'x'])).toBe(1);
    expect(await run(['init', '--from', 'nope.csv', '--name', 'Bad-Name'])).toBe(1);
  });
});

const ecommerceMissing = missingSharedData(ECOMMERCE_FILE);
describe.skipIf(ecommerceMissing.length > 0)(
  sharedDataTitle('the README path on the Kaggle e-commerce table', ecommerceMissing),
  () => {
    it('init --from ecommerce_churn.csv --name ecommerce, then the server answers with the rates of SQL on the CSV', async () => {
      const csv = sharedDataPath(ECOMMERCE_FILE);
      const { server } = await scaffoldAndServe(csv, 'ecommerce');
      try {
        const expected = await sqlRows(
          `SELECT PreferredLoginDevice AS device, avg(Churn)::DOUBLE AS rate FROM read_csv_auto('${csv}') GROUP BY 1`,
        );
        const { status, answer } = await ask(server, {
          model: 'ecommerce',
          question: 'churn rate by preferred login device',
        });
        expect(status).toBe(200);
        expect(ratesBy(answer.table!.rows, 'preferred_login_device')).toEqual(
          Object.fromEntries(expected.map((r) => [String(r.device), Number(Number(r.rate).toFixed(4))])),
        );
      } finally {
        await server.close();
      }
    }, 240_000);
  },
);

const cdnowMissing = missingSharedData(CDNOW_FILE);
describe.skipIf(cdnowMissing.length > 0)(
  sharedDataTitle('init on the CDNOW purchase log (inactivity churn)', cdnowMissing),
  () => {
    it('finds the log, guesses the window from the gaps, and answers churn rate by quarter as SQL on the CSV does', async () => {
      const csv = sharedDataPath(CDNOW_FILE);
      const { server, lines } = await scaffoldAndServe(csv, 'cdnow_log');
      try {
        const text = lines.join('\n');
        expect(text).toContain('customer key: masterid (2357 customers over 6919 rows: a log of events)');
        const window = Number(/no row in date for (\d+) days/.exec(text)?.[1]);
        expect(window).toBeGreaterThanOrEqual(30);
        const { status, answer } = await ask(server, {
          model: 'cdnow_log',
          question: 'churn rate by quarter in 1998',
        });
        expect(status).toBe(200);
        // Inactivity churn by hand: a customer is active at a quarter's start when their last purchase day
        // before it is at most `window` days old (a spell that ends on the first day still counts: it churns
        // in the quarter); they churn in the quarter when a purchase day with no next purchase within
        // `window` days ends their spell then (known before the as-of date).
        const expected = await sqlRows(`
          WITH d AS (SELECT DISTINCT masterid AS c, strptime(date::VARCHAR, '%Y%m%d')::DATE AS day
                     FROM read_csv_auto('${csv}')),
          ends AS (SELECT c, day + ${window} AS churn_day FROM (
                     SELECT c, day, lead(day) OVER (PARTITION BY c ORDER BY day) AS next FROM d)
                   WHERE (next IS NULL OR next - day > ${window}) AND day + ${window} < DATE '1998-07-01'),
          q AS (SELECT unnest([DATE '1998-01-01', DATE '1998-04-01']) AS q0),
          active AS (SELECT q0, c FROM q, d GROUP BY q0, c
                     HAVING max(day) FILTER (WHERE day < q0) + ${window} >= q0)
          SELECT strftime(a.q0, '%Y-%m') AS quarter,
                 count(DISTINCT e.c)::DOUBLE / count(DISTINCT a.c) AS rate
          FROM active a LEFT JOIN ends e ON e.c = a.c AND e.churn_day >= a.q0 AND e.churn_day < a.q0 + INTERVAL 3 MONTH
          GROUP BY 1 ORDER BY 1`);
        const rows = answer.table?.rows ?? [];
        const timeColumn = answer.table!.columns.find((c) => c.name !== 'churn_rate')!.name;
        const got = Object.fromEntries(
          rows.map((r) => [String(r[timeColumn]).slice(0, 7), Number(Number(r.churn_rate).toFixed(4))]),
        );
        expect(got).toEqual(
          Object.fromEntries(expected.map((r) => [String(r.quarter), Number(Number(r.rate).toFixed(4))])),
        );
      } finally {
        await server.close();
      }
    }, 240_000);
  },
);
