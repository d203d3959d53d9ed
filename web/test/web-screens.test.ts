/**
 * Issue 22's remaining browser checks in chromium, desktop (zh) and 390×844 (en): a normal visit with a clean
 * console and no failed request; home tiles that state their period and open the same number; the server-drawn
 * chart image; thumbs-down → the wrong-answers queue → its screen; a one-synonym change reviewed as a one-line
 * diff with the submitter and both reasons; and a screenshot of every screen at both sizes with its load time.
 * Writes test-artifacts/web-timings.json (page-load and answer-render times from the Performance API).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerRenderTimes, askInChat, launchBrowser, signInAsDemo, signInWithPassword } from './browser.ts';
import { captureScreens, consoleWatch, DESKTOP, PHONE } from './screen-tour.ts';
import { startWebTestServer, type WebTestServer } from './test-server.ts';

const TIMINGS_FILE = fileURLToPath(new URL('../../test-artifacts/web-timings.json', import.meta.url));
const QUESTION = '上个季度各地区的流失率';
const SYNONYM = '蒸发率';
/** Each step waits on a loaded shared machine (2 cores, several sessions). */
const TIMEOUT = 300_000;

describe('issue 22 screens in chromium', () => {
  let server: WebTestServer;
  let browser: Browser;
  const profiles: BrowserContext[] = [];
  const timings: {
    screens: Record<string, Record<string, number>>;
    answerRenderMs: Record<string, number[]>;
  } = { screens: {}, answerRenderMs: {} };
  const shots: string[] = [];
  let conversationPath = '';
  let sharePath = '';

  async function open(locale: 'zh-CN' | 'en-US', viewport: typeof DESKTOP, clipboard = false): Promise<Page> {
    const profile = await browser.newContext({ locale, viewport, acceptDownloads: true });
    if (clipboard)
      await profile.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
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
    mkdirSync(fileURLToPath(new URL('.', `file://${TIMINGS_FILE}`)), { recursive: true });
    writeFileSync(TIMINGS_FILE, `${JSON.stringify({ ...timings, screenshots: shots }, null, 2)}\n`);
    console.log(`[web-screens] ${shots.length} screenshots; timings in ${TIMINGS_FILE}`);
  });

  describe('the analyst on a desktop (zh)', () => {
    let page: Page;
    let watch: ReturnType<typeof consoleWatch>;
    beforeAll(async () => {
      page = await open('zh-CN', DESKTOP, true);
      watch = consoleWatch(page);
    });

    it(
      'signs in, reads the tiles, asks and views the answer: no console error, no failed request',
      async () => {
        await page.goto(`${server.url}/`);
        await page.locator('.demo-user').first().waitFor();
        await signInAsDemo(page, server.url, 'analyst');
        const churn = page.locator('.kpi-tile[data-metric="churn_rate"]');
        expect(await churn.locator('.kpi-period').textContent()).toBe('2026年第3季度');
        expect(await churn.locator('.kpi-change').textContent()).toMatch(/^较上期 [▲▼]? ?\d/);
        // At-risk customers are counted now: "当前", and no change line (never a made-up "较上期 0").
        const atRisk = page.locator('.kpi-tile[data-metric="at_risk_customers"]');
        expect(await atRisk.locator('.kpi-period').textContent()).toBe('当前');
        expect(await atRisk.locator('.kpi-change').count()).toBe(0);

        // The tile opens its own number: the same metric over the same quarter.
        const shown = (await churn.locator('.kpi-value').textContent())!;
        await churn.locator('button').click();
        const tileTurn = await (async () => {
          await page.locator('.turn[data-state="done"]').first().waitFor({ timeout: 60_000 });
          return page.locator('.turn').first();
        })();
        expect(await tileTurn.locator('.turn-question').textContent()).toBe('2026年第3季度的流失率');
        expect(await tileTurn.locator('.answer').textContent()).toContain(shown);
        const chips = await tileTurn.locator('.chip .chip-value').allTextContents();
        expect(chips).toContain('流失率');
        expect(chips.join(' ')).toMatch(/2026年第3季度|2026-07-01/);

        const turn = await askInChat(page, QUESTION);
        expect(await turn.locator('.answer-chart svg .mark-rect path').count()).toBe(7);
        conversationPath = new URL(page.url()).hash;
        await turn.locator('.share-button').click();
        sharePath = new URL(await turn.locator('.share-url').inputValue()).hash;
        timings.answerRenderMs['analyst-zh-desktop'] = await answerRenderTimes(page);
        expect(watch.problems()).toEqual([]);
      },
      TIMEOUT,
    );

    it(
      'copies the chart as the server-drawn PNG and downloads the same image',
      async () => {
        const turn = page.locator('.turn').last();
        await turn.locator('.copy-image').click();
        await turn.locator('.image-status', { hasText: '图表图片已复制' }).waitFor();
        const types = await page.evaluate(async () => (await navigator.clipboard.read())[0]?.types ?? []);
        expect(types).toContain('image/png');
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          turn.locator('.download-png').click(),
        ]);
        expect(download.suggestedFilename()).toBe(`${QUESTION}.png`);
        const png = readFileSync((await download.path())!);
        expect(png.subarray(1, 4).toString()).toBe('PNG');
        // Drawn 720 px wide at 2× (plus axis padding) by the renderer Slack and WeCom get, not a canvas grab.
        expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(1440);
        expect(watch.problems()).toEqual([]);
      },
      TIMEOUT,
    );

    it(
      'names stored codes in words on the customer and campaign screens',
      async () => {
        const customer = await page.evaluate(
          async () =>
            (
              (await (await fetch('/api/customers/at-risk?pageSize=1')).json()) as {
                customers: { customerId: string }[];
              }
            ).customers[0]!.customerId,
        );
        await page.goto(`${server.url}/#/customer/${customer}`);
        await page.locator('.customer-grid').waitFor({ timeout: 60_000 });
        const facts = await page
          .locator('.customer-grid .facts dt, .customer-grid .facts dd')
          .allTextContents();
        const reasons = await page.locator('.customer-grid .reason-list li').allTextContents();
        expect(facts).toEqual(expect.arrayContaining(['地区', '价值分层']));
        // No snake_case code (inactive_high_value, value_tier…) among the labels, values and reasons.
        expect([...facts, ...reasons].filter((text) => /^[a-z]+(_[a-z]+)+/.test(text))).toEqual([]);
        await page.goto(`${server.url}/#/campaigns?new=shipping_voucher`);
        const form = page.locator('.campaign-form');
        await form.waitFor();
        expect(await form.locator('strong').textContent()).toBe('新建活动：运费券与优先配送');
        expect(await form.locator('select option').allTextContents()).toEqual([
          '短信',
          '邮件',
          '企业微信',
          '电话任务',
        ]);
        expect(watch.problems()).toEqual([]);
      },
      TIMEOUT,
    );

    it(
      'sends thumbs-down to the wrong-answers queue, where the analyst records the right reading',
      async () => {
        await page.goto(`${server.url}/${conversationPath}`);
        const turn = page.locator('.turn').last();
        await turn.locator('.answer-chart[data-rendered]').waitFor({ timeout: 60_000 });
        await turn.locator('.feedback .icon-button').nth(1).click();
        await turn.locator('.feedback textarea').fill('应该按城市拆分');
        await turn.locator('.feedback button[type="submit"]').click();
        await turn.locator('.feedback [role="status"]', { hasText: '感谢反馈' }).waitFor();

        await page.locator('.main-nav a[href="#/wrong-answers"]').click();
        const item = page.locator('.wrong-item', { hasText: QUESTION });
        await item.waitFor();
        expect(await item.locator('.wrong-comment').textContent()).toContain('应该按城市拆分');
        // The interpretation in words, as the chips say it: no intent codes, no JSON.
        const given = await item.locator('.given-query').innerText();
        for (const words of ['拆分', '流失率', '地区', '2026年第3季度']) expect(given).toContain(words);
        const screen = await page.locator('.wrong-answers').innerText();
        expect(screen).not.toMatch(/\b[a-z]+_[a-z0-9_]+\b/);
        expect(screen).not.toMatch(/[{}]/);
        expect(screen).not.toMatch(/\b(breakdown|metric|region|churn_rate)\b/);
        await item.locator('.wrong-correction select[name="intent"]').selectOption('breakdown');
        await item.locator('.wrong-query-json summary').click();
        const query = item.locator('textarea[name="query"]');
        const pinned = JSON.parse(await query.inputValue());
        await query.fill(JSON.stringify({ ...pinned, dimensions: ['city'] }, null, 2));
        await item.locator('textarea[name="notes"]').fill('按城市看');
        await item.locator('.wrong-correction button[type="submit"]').click();
        await item.locator('p.notice[role="status"]').waitFor({ state: 'visible' });
        await page.goto(`${server.url}/#/wrong-answers?status=resolved`);
        const resolved = page.locator('.wrong-item[data-status="resolved"]', { hasText: QUESTION });
        await resolved.waitFor();
        const recorded = await resolved.locator('.wrong-recorded').innerText();
        for (const words of ['拆分', '城市', '按城市看']) expect(recorded).toContain(words);
        expect(recorded).not.toMatch(/[{}"]|\bcity\b/);
        const exported = await page.evaluate(async () =>
          (await fetch('/api/wrong-answers/export.yaml')).text(),
        );
        expect(exported).toContain(QUESTION);
        expect(exported).toContain('city');
        expect(watch.problems()).toEqual([]);
      },
      TIMEOUT,
    );

    it(
      'submits a one-synonym change with its reason',
      async () => {
        await page.goto(`${server.url}/#/editor`);
        await page.locator('.new-draft').first().click();
        await page.waitForURL(/#\/editor\/retail\/\d+$/);
        await page.locator('.member-list button[data-member="churn_rate"]').click();
        const form = page.locator('.member-form[data-member="churn_rate"]');
        const synonyms = form.locator('textarea[name="synonyms.zh"]');
        await synonyms.fill(`${await synonyms.inputValue()}\n${SYNONYM}`);
        await form.locator('button[type="submit"]').click();
        await page.locator('.issues .valid-note').waitFor();
        await page.locator('textarea.submit-note').fill('业务方常说“蒸发率”');
        await page.locator('.submit-review').click();
        await page.locator('h1 [data-status="in_review"]').waitFor();
      },
      TIMEOUT,
    );
  });

  describe('the admin reviews it on a phone (en)', () => {
    it(
      'sees a one-line diff, the submitter and their reason, and approves with a reason',
      async () => {
        const page = await open('en-US', PHONE);
        const watch = consoleWatch(page);
        await signInWithPassword(page, server.url, 'demo_admin', 'demo-admin');
        await page.goto(`${server.url}/#/review`);
        const card = page.locator('.review-card').first();
        await card.locator('.diff').first().waitFor();
        expect(await card.locator('.review-submitter').textContent()).toMatch(/^Submitted by .*analyst/);
        expect(await card.locator('.review-reason').textContent()).toBe(
          'Author’s reason: 业务方常说“蒸发率”',
        );
        // churn_rate's zh synonyms are laid out one per line (Biome's YAML format): one added line.
        expect(await card.locator('.diff-del').allTextContents()).toEqual([]);
        expect(await card.locator('.diff-add').allTextContents()).toEqual([
          expect.stringMatching(new RegExp(`^\\+ +${SYNONYM},$`)),
        ]);
        const version = await card.getAttribute('data-version');
        await card.locator('textarea').fill('Synonym only; the definition is unchanged');
        await card.locator('.approve').click();
        const published = page.locator(
          `.version-history .version-card[data-version="${version}"][data-status="published"]`,
        );
        await published.waitFor({ timeout: 60_000 });
        expect(await published.textContent()).toContain(
          'Review comment: Synonym only; the definition is unchanged',
        );
        expect(await published.textContent()).toContain('Author’s reason: 业务方常说“蒸发率”');
        expect(
          (await page.locator('.approve, .rollback').first().boundingBox())?.height ?? 44,
        ).toBeGreaterThanOrEqual(44);
        expect(watch.problems()).toEqual([]);
      },
      TIMEOUT,
    );
  });

  describe('every screen at both sizes', () => {
    it(
      'saves a screenshot of each screen on a desktop (zh) and on a phone (en), with its load time',
      async () => {
        const combos = [
          { locale: 'zh-CN', viewport: DESKTOP, tag: 'zh-desktop' },
          { locale: 'en-US', viewport: PHONE, tag: 'en-phone' },
        ] as const;
        for (const combo of combos) {
          const signedOut = await open(combo.locale, combo.viewport);
          const analyst = await open(combo.locale, combo.viewport);
          const admin = await open(combo.locale, combo.viewport);
          await signInAsDemo(analyst, server.url, 'analyst');
          await signInWithPassword(admin, server.url, 'demo_admin', 'demo-admin');
          await analyst.goto(`${server.url}/#/chat`);
          const asked = await askInChat(
            analyst,
            combo.locale === 'zh-CN' ? '过去12个月的流失率趋势' : 'churn rate by region last quarter',
          );
          expect(await asked.locator('.answer-chart[data-rendered]').count()).toBe(1);
          timings.answerRenderMs[`tour-${combo.tag}`] = await answerRenderTimes(analyst);
          const customer = await analyst.evaluate(
            async () =>
              (
                (await (await fetch('/api/customers/at-risk?pageSize=1')).json()) as {
                  customers: { customerId: string }[];
                }
              ).customers[0]!.customerId,
          );
          const result = await captureScreens(server.url, combo.tag, [
            { page: signedOut, screens: ['sign-in'] },
            {
              page: analyst,
              screens: [
                'home',
                conversationPath.slice(2),
                'boards',
                'catalog',
                'at-risk',
                `customer/${customer}`,
                'campaigns',
                'tasks',
                'inbox',
                'subscriptions',
                'monitors/retail/new',
                'editor',
                'upload',
                'wrong-answers?status=all',
                'password',
                sharePath.slice(2),
              ],
            },
            { page: admin, screens: ['review'] },
          ]);
          shots.push(...result.shots);
          Object.assign(timings.screens, result.timings);
        }
        expect(shots.length).toBe(2 * 18);
        for (const [screen, t] of Object.entries(timings.screens)) {
          expect(t.ready, screen).toBeGreaterThan(0);
          expect(t.ready, screen).toBeLessThan(30_000);
        }
      },
      3 * TIMEOUT,
    );
  });
});
