/**
 * The web upload over HTTP, end to end (issue 17 §6): an analyst uploads a CSV, corrects the proposed model
 * (a Chinese label, a merged label variant, a dropped column), submits it for review; an admin approves it;
 * the running server answers "churn rate by preferred login device" (and the Chinese question) with the
 * rates of hand-written SQL on the CSV, and serves it again after a restart. Bad files get specific 4xx in
 * the user's language.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedDataPath } from '../../src/data/shared-data.ts';
import { serverHooks } from '../../src/server/server-hooks.ts';
import { type RunningServer, startServer } from '../../src/server/start-server.ts';
import { queryDb } from '../data/ingest-test-db.ts';
import { ECOMMERCE_FILE, missingSharedData, sharedDataTitle } from '../shared-datasets.ts';

// biome-ignore lint/suspicious/noExplicitAny: the API's JSON, read by the assertions
type Json = any;
const ADMIN_TOKEN = 'upload-test-admin-token-0123456789';
const root = mkdtempSync(join(tmpdir(), 'chatbi-upload-'));
let server: RunningServer;
const tokens: Record<string, string> = { admin: ADMIN_TOKEN };

const options = async () => ({
  dataDir: join(root, 'data'),
  appDir: join(root, 'app'),
  noDemo: true,
  port: 0,
  demoCustomers: 1000,
  apiToken: ADMIN_TOKEN,
  log: () => {},
  ...(await serverHooks()),
});

beforeAll(async () => {
  process.env.CHATBI_UPLOAD_MAX_MB = '1';
  server = await startServer(await options());
  for (const [username, role] of [
    ['analyst', 'analyst'],
    ['viewer', 'viewer'],
  ] as const) {
    const user = await server.store.users.create({ username, role });
    tokens[username] = (await server.store.apiTokens.create(user.id, 'test')).token;
  }
}, 400_000);

afterAll(async () => {
  await server?.close();
  delete process.env.CHATBI_UPLOAD_MAX_MB;
  rmSync(root, { recursive: true, force: true });
});

const base = () => `http://127.0.0.1:${server.port}/api`;

async function call(
  who: string,
  method: string,
  path: string,
  body?: unknown,
  lang = 'en',
): Promise<{ status: number; json: Json }> {
  const raw = typeof body === 'string' || body instanceof Uint8Array || body instanceof ReadableStream;
  const res = await fetch(`${base()}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${tokens[who]}`,
      'accept-language': lang,
      'content-type': raw ? 'text/csv' : 'application/json',
    },
    body: body === undefined ? undefined : raw ? (body as BodyInit) : JSON.stringify(body),
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
  return { status: res.status, json: (await res.json()) as Json };
}

const upload = (who: string, csv: string | Uint8Array, fileName: string, lang = 'en') =>
  call(who, 'POST', `/uploads?fileName=${encodeURIComponent(fileName)}`, csv, lang);

/** The answer's rows as { dimension value → rate } (4 decimals). */
function ratesBy(rows: Record<string, unknown>[], dim: string): Record<string, number> {
  return Object.fromEntries(rows.map((r) => [String(r[dim]), Number(Number(r.churn_rate).toFixed(4))]));
}

/** Uploads, corrects, submits as the analyst, approves as the admin. */
async function uploadAndPublish(
  csv: string | Uint8Array,
  fileName: string,
  choices: Record<string, unknown>,
) {
  const uploaded = await upload('analyst', csv, fileName);
  expect(uploaded.status, JSON.stringify(uploaded.json)).toBe(201);
  const id = uploaded.json.upload.id as string;
  const proposed = await call('analyst', 'POST', `/uploads/${id}/proposal`, choices);
  expect(proposed.status, JSON.stringify(proposed.json)).toBe(200);
  const submitted = await call('analyst', 'POST', `/uploads/${id}/submit`, choices);
  expect(submitted.status, JSON.stringify(submitted.json)).toBe(201);
  expect(submitted.json.version.status).toBe('in_review');
  const model = choices.model as string;
  expect(server.registry.has(model)).toBe(false);
  const listed = await call('admin', 'GET', '/models');
  expect(listed.json.models).toContainEqual(
    expect.objectContaining({ id: model, served: false, inReview: 1 }),
  );
  const approved = await call(
    'admin',
    'POST',
    `/models/${model}/versions/${submitted.json.version.versionNo}/approve`,
    {},
  );
  expect(approved.status, JSON.stringify(approved.json)).toBe(200);
  expect(server.registry.has(model)).toBe(true);
  return { uploaded: uploaded.json, proposed: proposed.json };
}

