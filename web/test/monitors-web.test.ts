/**
 * Inbox, subscriptions, subscribing from the chat and from an answer, and the monitor editor, in
 * chromium against the real server (issue 15). The monitors' clock is the test's: a subscription made on
 * Sunday fires when the test moves it to Monday 09:00 Shanghai and ticks the scheduler. Chinese
 * (manager_south, with their row-level access) and English (analyst); screenshots at desktop size and
 * 390×844 under test-artifacts/screenshots/ (git-ignored); touch targets ≥ 44 px and no sideways scroll
 * on the phone.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askInChat, launchBrowser, newProfile, pageErrors, screenshot, signInAsDemo } from './browser.ts';
import { startWebTestServer, type WebTestServer } from './test-server.ts';

const SUNDAY = Date.parse('2026-10-04T12:00:00Z');
const MONDAY_9_SHANGHAI = Date.parse('2026-10-05T01:00:00Z');

describe('inbox, subscriptions and monitors in the browser', () => {
  let server: WebTestServer;
  let browser: Browser;
  let clockMs = SUNDAY;
  const shots: string[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startWebTestServer({ monitors: { start: false, smtp: null, now: () => new Date(clockMs) } }),
      launchBrowser(),
    ]);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    console.log(`[web] monitor screenshots:\n  ${shots.join('\n  ')}`);
  });

  /** Screenshots at desktop size and on a phone; on the phone, checks touch targets and overflow. */
  async function both(page: Page, name: string, scope: string): Promise<void> {
    shots.push(await screenshot(page, `${name}-desktop`));
    await page.setViewportSize({ width: 390, height: 844 });
    shots.push(await screenshot(page, `${name}-390x844`));
    const small = await page.evaluate((selector) => {
      const out: string[] = [];
      for (const el of Array.from(
        document.querySelectorAll(
          `${selector} :is(button, select, input:not([type=checkbox]), a.btn, summary)`,
        ),
      )) {
        const box = (el as HTMLElement).getBoundingClientRect();
        if (box.width > 0 && box.height > 0 && box.height < 44)
          out.push(`${el.tagName}.${(el as HTMLElement).className} ${Math.round(box.height)}px`);
      }
      return out;
    }, scope);
    expect(small, `${name}: touch targets under 44 px`).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(overflow, `${name}: page wider than the phone`).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  it('zh: manager_south subscribes from the chat and from an answer, manages it, and reads the insight', async () => {
    const profile = await newProfile(browser, 'zh-CN');
    const page = await profile.newPage();
    const errors = pageErrors(page);
    await signInAsDemo(page, server.url, 'manager_south');
    await page.goto(`${server.url}/#/chat`);

    // 1. From the chat: a confirmation card, nothing created until Confirm.
    const turn = await askInChat(page, '每周一提醒我华南的流失率');
    const card = turn.locator('.subscription-proposal');
    await card.waitFor();
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('华南的流失率');
    expect(text).toContain('流失率 · 地区 = 华南');
    expect(text).toContain('每周一 9:00（Asia/Shanghai）');
    expect(text).toContain('网页收件箱');
    expect(text).toContain('仅限您的数据：地区 华南');
    await both(page, 'chat-subscription-card-zh', '.subscription-proposal');
    await card.locator('button', { hasText: '确认' }).click();
    await card.locator('[data-state="created"], .proposal-status').filter({ hasText: '已订阅' }).waitFor();
    expect(await card.getAttribute('data-state')).toBe('created');
    expect(await card.locator('.proposal-status').textContent()).toMatch(/下次发送：.*2026.*10.*5/);

    // 2. From an answer's menu: every Friday 08:30 to the inbox.
    const answer = await askInChat(page, '上个季度的流失率');
    await answer.locator('.subscribe-menu summary').click();
    const form = answer.locator('.subscribe-form');
    await form.locator('select[name=frequency]').selectOption('weekly');
    await form.locator('select[name=weekday]').selectOption('5');
    await form.locator('input[name=time]').fill('08:30');
    await form.locator('select[name=channel]').selectOption('inbox');
    await both(page, 'answer-subscribe-menu-zh', '.subscribe-menu');
    await form.locator('button[type=submit]').click();
    await form.locator('.subscribe-status').filter({ hasText: '已订阅' }).waitFor();

    // 3. The subscriptions screen: both, in words, with the next run; pause and resume.
    await page.goto(`${server.url}/#/subscriptions`);
    const cards = page.locator('.subscription-card');
    await cards.first().waitFor();
    expect(await cards.count()).toBe(2);
    const south = cards.filter({ hasText: '华南的流失率' });
    expect(await south.textContent()).toContain('每周一 9:00（Asia/Shanghai）');
    expect(await south.locator('.next-run').textContent()).toMatch(/2026.*10.*5/);
    const friday = cards.filter({ hasText: '上个季度的流失率' });
    expect(await friday.textContent()).toContain('每周五 8:30');
    await friday.locator('button.toggle-active').click();
    await page.locator('.subscription-card[data-active="false"]').waitFor();
    expect(await page.locator('.subscription-card[data-active="false"]').textContent()).toContain('已暂停');
    await both(page, 'subscriptions-zh', '.monitors-screen');
    await page.locator('.subscription-card[data-active="false"] button.toggle-active').click();
    await page.locator('.subscription-card[data-active="false"]').waitFor({ state: 'detached' });

    // 4. Monday 09:00 Shanghai: the scheduler fires; the insight is in the inbox, unread.
    clockMs = MONDAY_9_SHANGHAI;
    await server.product!.monitors.tick();
    await page.goto(`${server.url}/#/inbox`);
    const insight = page.locator('.insight-card').first();
    await insight.waitFor();
    expect(await page.locator('.insight-card').count()).toBe(1);
    expect(await insight.getAttribute('data-read')).toBe('false');
    expect(await insight.locator('h2').textContent()).toBe('订阅：华南的流失率');
    const headline = ((await insight.locator('.insight-body').textContent()) ?? '').split('\n')[0]!;
    expect(headline).toMatch(/^2026年Q\d 流失率为 \d+\.\d%/);
    expect(await page.locator('.screen-head .badge').textContent()).toBe('1 条未读');
    await both(page, 'inbox-zh', '.monitors-screen');
    await insight.locator('button.toggle-read').click();
    await page.locator('.insight-card[data-read="true"]').waitFor();
    expect(await page.locator('.screen-head .badge').textContent()).toBe('0 条未读');
    await page.locator('#inbox-unread-only').check();
    await page.locator('.inbox-body .state-empty').waitFor();
    await page.locator('#inbox-unread-only').uncheck();

    // 5. "Open in chat" re-asks the question.
    await page.locator('.insight-card button.open-in-chat').click();
    const reasked = page.locator('.turn[data-state="done"]').last();
    await reasked.waitFor({ timeout: 60_000 });
    expect(await reasked.locator('.turn-question').textContent()).toBe('华南的流失率');
    expect(await reasked.locator('.answer').getAttribute('data-kind')).toBe('answer');
    // The insight says what the same question answers now, with the same (华南) access.
    expect(await reasked.locator('.narrative').textContent()).toBe(headline);
    expect(errors).toEqual([]);
    await profile.close();
  }, 300_000);

  it('en: the analyst subscribes from the chat, sees the subscriptions and inbox in English, and edits a monitor into a draft', async () => {
    const profile = await newProfile(browser, 'en-US');
    const page = await profile.newPage();
    const errors = pageErrors(page);
    await signInAsDemo(page, server.url, 'analyst');
    await page.goto(`${server.url}/#/chat`);
    const turn = await askInChat(page, 'remind me of the churn rate every Monday');
    const card = turn.locator('.subscription-proposal');
    await card.waitFor();
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('every Monday at 9:00 (Asia/Shanghai)');
    expect(text).toContain('web inbox');
    expect(text).toContain('all data (no row-level restriction)');
    await both(page, 'chat-subscription-card-en', '.subscription-proposal');
    await card.locator('button', { hasText: 'Cancel' }).click();
    expect(await card.locator('.proposal-status').textContent()).toBe('Cancelled: nothing was subscribed.');
    await page.goto(`${server.url}/#/subscriptions`);
    await page.locator('.subscriptions-body .state-empty').waitFor();
    // Subscribe to a governed monitor on its own schedule.
    const monitorForm = page.locator('.monitor-subscribe-form');
    await monitorForm.locator('select[name=monitor]').selectOption('churn_rate_weekly');
    await monitorForm.locator('button[type=submit]').click();
    await page.locator('.subscription-card').filter({ hasText: 'Weekly churn rate' }).waitFor();
    expect(await page.locator('.subscription-card').textContent()).toContain(
      'every Monday at 9:00 (Asia/Shanghai)',
    );
    await both(page, 'subscriptions-en', '.monitors-screen');
    await page.goto(`${server.url}/#/inbox`);
    await page.locator('.inbox-body .state-empty').waitFor();
    await both(page, 'inbox-en', '.monitors-screen');

    // The monitor editor: from the catalog, edit south_churn_rate's condition into the analyst's draft.
    await page.goto(`${server.url}/#/catalog`);
    await page.locator('a.catalog-monitors').click();
    await page.locator('.monitor-card[data-monitor="south_churn_rate"] a.btn').click();
    const editor = page.locator('form.monitor-form');
    await editor.waitFor();
    expect(await editor.locator('select[name=condition]').inputValue()).toBe('change');
    expect(await editor.locator('input[name=by]').inputValue()).toBe('0.5');
    await editor.locator('input[name=by]').fill('0.8');
    await editor.locator('select[name=owner], input[name=owner]').fill('analyst');
    await editor.locator('button[type=submit]').click();
    const result = editor.locator('.monitor-save-result');
    await result
      .locator('[role=status]')
      .filter({ hasText: /Saved to draft v\d+\./ })
      .waitFor({ timeout: 60_000 });
    expect(await result.locator('.valid-note').count()).toBe(1);
    await both(page, 'monitor-editor-en', '.monitors-screen');
    await result.locator('button.submit-review').click();
    await result.locator('[role=status]').filter({ hasText: 'waiting for review' }).waitFor();
    expect(errors).toEqual([]);
    await profile.close();
  }, 300_000);
});
