import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scaffoldModel } from '../../server/src/data/scaffold/scaffold-model.ts';
import { sharedDataPath } from '../../server/src/data/shared-data.ts';
import { serverHooks } from '../../server/src/server/server-hooks.ts';
import { type RunningServer, startServer } from '../../server/src/server/start-server.ts';
import { cachedDemo } from '../../server/test/data/demo-store.ts';
import { queryDb } from '../../server/test/data/ingest-test-db.ts';
import { ECOMMERCE_FILE, missingSharedData, sharedDataTitle } from '../../server/test/shared-datasets.ts';
import { askInChat, launchBrowser, newProfile, pageErrors, signInAsDemo } from './browser.ts';
import { buildWeb } from './test-server.ts';

/** A model scaffolded from a table, next to the demo: the chat's model picker reaches it, and remembers it. */
const ecommerceMissing = missingSharedData(ECOMMERCE_FILE);

/** The cells of an answer's table, row by row. */
const tableCells = (turn: Locator) =>
  turn
    .locator('.data-table tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent?.trim() ?? '')),
    );

describe('bring your own data in the browser', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chatbi-web-byod-'));
  let server: RunningServer;
  let browser: Browser;
  // Churn by device, fixed: Computer 1 in 4, Mobile Phone 1 in 10 (40 customers each).
  const rates: Record<string, string> = { Computer: '25.0%', 'Mobile Phone': '10.0%' };

  beforeAll(async () => {
    const rows = ['CustomerID,Churn,PreferredLoginDevice'];
    for (let i = 0; i < 40; i++) rows.push(`C${i},${i % 4 === 0 ? 1 : 0},Computer`);
    for (let i = 0; i < 40; i++) rows.push(`M${i},${i % 10 === 0 ? 1 : 0},Mobile Phone`);
    writeFileSync(join(dir, 'shop.csv'), `${rows.join('\n')}\n`);
    mkdirSync(join(dir, 'data'), { recursive: true });
    const scaffolded = await scaffoldModel({
      from: join(dir, 'shop.csv'),
      id: 'shop',
      outDir: join(dir, 'models'),
      dataDir: join(dir, 'data'),
      log: () => {},
    });
    if (!scaffolded.ok) throw new Error(scaffolded.message);
    // The README's table, when the public datasets are here (the second test says so when they are not).
    if (!ecommerceMissing.length) {
      const ecommerce = await scaffoldModel({
        from: sharedDataPath(ECOMMERCE_FILE),
        id: 'ecommerce',
        outDir: join(dir, 'models'),
        dataDir: join(dir, 'data'),
        log: () => {},
      });
      if (!ecommerce.ok) throw new Error(ecommerce.message);
    }
    copyFileSync(await cachedDemo(3000, 42), join(dir, 'data', 'retail.duckdb'));
    const webDist = join(dir, 'web-dist');
    await buildWeb(webDist);
    [server, browser] = await Promise.all([
      startServer({
        dataDir: join(dir, 'data'),
        modelsDirs: [join(dir, 'models')],
        port: 0,
        demoCustomers: 3000,
        demo: true,
        webDist,
        log: () => {},
        ...(await serverHooks()),
      }),
      launchBrowser(),
    ]);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(join(dir, '..', `${dir.split('/').pop()}-app`), { recursive: true, force: true });
  });

  it('picks the scaffolded model in the chat, answers from it, remembers it, and shows its catalog', async () => {
    const url = `http://127.0.0.1:${server.port}`;
    const profile = await newProfile(browser, 'en-US');
    const page = await profile.newPage();
    const errors = pageErrors(page);
    try {
      await signInAsDemo(page, url, 'analyst');
      await page.goto(`${url}/#/chat`);
      const picker = page.locator('[data-testid="model-picker"]');
      await page.locator('.model-picker:not([hidden])').waitFor();
      expect(await picker.locator('option').allTextContents()).toEqual(
        expect.arrayContaining(['Shop (shop)']),
      );
      await picker.selectOption('shop');
      await page.locator('.question-box textarea').waitFor();
      const turn = await askInChat(page, 'churn rate by preferred login device');
      expect(await turn.getAttribute('data-state')).toBe('done');
      const cells = await tableCells(turn);
      expect(Object.fromEntries(cells.map((c) => [c[0], c[1]]))).toEqual(rates);

      // Remembered for this user: a reload keeps the model, and the catalog shows its members.
      await page.goto(`${url}/?reload=1#/catalog`);
      await page.locator('.model-picker:not([hidden])').waitFor();
      expect(await page.locator('[data-testid="model-picker"]').inputValue()).toBe('shop');
      await page.getByText('Preferred login device').first().waitFor();
      expect(errors).toEqual([]);
    } finally {
      await profile.close();
    }
  }, 180_000);

  it.skipIf(ecommerceMissing.length > 0)(
    sharedDataTitle(
      'the README path: the e-commerce CSV in the chat gives the rates of SQL on the CSV',
      ecommerceMissing,
    ),
    async () => {
      const csv = sharedDataPath(ECOMMERCE_FILE);
      const rows = await queryDb(
        ':memory:',
        `SELECT PreferredLoginDevice AS device, avg(Churn)::DOUBLE AS rate FROM read_csv_auto('${csv}') GROUP BY 1`,
      );
      const expected = Object.fromEntries(
        rows.map((r) => [String(r.device), `${(Number(r.rate) * 100).toFixed(1)}%`]),
      );
      const profile = await newProfile(browser, 'en-US');
      const page = await profile.newPage();
      const errors = pageErrors(page);
      try {
        await signInAsDemo(page, `http://127.0.0.1:${server.port}`, 'viewer');
        await page.goto(`http://127.0.0.1:${server.port}/#/chat`);
        await page.locator('.model-picker:not([hidden])').waitFor();
        await page.locator('[data-testid="model-picker"]').selectOption('ecommerce');
        await page.locator('.question-box textarea').waitFor();
        const turn = await askInChat(page, 'churn rate by preferred login device');
        expect(await turn.getAttribute('data-state')).toBe('done');
        const cells = await tableCells(turn);
        expect(Object.fromEntries(cells.map((c) => [c[0], c[1]]))).toEqual(expected);
        // The risk list runs on this one-row-per-customer table too.
        const risk = await askInChat(page, 'which customers are at risk of churning?');
        expect(await risk.locator('.data-table tbody tr').count()).toBeGreaterThan(0);
        expect(await risk.textContent()).toMatch(/current customers, [\d,]+ score 30% or more/);
        expect(errors).toEqual([]);
      } finally {
        await profile.close();
      }
    },
    180_000,
  );
});
