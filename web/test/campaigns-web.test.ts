/**
 * Campaign, task and customer screens in chromium against the real server (issue 16): an analyst
 * creates a call-task campaign from a playbook action and sends it, opens the action's customers and a
 * customer's page; the owner sees the calls in "我的待办". Screenshots at desktop size and 390×844.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newProfile, pageErrors, screenshot, signInAsDemo } from './browser.ts';
import { startWebTestServer, type WebTestServer } from './test-server.ts';

describe('campaign, task and customer screens', () => {
  let server: WebTestServer;
  let browser: Browser;
  const shots: string[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startWebTestServer(), launchBrowser()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    console.log(`[web] campaign screenshots:\n  ${shots.join('\n  ')}`);
  });

  async function both(page: Page, name: string): Promise<void> {
    shots.push(await screenshot(page, `${name}-desktop`));
    await page.setViewportSize({ width: 390, height: 844 });
    shots.push(await screenshot(page, `${name}-390x844`));
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  it('creates and sends a campaign, lists its customers and opens a customer page; the owner sees the tasks', async () => {
    const profile = await newProfile(browser, 'zh-CN');
    const page = await profile.newPage();
    const errors = pageErrors(page);
    await signInAsDemo(page, server.url, 'analyst');

    await page.goto(`${server.url}/#/campaigns?new=account_manager_call`);
    await page.locator('.campaign-form select').selectOption('call_task');
    await page.locator('.campaign-form button[type=submit]').click();
    await page
      .locator('.campaign-form [role=status]')
      .filter({ hasText: '已创建' })
      .waitFor({ timeout: 60_000 });
    const send = page.locator('.campaigns-body button', { hasText: '发送' });
    await send.first().waitFor({ timeout: 30_000 });
    await send.first().click();
    await page.waitForTimeout(3000);
    await page.reload();
    await page.locator('.campaigns-body table').waitFor();
    expect(await page.locator('.campaigns-body').textContent()).toMatch(/对照组/);
    await both(page, 'campaigns');

    await page.goto(`${server.url}/#/at-risk?action=account_manager_call`);
    await page.locator('.at-risk [role=status]').filter({ hasText: '目标客户' }).waitFor({ timeout: 60_000 });
    const link = page.locator('.at-risk-body a[href^="#/customer/"]').first();
    await link.waitFor();
    await both(page, 'action-customers');
    await link.click();
    await page.locator('.customer .risk-score').waitFor({ timeout: 60_000 });
    expect(await page.locator('.customer').textContent()).toMatch(/时间线/);
    await both(page, 'customer');
    expect(errors).toEqual([]);
    await profile.close();

    const owner = await newProfile(browser, 'zh-CN');
    const ownerPage = await owner.newPage();
    await signInAsDemo(ownerPage, server.url, 'viewer');
    await ownerPage.goto(`${server.url}/#/tasks`);
    await ownerPage.locator('.tasks-body table').waitFor({ timeout: 30_000 });
    expect(await ownerPage.locator('.tasks-body tbody tr').count()).toBeGreaterThan(0);
    await both(ownerPage, 'tasks');
    await owner.close();
  }, 240_000);
});
