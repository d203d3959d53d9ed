/**
 * Issue 22's flows at the other size and language than web-boards.test.ts: the analyst on a 390×844 phone in
 * English pins an answer to a board, drills by tapping a bar, edits a chip value, shares the board, sends
 * thumbs-down and corrects it on the wrong-answers screen; manager_south opens the board on a desktop in
 * Chinese and sees only 华南; the viewer opens the shared answer on a phone in Chinese with their own access.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  askInChat,
  chartTexts,
  downloadedFile,
  lastTurn,
  launchBrowser,
  screenshot,
  signInAsDemo,
} from './browser.ts';
import { consoleWatch, DESKTOP, PHONE } from './screen-tour.ts';
import { startWebTestServer, type WebTestServer } from './test-server.ts';

const REGIONS = ['华东', '华南', '华北', '华中', '西南', '西北', '东北'];
const REGIONS_EN = ['East China', 'South China', 'North China', 'Central China'];
const QUESTION = 'churn rate by region last quarter';
const TIMEOUT = 300_000;

describe('issue 22 flows on a phone (en) and a desktop (zh)', () => {
  let server: WebTestServer;
  let browser: Browser;
  const profiles: BrowserContext[] = [];
  const shots: string[] = [];
  let boardShare = '';
  let answerShare = '';

  async function open(locale: 'zh-CN' | 'en-US', viewport: typeof DESKTOP): Promise<Page> {
    const profile = await browser.newContext({
      locale,
      viewport,
      hasTouch: viewport === PHONE,
      acceptDownloads: true,
    });
    profiles.push(profile);
    return profile.newPage();
  }

  beforeAll(async () => {
    [server, browser] = await Promise.all([startWebTestServer(), launchBrowser()]);
  }, 480_000);
  afterAll(async () => {
    for (const p of profiles) await p.close();
    await browser?.close();
    await server?.close();
    console.log(`[web-phone-flows] screenshots:\n  ${shots.join('\n  ')}`);
  });

  describe('the analyst on a phone (en)', () => {
    let page: Page;
    let watch: ReturnType<typeof consoleWatch>;
    beforeAll(async () => {
      page = await open('en-US', PHONE);
      watch = consoleWatch(page);
      await signInAsDemo(page, server.url, 'analyst');
    });

    it(
      'pins an answer to a new board and shares the board',
      async () => {
        await page.goto(`${server.url}/#/chat`);
        const turn = await askInChat(page, QUESTION);
        // The answer's share link first; then pin it (the pin's note replaces the bar's buttons).
        await turn.locator('.share-button').click();
        answerShare = await turn.locator('.share-url').inputValue();
        await turn.locator('.pin-button').click();
        const form = turn.locator('.pin-form');
        await form.locator('select[name="board"]').selectOption('__new__');
        await form.locator('input[name="newBoard"]').fill('Weekly churn');
        await form.locator('button[type="submit"]').click();
        await turn.locator('.pin-done').waitFor();
        expect(await turn.locator('.pin-done').textContent()).toContain('Pinned to “Weekly churn”');
        await turn.locator('.pin-done a').click();
        await page.locator('.board-card[data-loaded="true"]').first().waitFor({ timeout: 60_000 });
        const texts = await page.locator('.board-card').first().locator('svg text').allTextContents();
        for (const region of REGIONS_EN) expect(texts).toContain(region);
        expect(await page.locator('.board-card .card-period').first().textContent()).toBe('Q3 2026');
        await page.locator('.board-share').click();
        boardShare = await page.locator('.share-url').inputValue();
        expect(boardShare).toMatch(/#\/shared\/[\w-]{16,}$/);
        shots.push(await screenshot(page, 'flow-board-en-phone'));
        expect(watch.problems()).toEqual([]);
      },
      TIMEOUT,
    );

    it(
      'drills by tapping a bar and edits a chip value, with one "edited" mark',
      async () => {
        await page.goto(`${server.url}/#/chat`);
        // A fixed turn: `.last()` would follow the turns the drill and the edit append.
        const turn = page.locator('.turn').nth((await page.locator('.turn').count()) - 1);
        await turn.locator('.answer-chart[data-rendered]').waitFor({ timeout: 60_000 });
        let before = await page.locator('.turn').count();
        await turn.locator('.answer-chart svg .mark-rect path').first().tap();
        const drilled = await lastTurn(page, before);
        const chips = await drilled.locator('.chip .chip-value').allTextContents();
        expect(chips).toContain('City');
        expect(chips.some((c) => REGIONS_EN.some((r) => c.includes(r)) || c.includes('China'))).toBe(true);
        shots.push(await screenshot(page, 'flow-drill-en-phone'));

        before = await page.locator('.turn').count();
        await turn.locator('.chip-dimension .chip-label').click();
        await turn.locator('.chip-editor select').first().selectOption('value_tier');
        await turn.locator('.chip-editor button[type="submit"]').click();
        const edited = await lastTurn(page, before);
        expect(await edited.locator('.turn-question').textContent()).toBe(`${QUESTION} · edited`);
        expect(await chartTexts(edited)).toEqual(expect.arrayContaining(['High value', 'Low value']));
        shots.push(await screenshot(page, 'flow-chip-edit-en-phone'));
        expect(watch.problems()).toEqual([]);
      },
      TIMEOUT,
    );

    it(
      'sends thumbs-down and corrects it on the wrong-answers screen',
      async () => {
        const turn = page.locator('.turn').last();
        await turn.locator('.feedback .icon-button').nth(1).click();
        await turn.locator('.feedback textarea').fill('I meant by city');
        await turn.locator('.feedback button[type="submit"]').click();
        await turn.locator('.feedback [role="status"]', { hasText: 'Thanks for the feedback' }).waitFor();
        await page.goto(`${server.url}/#/wrong-answers`);
        const item = page.locator('.wrong-item', { hasText: 'I meant by city' });
        await item.waitFor();
        const screen = await page.locator('.wrong-answers').innerText();
        expect(screen).not.toMatch(/\b[a-z]+_[a-z0-9_]+\b/);
        expect(screen).not.toMatch(/[{}]/);
        expect(await item.locator('.given-query').innerText()).toContain('Churn rate');
        await item.locator('.wrong-query-json summary').click();
        const query = item.locator('textarea[name="query"]');
        await query.fill(JSON.stringify({ ...JSON.parse(await query.inputValue()), dimensions: ['city'] }));
        await item.locator('.wrong-correction button[type="submit"]').click();
        await item.locator('p.notice[role="status"]').waitFor({ state: 'visible' });
        await page.goto(`${server.url}/#/wrong-answers?status=resolved`);
        await page
          .locator('.wrong-item[data-status="resolved"] .wrong-recorded', { hasText: 'City' })
          .waitFor();
        // The phone layout: nothing wider than the screen, touch targets of 44 px.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        const small = await page
          .locator('.wrong-answers .btn, .wrong-answers select')
          .evaluateAll((els) => els.filter((e) => e.getBoundingClientRect().height < 44).length);
        expect(small).toBe(0);
        shots.push(await screenshot(page, 'flow-wrong-answers-en-phone'));
        expect(watch.problems()).toEqual([]);
      },
      TIMEOUT,
    );
  });

  describe('other users open the links (zh)', () => {
    it(
      'manager_south opens the board on a desktop and sees only 华南',
      async () => {
        const page = await open('zh-CN', DESKTOP);
        const watch = consoleWatch(page);
        await signInAsDemo(page, server.url, 'manager_south');
        await page.goto(boardShare);
        await page.locator('.board-card[data-loaded="true"]').first().waitFor({ timeout: 60_000 });
        const texts = await page.locator('.board-card').first().locator('svg text').allTextContents();
        expect(texts.filter((t) => REGIONS.includes(t))).toEqual(['华南']);
        expect(await page.locator('.board-card .card-period').first().textContent()).toBe('2026年第3季度');
        shots.push(await screenshot(page, 'flow-board-manager-south-zh-desktop'));
        expect(watch.problems()).toEqual([]);
      },
      TIMEOUT,
    );

    it(
      'the viewer opens the shared answer on a phone with their own access',
      async () => {
        const page = await open('zh-CN', PHONE);
        const watch = consoleWatch(page);
        await signInAsDemo(page, server.url, 'viewer');
        await page.goto(answerShare);
        await page.locator('.shared-answer-body[data-loaded="true"]').waitFor({ timeout: 60_000 });
        const texts = await chartTexts(page.locator('.shared-answer'));
        for (const region of REGIONS) expect(texts).toContain(region);
        // The PNG export draws the viewer's own answer with the server renderer.
        const png = await downloadedFile(page, page.locator('.shared-answer .download-png'));
        expect(png.subarray(1, 4).toString()).toBe('PNG');
        expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(1440);
        shots.push(await screenshot(page, 'flow-shared-answer-zh-phone'));
        expect(watch.problems()).toEqual([]);
      },
      TIMEOUT,
    );
  });
});