describe('uploading a table the test generates', () => {
  const devices = ['Mobile Phone', 'Computer', 'Phone'];
  const lines = ['CustomerID,Churn,PreferredLoginDevice,Tenure,Notes'];
  for (let i = 1; i <= 300; i++) {
    const device = devices[i % 3]!;
    const churn = (i * 7919) % 100 < (device === 'Computer' ? 35 : device === 'Phone' ? 25 : 10) ? 1 : 0;
    lines.push(`C${i},${churn},${device},${i % 31},note ${i}`);
  }
  const csv = `${lines.join('\n')}\n`;

  it('proposes the key, the churn label, dimensions with values and bands, and the base metrics', async () => {
    const { status, json } = await upload('analyst', csv, 'Shop Members.csv');
    expect(status).toBe(201);
    expect(json.upload).toMatchObject({ fileName: 'Shop Members.csv', rows: 300 });
    const { plan, files, metrics, model, validation } = json.proposal;
    expect(model).toBe('shop_members');
    expect(validation.ok).toBe(true);
    expect(plan).toMatchObject({
      key: 'CustomerID',
      shape: 'customer_table',
      churn: { kind: 'label', column: 'Churn' },
    });
    const device = plan.attributes.find((a: Json) => a.column === 'PreferredLoginDevice');
    expect(device).toMatchObject({ role: 'categorical', values: ['Computer', 'Mobile Phone', 'Phone'] });
    expect(device.variants[0]).toMatchObject({ into: 'Mobile Phone', from: [{ value: 'Phone' }] });
    expect(plan.attributes.find((a: Json) => a.column === 'Tenure').role).toBe('band');
    expect(plan.attributes.find((a: Json) => a.column === 'Notes').role).toBe('skipped');
    expect(metrics.map((m: Json) => m.id)).toEqual(
      expect.arrayContaining(['customers', 'churned_customers', 'churn_rate']),
    );
    expect(Object.keys(files).sort()).toEqual([
      'churn.yaml',
      'dimensions.yaml',
      'ingest/shop_members.yaml',
      'metrics.yaml',
      'model.yaml',
      'sources.yaml',
    ]);
    // The table stays in the uploads folder: not the data folder the engines read, not the app folder.
    const stored = join(`${root}/data-uploads`, json.upload.id, 'table.csv');
    expect(existsSync(stored)).toBe(true);
  });

  it('publishes the corrected model and answers from it without a restart, in English and Chinese', async () => {
    const choices = {
      model: 'shop',
      edits: {
        label: { en: 'Shop', zh: '商店' },
        columns: {
          PreferredLoginDevice: {
            label: { zh: '首选登录设备' },
            merge: { Phone: 'Mobile Phone' },
            values: { 'Mobile Phone': { zh: '手机' }, Computer: { zh: '电脑' } },
          },
          Tenure: { role: 'skipped' },
        },
      },
    };
    const { proposed } = await uploadAndPublish(csv, 'shop.csv', choices);
    const dims = proposed.proposal.files['dimensions.yaml'] as string;
    expect(dims).toContain('zh: 首选登录设备');
    expect(dims).not.toContain('tenure_band');
    expect(proposed.proposal.files['ingest/shop.yaml']).toMatch(/map:\s+Phone: Mobile Phone/);

    const expected = ratesBy(
      await queryDb(
        ':memory:',
        `SELECT CASE WHEN PreferredLoginDevice = 'Phone' THEN 'Mobile Phone' ELSE PreferredLoginDevice END AS preferred_login_device,
                avg(Churn)::DOUBLE AS churn_rate
         FROM read_csv_auto('${join(root, 'data-uploads', proposed.upload.id, 'table.csv')}') GROUP BY 1`,
      ),
      'preferred_login_device',
    );
    expect(Object.keys(expected).sort()).toEqual(['Computer', 'Mobile Phone']);
    for (const [question, lang] of [
      ['churn rate by preferred login device', 'en'],
      ['各首选登录设备的流失率', 'zh'],
    ] as const) {
      const asked = await call('analyst', 'POST', '/ask', { model: 'shop', question, language: lang });
      expect(asked.status).toBe(200);
      expect(asked.json.kind, asked.json.narrative).toBe('answer');
      // The Chinese answer shows the value labels the analyst gave.
      const zhLabels: Record<string, string> = { Computer: '电脑', 'Mobile Phone': '手机' };
      const labelled = Object.fromEntries(
        Object.entries(expected).map(([k, v]) => [lang === 'zh' ? zhLabels[k] : k, v]),
      );
      expect(ratesBy(asked.json.table.rows, 'preferred_login_device')).toEqual(labelled);
    }
    // Submitting the same upload again, or another upload under a taken name, is refused.
    const again = await upload('analyst', csv, 'shop.csv', 'zh');
    const taken = await call(
      'analyst',
      'POST',
      `/uploads/${again.json.upload.id}/submit`,
      { model: 'shop' },
      'zh',
    );
    expect(taken.status).toBe(409);
    expect(taken.json.error).toMatchObject({ code: 'model_exists' });
    expect(taken.json.error.message).toContain('已有名为 shop 的模型');
  }, 120_000);

  it('refuses bad files with a 4xx naming the line, in the user language; viewers may not upload', async () => {
    const bad = 'CustomerID,Churn,Device\nC1,0,Computer\nC2,1\nC3,0,Phone\n';
    const en = await upload('analyst', bad, 'bad.csv');
    expect(en.status).toBe(400);
    expect(en.json.error).toMatchObject({ code: 'csv_field_count' });
    expect(en.json.error.message).toContain('Line 3 has 2 fields where the header has 3');
    const zh = await upload('analyst', bad, 'bad.csv', 'zh');
    expect(zh.json.error.message).toContain('第 3 行有 2 个字段，而表头有 3 个');
    const quote = await upload('analyst', 'a,b\n1,"open\n2,3\n', 'q.csv');
    expect(quote.json.error).toMatchObject({ code: 'csv_open_quote' });
    expect(quote.json.error.message).toContain('Line 2');
    expect((await upload('analyst', 'a,b\n', 'h.csv')).json.error.code).toBe('csv_no_rows');
    expect((await upload('analyst', '', 'e.csv')).json.error.code).toBe('csv_empty');
    expect((await upload('viewer', 'a,b\n1,2\n', 'v.csv')).status).toBe(403);

    const big = new Uint8Array(1024 * 1024 + 10).fill(0x61);
    const declared = await upload('analyst', big, 'big.csv', 'zh');
    expect(declared.status).toBe(413);
    expect(declared.json.error.message).toBe('文件超过上传上限 1 MB（CHATBI_UPLOAD_MAX_MB）');
    // Streamed without a length: counted while written, refused, nothing left behind.
    const chunks = [big.subarray(0, 600_000), big.subarray(600_000)];
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift();
        if (next) controller.enqueue(next);
        else controller.close();
      },
    });
    const streamed = await call('analyst', 'POST', '/uploads?fileName=big.csv', stream);
    expect(streamed.status).toBe(413);
    expect(streamed.json.error.message).toContain('larger than the upload limit of 1 MB');

    const bogus = await upload('analyst', 'CustomerID,Churn\nC1,0\nC2,1\n', 'two.csv');
    const role = await call('analyst', 'POST', `/uploads/${bogus.json.upload.id}/proposal`, {
      model: 'two',
      edits: { columns: { Nope: { role: 'band' } } },
    });
    expect(role.status).toBe(400);
    expect(role.json.error.code).toBe('invalid_plan_edit');
  }, 60_000);
});

