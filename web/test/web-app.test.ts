/**
 * The web app in a real browser (headless Debian chromium) against the real server: sign-in, home,
 * questions in Chinese and English with drawn charts, follow-ups, editable chips, provenance, feedback,
 * the definition lifecycle (analyst edits and submits, admin approves, the next answer uses it) and
 * row-level security. Saves screenshots and prints page-load and answer-render times.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  answerRenderTimes,
  askInChat,
  chartTexts,
  lastTurn,
  launchBrowser,
  newProfile,
  pageErrors,
  pageLoadTimings,
  screenshot,
  signInAsDemo,
  signInWithPassword,
} from './browser.ts';
import { startWebTestServer, type WebTestServer } from './test-server.ts';

const REGIONS = ['华东', '华南', '华北', '华中', '西南', '西北', '东北'];

describe('the web app in chromium', () => {
  let server: WebTestServer;
  let browser: Browser;
  const timings: Record<string, unknown> = {};
  const screenshots: string[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startWebTestServer(), launchBrowser()]);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    console.log(`[web] screenshots:\n  ${screenshots.join('\n  ')}`);
    console.log(`[web] timings (ms): ${JSON.stringify(timings)}`);
  });

  describe('as the analyst, in Chinese', () => {
    let profile: BrowserContext;
    let page: Page;
    let errors: string[];

    beforeAll(async () => {
      profile = await newProfile(browser, 'zh-CN');
      page = await profile.newPage();
      errors = pageErrors(page);
    });
    afterAll(async () => {
      await profile?.close();
    });

    it('signs in with one click and shows KPI tiles with sparklines', async () => {
      await page.goto(`${server.url}/`);
      await page.locator('.demo-user').first().waitFor();
      expect(
        await page
          .locator('.demo-user')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-username'))),
      ).toEqual(expect.arrayContaining(['analyst', 'manager_south']));
      // One click never grants admin: the demo admin signs in with its password.
      expect(await page.locator('.demo-user[data-username="demo_admin"]').count()).toBe(0);
      screenshots.push(await screenshot(page, 'sign-in'));
      await signInAsDemo(page, server.url, 'analyst');
      // A fresh load of the home screen, signed in, for the page-load timing.
      await page.goto(`${server.url}/?reload=1#/home`);
      await page.locator('.kpi-tile').first().waitFor();
      timings.pageLoad = await pageLoadTimings(page);
      const churnTile = page.locator('.kpi-tile[data-metric="churn_rate"]');
      await expect(churnTile.locator('.kpi-label').textContent()).resolves.toBe('流失率');
      expect(await churnTile.locator('.kpi-value').textContent()).toMatch(/^\d+(\.\d)?%$/);
      expect(await churnTile.locator('.sparkline path').getAttribute('d')).toMatch(
        /^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+){3,}/,
      );
      expect(await page.locator('.home-suggestions .suggestion').count()).toBeGreaterThan(2);
      screenshots.push(await screenshot(page, 'home-zh'));
    });

    it('answers a Chinese question with a bar chart of every region', async () => {
      await page.locator('.main-nav a[href="#/chat"]').click();
      const turn = await askInChat(page, '上个季度各地区的流失率');
      expect(await turn.getAttribute('data-state')).toBe('done');
      const texts = await chartTexts(turn);
      for (const region of REGIONS) expect(texts).toContain(region);
      expect(texts).toContain('流失率');
      expect(texts.some((t) => /^\d+(\.\d)?%$/.test(t))).toBe(true); // percent axis ticks
      expect(await turn.locator('.answer-chart svg .mark-rect path').count()).toBe(7);
      expect(await turn.locator('.data-table tbody tr').count()).toBe(7);
      expect(await turn.locator('.narrative').textContent()).toContain('华南');
      const chips = await turn.locator('.chip .chip-value').allTextContents();
      expect(chips).toEqual(['流失率', '地区', '2026年第3季度']);
      screenshots.push(await screenshot(page, 'chat-zh'));
    });

    it('sorts the table and follows up with a suggestion', async () => {
      const turn = page.locator('.turn').last();
      const header = turn.locator('.data-table th', { hasText: '流失率' }).locator('button');
      await header.click(); // numbers sort descending first
      const first = await turn.locator('.data-table tbody tr').first().locator('td').first().textContent();
      expect(first).toBe('华南');
      const before = await page.locator('.turn').count();
      await turn.locator('.suggestions .suggestion').first().click();
      const followUp = await lastTurn(page, before);
      expect(await followUp.getAttribute('data-state')).toBe('done');
      // The follow-up stays in the same conversation and keeps the 华南 focus.
      const chips = await followUp.locator('.chip .chip-value').allTextContents();
      expect(chips.join(' ')).toContain('华南');
    });

    it('re-runs the answer when a chip changes', async () => {
      const turn = await askInChat(page, '上个季度各地区的流失率');
      // Keyboard: Enter opens a chip's editor with focus inside, Escape closes it and returns focus.
      const metricChip = turn.locator('.chip-metric .chip-label');
      await metricChip.focus();
      await page.keyboard.press('Enter');
      await turn.locator('.chip-editor select:focus').waitFor();
      await page.keyboard.press('Escape');
      expect(await turn.locator('.chip-editor').count()).toBe(0);
      expect(await metricChip.evaluate((el) => el === document.activeElement)).toBe(true);
      const before = await page.locator('.turn').count();
      await turn.locator('.chip-dimension .chip-label').click();
      const editor = turn.locator('.chip-editor');
      await editor.locator('select').selectOption('value_tier');
      await editor.locator('button[type="submit"]').click();
      const rerun = await lastTurn(page, before);
      expect(await rerun.locator('.chip .chip-value').allTextContents()).toContain('价值分层');
      const texts = await chartTexts(rerun);
      expect(texts).toEqual(expect.arrayContaining(['高价值', '中价值', '低价值']));
      expect(texts.some((t) => REGIONS.includes(t))).toBe(false);
    });

    it('opens "how this was computed" with definitions, SQL and the model version', async () => {
      const turn = page.locator('.turn').last();
      await turn.locator('.provenance summary').click();
      const panel = turn.locator('.provenance');
      await expect(panel.locator('.sql-block code').first().textContent()).resolves.toMatch(/SELECT/);
      expect(await panel.locator('.model-version').textContent()).toMatch(/^retail/);
      expect(await panel.locator('.definitions dt').allTextContents()).toEqual(
        expect.arrayContaining([expect.stringContaining('流失率')]),
      );
      screenshots.push(await screenshot(page, 'chat-provenance'));
    });

    it('records thumbs-down feedback with a comment', async () => {
      const turn = page.locator('.turn').last();
      await turn.locator('.feedback .icon-button').nth(1).click();
      await turn.locator('.feedback textarea').fill('想看按城市的拆分');
      await turn.locator('.feedback button[type="submit"]').click();
      await expect(turn.locator('.feedback [role="status"]').textContent()).resolves.toBeDefined();
      await turn.locator('.feedback [role="status"]', { hasText: '感谢反馈' }).waitFor();
    });

    it('asks in English after switching the language, and follows up', async () => {
      await page.locator('.lang-switch').click();
      await page.locator('.main-nav a', { hasText: /^Ask$/ }).waitFor();
      await page.locator('.chat-history-head button').click(); // new conversation
      const first = await askInChat(page, 'What was the churn rate by sales channel last quarter?');
      expect(await first.getAttribute('data-state')).toBe('done');
      const texts = await chartTexts(first);
      expect(texts).toContain('Churn rate');
      expect(await first.locator('.answer-chart svg .mark-rect path').count()).toBeGreaterThan(1);
      const followUp = await askInChat(page, 'only high-value customers');
      const chips = await followUp.locator('.chip .chip-value').allTextContents();
      expect(chips.join(' | ')).toMatch(/Value tier = High/i);
      expect(chips).toContain('Sales channel');
      screenshots.push(await screenshot(page, 'chat-en'));
      timings.answerRender = await answerRenderTimes(page);
      expect(errors).toEqual([]);
    });

    it('opens a past conversation with its answers (a history page, then each full answer)', async () => {
      await page.locator('.chat-history-head button').click(); // new conversation
      await page.locator('.conversation-link').first().click();
      const turns = page.locator('.turn');
      await turns.nth(1).locator('.answer-chart svg.marks').waitFor();
      expect(await turns.count()).toBe(2);
      expect(await turns.first().textContent()).toContain(
        'What was the churn rate by sales channel last quarter?',
      );
      expect(await turns.nth(1).textContent()).toContain('only high-value customers');
      expect(await turns.first().locator('.answer-chart svg .mark-rect path').count()).toBeGreaterThan(1);
      expect(errors).toEqual([]);
    });

    it('browses the catalog and runs an example question', async () => {
      await page.locator('.main-nav a[href="#/catalog"]').click();
      const card = page.locator('.catalog-card[data-member="churn_rate"]');
      await card.waitFor();
      expect(await card.locator('.badge-certified').count()).toBe(1);
      await page.locator('.catalog input[type="search"]').fill('attrition');
      await page.waitForFunction(() => document.querySelectorAll('.catalog-card').length < 10);
      screenshots.push(await screenshot(page, 'catalog'));
      const before = 0;
      await page.locator('.catalog-card .catalog-examples .suggestion').first().click();
      const turn = await lastTurn(page, before);
      expect(await turn.getAttribute('data-state')).toBe('done');
    });
  });
  describe('the definition lifecycle: analyst edits and submits, admin approves, answers use it', () => {
    const NEW_SYNONYM = '蒸发率';
    const QUESTION = `上个季度各地区的${NEW_SYNONYM}`;
    let governed = false;
    let analyst: Page;
    let admin: Page;
    let versionNo = 0;
    const profiles: BrowserContext[] = [];

    beforeAll(async () => {
      // The governance routes are optional server hooks: without them these tests have nothing to drive.
      const login = await fetch(`${server.url}/api/auth/demo-login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'analyst' }),
      });
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
      governed = (await fetch(`${server.url}/api/models`, { headers: { cookie } })).status === 200;
      for (const locale of ['zh-CN', 'zh-CN'] as const) profiles.push(await newProfile(browser, locale));
      [analyst, admin] = await Promise.all(profiles.map((p) => p.newPage()));
    });
    afterAll(async () => {
      for (const profile of profiles) await profile.close();
    });

    it('does not understand the new synonym before it is published', async (ctx) => {
      if (!governed) ctx.skip('the server has no /api/models governance routes');
      await signInAsDemo(analyst, server.url, 'analyst');
      await analyst.goto(`${server.url}/#/chat`);
      const turn = await askInChat(analyst, QUESTION);
      expect(await turn.locator('.unknown-terms').textContent()).toContain(NEW_SYNONYM);
      // Without a metric it understands, the interpreter asks back instead of guessing.
      if ((await turn.locator('.answer').getAttribute('data-kind')) === 'clarify') {
        expect(await turn.locator('.clarify-options .suggestion').count()).toBeGreaterThan(0);
      }
    });

    it('shows a validation error at its field, then saves a valid edit and submits it', async (ctx) => {
      if (!governed) ctx.skip('the server has no /api/models governance routes');
      await analyst.goto(`${server.url}/#/editor`);
      await analyst.locator('.new-draft').first().click();
      await analyst.waitForURL(/#\/editor\/retail\/\d+$/);
      versionNo = Number(analyst.url().split('/').at(-1));
      await analyst.locator('.member-list button[data-member="churn_rate"]').click();
      const form = analyst.locator('.member-form[data-member="churn_rate"]');
      // An empty Chinese label is refused by validation, shown next to that field.
      await form.locator('input[name="label.zh"]').fill('');
      await form.locator('button[type="submit"]').click();
      await analyst.locator('.member-form input[name="label.zh"][aria-invalid="true"]').waitFor();
      expect(await analyst.locator('.member-form .field-error').count()).toBeGreaterThan(0);
      expect(await analyst.locator('.issues .issue-list').textContent()).toContain(
        'metrics.churn_rate.label.zh',
      );
      // Fix it and add the synonym.
      const fixed = analyst.locator('.member-form[data-member="churn_rate"]');
      await fixed.locator('input[name="label.zh"]').fill('流失率');
      const synonyms = fixed.locator('textarea[name="synonyms.zh"]');
      await synonyms.fill(`${await synonyms.inputValue()}\n${NEW_SYNONYM}`);
      await fixed.locator('button[type="submit"]').click();
      await analyst.locator('.issues .valid-note').waitFor();
      await analyst.locator('.preview-button').click();
      await analyst.locator('section.preview').waitFor({ timeout: 60_000 });
      expect(await analyst.locator('section.preview .change-summary').textContent()).toContain('churn_rate');
      screenshots.push(await screenshot(analyst, 'definition-editor'));
      await analyst.locator('.submit-review').click();
      await analyst.locator('h1 [data-status="in_review"]').waitFor();
    });

    it('lets the admin review the diff and approve it', async (ctx) => {
      if (!governed) ctx.skip('the server has no /api/models governance routes');
      await signInWithPassword(admin, server.url, 'demo_admin', 'demo-admin');
      await admin.locator('.main-nav a[href="#/review"]').click();
      const card = admin.locator(`.review-card[data-version="${versionNo}"]`);
      await card.locator('.diff').first().waitFor();
      expect(await card.locator('.diff-add').allTextContents()).toEqual(
        expect.arrayContaining([expect.stringContaining(NEW_SYNONYM)]),
      );
      screenshots.push(await screenshot(admin, 'review-queue'));
      await card.locator('textarea').fill('同义词补充，口径不变');
      await card.locator('.approve').click();
      await admin
        .locator(`.version-history .version-card[data-version="${versionNo}"][data-status="published"]`)
        .waitFor({ timeout: 60_000 });
    });

    it('answers the next question with the published definition', async (ctx) => {
      if (!governed) ctx.skip('the server has no /api/models governance routes');
      await analyst.goto(`${server.url}/#/chat`);
      await analyst.locator('.chat-history-head button').click();
      const turn = await askInChat(analyst, QUESTION);
      expect(await turn.locator('.answer').getAttribute('data-kind')).toBe('answer');
      expect(await turn.locator('.unknown-terms').count()).toBe(0);
      expect(await turn.locator('.chip-metric .chip-value').textContent()).toBe('流失率');
      expect(await chartTexts(turn)).toEqual(expect.arrayContaining(REGIONS));
      await turn.locator('.provenance summary').click();
      expect(await turn.locator('.model-version').textContent()).toContain(`v${versionNo}`);
    });
  });

  describe('row-level security in the browser', () => {
    let profile: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      profile = await newProfile(browser, 'zh-CN');
      page = await profile.newPage();
      await signInAsDemo(page, server.url, 'manager_south');
    });
    afterAll(async () => {
      await profile?.close();
    });

    it('shows manager_south only 华南 in answers', async () => {
      expect(await page.locator('.home .notice').textContent()).toContain('华南');
      await page.locator('.main-nav a[href="#/chat"]').click();
      const turn = await askInChat(page, '上个季度各地区的流失率');
      const texts = await chartTexts(turn);
      expect(texts.filter((t) => REGIONS.includes(t))).toEqual(['华南']);
      expect(await turn.locator('.answer-chart svg .mark-rect path').count()).toBe(1);
      expect(await turn.locator('.data-table tbody tr').count()).toBe(1);
      screenshots.push(await screenshot(page, 'chat-manager-south'));
    });

    it('creates a one-time code to link Slack / WeCom on the account screen', async () => {
      await page.goto(`${server.url}/#/password`);
      await page.locator('.channel-links-section').waitFor();
      expect(await page.locator('.channel-links').textContent()).toContain('还没有绑定的账户');
      await page.locator('.channel-links-section button', { hasText: '生成绑定码' }).click();
      const code = await page.locator('[data-testid="link-code"]').textContent();
      expect(code).toMatch(/^[A-Z2-9]{8}$/);
      expect(await page.locator('.link-code').textContent()).toContain(`/churn link ${code}`);
      screenshots.push(await screenshot(page, 'account-channel-links'));
    });

    it('lists only 华南 customers as at risk', async (ctx) => {
      const status = await page.evaluate(async () => (await fetch('/api/customers/at-risk?limit=1')).status);
      if (status === 404) ctx.skip('the server has no /api/customers/at-risk route');
      await page.locator('.main-nav a[href="#/at-risk"]').click();
      await page.locator('.at-risk-body table').waitFor({ timeout: 60_000 });
      const regions = await page.locator('.at-risk-body tbody tr td:nth-child(3)').allTextContents();
      expect(regions.length).toBeGreaterThan(0);
      expect(new Set(regions)).toEqual(new Set(['华南']));
      screenshots.push(await screenshot(page, 'at-risk-manager-south'));
      // One count (the API's atRisk), a pager with the total, the sort said, the level column by probability.
      const api = await page.evaluate(async () => (await fetch('/api/customers/at-risk?pageSize=1')).json());
      const heading = (await page.locator('.at-risk p[role="status"]').textContent()) ?? '';
      expect(heading.replace(/,/g, '')).toContain(String(api.atRisk));
      const pager = (await page.locator('.at-risk-pager').textContent()) ?? '';
      expect(pager.replace(/,/g, '')).toContain(`共 ${api.total} 位`);
      expect(await page.locator('.at-risk-body').textContent()).toContain('按 90 天流失概率从高到低排序');
      // The search box narrows on the server: the total follows it.
      await page.locator('.at-risk input[type="search"]').fill('no-such-customer-xyz');
      await page
        .locator('.at-risk-body', { hasText: '没有符合搜索条件的风险客户' })
        .waitFor({ timeout: 60_000 });
    });
  });
});
