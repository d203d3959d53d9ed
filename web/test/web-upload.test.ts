import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newProfile, pageErrors, screenshot, signInAsDemo } from './browser.ts';
import { startWebTestServer, type WebTestServer } from './test-server.ts';

/**
 * Uploading a table in the browser (issue 17 §6): from the catalog, an analyst uploads a CSV, sees the
 * proposed model, corrects it (a Chinese label, a merged variant, a dropped column), updates the proposal
 * and submits it for review — on a desktop and on a 390×844 phone, in English and Chinese.
 */
describe('uploading a table in the browser', () => {
  let server: WebTestServer;
  let browser: Browser;
  const rows = ['CustomerID,Churn,PreferredLoginDevice,Tenure'];
  for (let i = 0; i < 90; i++)
    rows.push(`C${i},${i % 4 === 0 ? 1 : 0},${['Computer', 'Mobile Phone', 'Phone'][i % 3]},${i % 17}`);
  const csv = Buffer.from(`${rows.join('\n')}\n`);

  beforeAll(async () => {
    [server, browser] = await Promise.all([startWebTestServer(), launchBrowser()]);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const cases = [
    { name: 'desktop-en', locale: 'en-US', viewport: { width: 1280, height: 900 } },
    { name: 'phone-zh', locale: 'zh-CN', viewport: { width: 390, height: 844 } },
    { name: 'phone-en', locale: 'en-US', viewport: { width: 390, height: 844 } },
    { name: 'desktop-zh', locale: 'zh-CN', viewport: { width: 1280, height: 900 } },
  ] as const;

  for (const c of cases)
    it(`uploads, edits the mapping and submits it for review (${c.name})`, async () => {
      const model = `shop_${c.name.replace('-', '_')}`;
      const profile = await newProfile(browser, c.locale);
      const page = await profile.newPage();
      await page.setViewportSize(c.viewport);
      const errors = pageErrors(page);
      const zh = c.locale === 'zh-CN';
      try {
        await signInAsDemo(page, server.url, 'analyst');
        await page.goto(`${server.url}/#/catalog`);
        await page.locator('.catalog-upload').click();
        await page
          .locator('.upload-file')
          .setInputFiles({ name: 'shop.csv', mimeType: 'text/csv', buffer: csv });
        const device = page.locator('.upload-column[data-column="PreferredLoginDevice"]');
        await device.waitFor();
        expect(await page.locator('.upload-editor > p.muted').first().textContent()).toContain(
          zh ? 'shop.csv：90 行，4 列' : 'shop.csv: 90 rows, 4 columns',
        );
        expect(await page.locator('.model-id').inputValue()).toBe('shop');
        expect(await page.locator('.key-select').inputValue()).toBe('CustomerID');
        expect(await page.locator('.churn-select').inputValue()).toBe('Churn');
        expect(await device.locator('.role-select').inputValue()).toBe('categorical');
        expect(await page.locator('.upload-column[data-column="Tenure"] .role-select').inputValue()).toBe(
          'band',
        );
        expect(await device.locator('li[data-value="Phone"] .badge').textContent()).toContain('Mobile Phone');
        expect(
          await page
            .locator('.upload-metrics li')
            .evaluateAll((li) => li.map((e) => e.getAttribute('data-metric'))),
        ).toEqual(expect.arrayContaining(['customers', 'churned_customers', 'churn_rate']));
        // The metrics are named in the page's language.
        expect(await page.locator('.upload-metrics li[data-metric="churn_rate"]').textContent()).toBe(
          zh ? '流失率 (churn_rate)' : 'Churn rate (churn_rate)',
        );

        await page.locator('.model-id').fill(model);
        await page.locator('.model-label-zh').fill('商店');
        await device.locator('.label-zh').fill('首选登录设备');
        await device.locator('li[data-value="Computer"] .value-zh').fill('电脑');
        await device.locator('li[data-value="Phone"] .merge-into').selectOption('Mobile Phone');
        await page.locator('.upload-column[data-column="Tenure"] .role-select').selectOption('skipped');
        await page.locator('.upload-refresh').click();
        await page.locator('.upload-column.dropped[data-column="Tenure"]').waitFor();
        const files = await page.locator('.upload-files pre').allTextContents();
        const all = files.join('\n');
        expect(all).toContain('zh: 首选登录设备');
        expect(all).toContain('zh: 电脑');
        expect(all).toMatch(/map:\s+Phone: Mobile Phone/);
        expect(all).not.toContain('tenure_band');
        expect(all).toContain(`id: ${model}`);
        // The edits survive the refresh in the form.
        expect(
          await page.locator('.upload-column[data-column="PreferredLoginDevice"] .label-zh').inputValue(),
        ).toBe('首选登录设备');
        expect(await page.locator('.upload-valid').count()).toBe(1);

        if (c.viewport.width === 390) {
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - window.innerWidth,
          );
          expect(overflow).toBeLessThanOrEqual(0);
        }
        await screenshot(page, `upload-${c.name}`);
        await page.locator('.upload-submit').click();
        await page.locator('.upload-status:not(:empty)').waitFor();
        expect(await page.locator('.upload-status').textContent()).toBe(
          zh
            ? `已提交：模型 ${model} 版本 1 等待管理员审核（审核队列）。`
            : `Submitted: model ${model} version 1 waits for an admin review (Review queue).`,
        );
        const versions = await server.product!.store.modelVersions.list({ model });
        expect(versions.map((v) => v.status)).toEqual(['in_review']);
        expect(versions[0]!.definition['dimensions.yaml']).toContain('zh: 首选登录设备');
        expect(errors).toEqual([]);
      } finally {
        await profile.close();
      }
    }, 120_000);
});
