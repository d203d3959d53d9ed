/**
 * Boards and share links in chromium (issue 22): the analyst pins answers to a board, arranges, resizes and
 * moves the board's period; manager_south opens the board's share link on a phone and sees only 华南;
 * another user opens a shared answer with their own access; a private conversation explains itself.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  answerRenderTimes,
  askInChat,
  chartTexts,
  downloadedFile,
  lastTurn,
  launchBrowser,
  pageErrors,
  pageLoadTimings,
  screenshot,
  signInAsDemo,
} from './browser.ts';
import { startWebTestServer, type WebTestServer } from './test-server.ts';

const REGIONS = ['华东', '华南', '华北', '华中', '西南', '西北', '东北'];
const REGIONS_EN = [
  'East China',
  'South China',
  'North China',
  'Central China',
  'Southwest China',
  'Northwest China',
  'Northeast China',
];
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

describe('boards and share links in chromium', () => {
  let server: WebTestServer;
  let browser: Browser;
  const profiles: BrowserContext[] = [];
  const timings: Record<string, unknown> = {};
  const shots: string[] = [];
  let boardUrl = '';
  let boardShareUrl = '';
  let answerShareUrl = '';
  let conversationUrl = '';

  async function open(locale: 'zh-CN' | 'en-US', viewport: { width: number; height: number }) {
    const profile = await browser.newContext({ locale, viewport });
    profiles.push(profile);
    const page = await profile.newPage();
    return { page, errors: pageErrors(page) };
  }

  beforeAll(async () => {
    [server, browser] = await Promise.all([startWebTestServer(), launchBrowser()]);
  }, 480_000);
  afterAll(async () => {
    for (const p of profiles) await p.close();
    await browser?.close();
    await server?.close();
    console.log(`[web-boards] screenshots:\n  ${shots.join('\n  ')}`);
    console.log(`[web-boards] timings (ms): ${JSON.stringify(timings)}`);
  });

  describe('the analyst pins answers (zh, desktop)', () => {
    let page: Page;
    let errors: string[];
    beforeAll(async () => {
      ({ page, errors } = await open('zh-CN', DESKTOP));
      await signInAsDemo(page, server.url, 'analyst');
    });

    it('pins two answers to a new personal board', async () => {
      await page.locator('.main-nav a[href="#/chat"]').click();
      const turn = await askInChat(page, '上个季度各地区的流失率');
      conversationUrl = page.url();
      await turn.locator('.pin-button').click();
      const form = turn.locator('.pin-form');
      await form.locator('select[name="board"]').selectOption('__new__');
      await form.locator('input[name="newBoard"]').fill('流失周报');
      shots.push(await screenshot(page, 'pin-form-zh-desktop'));
      await form.locator('button[type="submit"]').click();
      await turn.locator('.pin-done').waitFor();
      expect(await turn.locator('.pin-done').textContent()).toContain('已固定到“流失周报”');

      const trend = await askInChat(page, '过去12个月的流失率趋势');
      await trend.locator('.pin-button').click();
      await trend
        .locator('.pin-form select[name="board"] option', { hasText: '流失周报' })
        .waitFor({ state: 'attached' });
      await trend.locator('.pin-form button[type="submit"]').click();
      await trend.locator('.pin-done a').click();
      await page.locator('.board-card[data-loaded="true"]').nth(1).waitFor({ timeout: 60_000 });
      boardUrl = page.url();
      const titles = await page.locator('.board-card h2').allTextContents();
      expect(titles).toEqual(['上个季度各地区的流失率', '过去12个月的流失率趋势']);
      const first = page.locator('.board-card').first();
      const texts = await first.locator('svg text').allTextContents();
      for (const region of REGIONS) expect(texts).toContain(region);
      expect(await first.locator('.card-period').textContent()).toBe('2026年第3季度');
      expect(await page.locator('.board-head .badge').textContent()).toBe('个人');
      shots.push(await screenshot(page, 'board-zh-desktop'));
      timings.answerRenderMs = await answerRenderTimes(page);
    });

    it('arranges, resizes and moves every card with the period control', async () => {
      await page.locator('.board-card').nth(1).locator('.card-up').click();
      await page.locator('.board-card[data-loaded="true"]').nth(1).waitFor();
      expect(await page.locator('.board-card h2').allTextContents()).toEqual([
        '过去12个月的流失率趋势',
        '上个季度各地区的流失率',
      ]);
      await page.locator('.board-card').first().locator('.card-resize').click();
      await expect.poll(() => page.locator('.board-card').first().getAttribute('data-width')).toBe('2');
      const wide = await page.locator('.board-card').first().boundingBox();
      const narrow = await page.locator('.board-card').nth(1).boundingBox();
      expect(wide!.width).toBeGreaterThan(narrow!.width * 1.8);

      await page.locator('select.board-period').selectOption('last_month');
      await page.locator('.board-card[data-loaded="true"]').nth(1).waitFor({ timeout: 60_000 });
      await expect
        .poll(() => page.locator('.board-card .card-period').allTextContents())
        .toEqual(['2026年9月', '2026年9月']);
      // The order, the width and the period are stored: a reload shows the same board.
      await page.reload();
      await page.locator('.board-card[data-loaded="true"]').nth(1).waitFor({ timeout: 60_000 });
      expect(await page.locator('.board-card').first().getAttribute('data-width')).toBe('2');
      expect(await page.locator('select.board-period').inputValue()).toBe('last_month');
      await page.locator('select.board-period').selectOption('pinned');
      await page.locator('.board-card[data-loaded="true"]').nth(1).waitFor({ timeout: 60_000 });
      await expect
        .poll(() => page.locator('.board-card').nth(1).locator('.card-period').textContent())
        .toBe('2026年第3季度');
    });

    it('drills down from a table row and from a bar, as new turns with chips', async () => {
      await page.goto(conversationUrl);
      const first = page.locator('.turn').first();
      await first.locator('.answer-chart[data-rendered]').waitFor({ timeout: 60_000 });
      // The table reads in the chart's order (by value, descending), not alphabetically.
      const values = await first
        .locator('.data-table tbody tr')
        .evaluateAll((rows) =>
          rows.map((r) => Number.parseFloat(r.querySelector('td.num')?.textContent ?? '')),
        );
      expect(values).toHaveLength(7);
      expect(values).toEqual([...values].sort((a, b) => b - a));
      let before = await page.locator('.turn').count();
      await first.locator('.data-table tbody tr', { hasText: '华南' }).click();
      let drilled = await lastTurn(page, before);
      expect(await drilled.locator('.turn-question').textContent()).toBe('华南的流失率（按城市）');
      let chips = await drilled.locator('.chip .chip-value').allTextContents();
      expect(chips).toEqual(expect.arrayContaining(['流失率', '城市']));
      expect(chips.join(' ')).toContain('华南');
      const cities = await drilled.locator('.data-table tbody tr td:first-child').allTextContents();
      expect(cities.length).toBeGreaterThan(0);
      for (const city of cities) expect(REGIONS).not.toContain(city);
      shots.push(await screenshot(page, 'drill-row-zh-desktop'));

      before = await page.locator('.turn').count();
      const bars = first.locator('.answer-chart svg .mark-rect path');
      await bars.first().click();
      drilled = await lastTurn(page, before);
      chips = await drilled.locator('.chip .chip-value').allTextContents();
      expect(chips).toContain('城市');
      expect(chips.some((c) => REGIONS.some((r) => c.includes(r)))).toBe(true);
      expect(errors).toEqual([]);
    });

    it('asks for the value when "+添加" adds a filter, and marks an edit once', async () => {
      const turn = page.locator('.turn').first();
      await turn.locator('.chip-add').click();
      const editor = turn.locator('.chip-editor');
      const groups = await editor
        .locator('select.dimension-picker')
        .first()
        .locator('optgroup')
        .evaluateAll((g) => g.map((x) => x.getAttribute('label')));
      expect(groups).toEqual(['属性', '分段', '是/否标记']);
      const options = await editor
        .locator('select.dimension-picker')
        .first()
        .locator('option')
        .allTextContents();
      for (const unwanted of ['客户姓名', '反馈原文', '客户ID']) expect(options).not.toContain(unwanted);
      await editor.locator('select.dimension-picker').nth(1).selectOption('value_tier');
      await editor.locator('button[type="submit"]').click();
      expect(await editor.locator('.form-error').textContent()).toContain('价值分层');
      await editor.locator('.filter-values label', { hasText: '高价值' }).locator('input').check();
      let before = await page.locator('.turn').count();
      await editor.locator('button[type="submit"]').click();
      const edited = await lastTurn(page, before);
      expect((await edited.locator('.chip .chip-value').allTextContents()).join(' ')).toContain('高价值');
      expect(await edited.locator('.turn-question').textContent()).toBe('上个季度各地区的流失率 · 已修改');
      // Editing the edited answer again keeps one mark.
      await edited.locator('.chip-dimension .chip-label').click();
      await edited.locator('.chip-editor select').first().selectOption('city');
      before = await page.locator('.turn').count();
      await edited.locator('.chip-editor button[type="submit"]').click();
      const again = await lastTurn(page, before);
      expect(await again.locator('.turn-question').textContent()).toBe('上个季度各地区的流失率 · 已修改');
      shots.push(await screenshot(page, 'chips-zh-desktop'));
    });

    it('creates share links to the board and to an answer, and lists the board on home', async () => {
      await page.goto(boardUrl);
      await page.locator('.board-share').click();
      boardShareUrl = await page.locator('.share-url').inputValue();
      expect(boardShareUrl).toMatch(/#\/shared\/[\w-]{16,}$/);
      await page.goto(conversationUrl);
      const turn = page.locator('.turn').first();
      await turn.locator('.share-button').waitFor();
      await turn.locator('.share-button').click();
      answerShareUrl = await turn.locator('.share-url').inputValue();
      expect(answerShareUrl).toMatch(/#\/shared\/[\w-]{16,}$/);
      await page.goto(`${server.url}/#/home`);
      await page.locator('.home-boards .board-item').first().waitFor();
      expect(await page.locator('.home-boards .board-item a').allTextContents()).toContain('流失周报');
      expect(errors).toEqual([]);
    });
  });

  describe('manager_south on a phone (en)', () => {
    let page: Page;
    let errors: string[];
    beforeAll(async () => {
      ({ page, errors } = await open('en-US', PHONE));
      await signInAsDemo(page, server.url, 'manager_south');
      timings.phonePageLoad = await pageLoadTimings(page);
    });

    it('is told why the analyst’s personal board and conversation are not open to them', async () => {
      await page.goto(boardUrl);
      await page.locator('.state-error').waitFor();
      expect(await page.locator('.state-error p').textContent()).toMatch(/private to .*share link/);
      await page.goto(conversationUrl);
      await page.locator('.state-error').waitFor();
      expect(await page.locator('.state-error p').textContent()).toMatch(
        /belongs to another user.*share link/,
      );
      shots.push(await screenshot(page, 'private-conversation-en-phone'));
    });

    it('opens the board share link and sees only 华南 (their own access, not the sharer’s rows)', async () => {
      await page.goto(boardShareUrl);
      await page.locator('.board-card[data-loaded="true"]').nth(1).waitFor({ timeout: 60_000 });
      expect(await page.locator('.board-scope').textContent()).toContain('华南');
      const regional = page.locator('.board-card', { hasText: '上个季度各地区的流失率' });
      const texts = await regional.locator('svg text').allTextContents();
      expect(texts).toContain('South China');
      for (const other of REGIONS_EN.filter((r) => r !== 'South China')) expect(texts).not.toContain(other);
      const cells = await regional.locator('.data-table tbody tr td:first-child').allTextContents();
      expect(cells).toEqual(['South China']);
      // The card's PNG export: the server renderer draws the viewer's own answer.
      const png = await downloadedFile(page, regional.locator('.download-png'));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(1440);
      // Not the owner: no arranging tools.
      expect(await page.locator('.card-up').count()).toBe(0);
      // Phone layout: a compact header, tables as cards (no header row shown), 44 px touch targets.
      expect((await page.locator('.app-header').boundingBox())!.height).toBeLessThanOrEqual(110);
      expect(
        await regional.locator('.data-table thead').evaluate((el) => el.getBoundingClientRect().height),
      ).toBeLessThanOrEqual(1);
      const small = await page
        .locator('.btn, .icon-button, .main-nav a, select')
        .evaluateAll(
          (els) =>
            els.filter(
              (e) => (e as HTMLElement).offsetParent !== null && e.getBoundingClientRect().height < 44,
            ).length,
        );
      expect(small).toBe(0);
      shots.push(await screenshot(page, 'board-shared-en-phone'));
      expect(errors).toEqual([]);
    });
  });

  describe('the viewer opens a shared answer (en, desktop)', () => {
    it('shows the answer computed for the viewer', async () => {
      const { page, errors } = await open('en-US', DESKTOP);
      await signInAsDemo(page, server.url, 'viewer');
      await page.goto(answerShareUrl);
      await page.locator('.shared-answer-body[data-loaded="true"]').waitFor({ timeout: 60_000 });
      expect(await page.locator('.shared-answer .notice').first().textContent()).toMatch(
        /Shared by .*your own data access/,
      );
      const texts = await chartTexts(page.locator('.shared-answer'));
      for (const region of REGIONS_EN) expect(texts).toContain(region);
      shots.push(await screenshot(page, 'shared-answer-en-desktop'));
      expect(errors).toEqual([]);
    });
  });
});