const missing = missingSharedData(ECOMMERCE_FILE);
describe.skipIf(missing.length > 0)(
  sharedDataTitle('uploading the e-commerce churn CSV (../shared/data)', missing),
  () => {
    it('answers churn rate by preferred login device as SQL on the CSV, and again after a restart', async () => {
      const file = sharedDataPath(ECOMMERCE_FILE);
      await uploadAndPublish(readFileSync(file), 'ecommerce_churn.csv', {
        model: 'ecommerce',
        edits: { columns: { PreferredLoginDevice: { label: { zh: '首选登录设备' } } } },
      });
      const expected = ratesBy(
        await queryDb(
          ':memory:',
          `SELECT PreferredLoginDevice AS preferred_login_device, avg(Churn)::DOUBLE AS churn_rate
           FROM read_csv_auto('${file}') GROUP BY 1`,
        ),
        'preferred_login_device',
      );
      const ask = async () =>
        call('analyst', 'POST', '/ask', {
          model: 'ecommerce',
          question: 'churn rate by preferred login device',
        });
      let asked = await ask();
      expect(ratesBy(asked.json.table.rows, 'preferred_login_device')).toEqual(expected);

      // Analyses by capability on this one-row-per-customer table: drivers run (complaints raise churn
      // most: 31.7% of complainers churned vs 10.9%), and so does the risk list.
      const drivers = await call('analyst', 'POST', '/ask', {
        model: 'ecommerce',
        question: 'what drives churn?',
      });
      expect(drivers.status).toBe(200);
      expect(drivers.json.kind, drivers.json.narrative).toBe('answer');
      expect(drivers.json.narrative).toMatch(/Complain/);
      const risk = await call('analyst', 'POST', '/ask', {
        model: 'ecommerce',
        question: 'which customers are at risk of churning?',
      });
      // The risk list runs: 4,682 customers stayed (SQL: Churn = 0), scored by the label's look-alike model.
      expect(risk.status).toBe(200);
      expect(risk.json.kind, risk.json.narrative).toBe('answer');
      expect(risk.json.narrative).toContain('Of 4,682 current customers');
      expect(risk.json.narrative).toMatch(/cross-validated ROC AUC 0\.\d{3}/);

      await server.close();
      server = await startServer(await options());
      expect(server.registry.has('ecommerce')).toBe(true);
      asked = await ask();
      expect(ratesBy(asked.json.table.rows, 'preferred_login_device')).toEqual(expected);
    }, 500_000);
  },
);
