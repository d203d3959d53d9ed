/** Drives Debian's chromium (headless) through playwright-core for the web app's browser tests. */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';

export const SCREENSHOT_DIR = fileURLToPath(new URL('../../test-artifacts/screenshots/', import.meta.url));

/** Launches headless chromium (CHROMIUM_PATH overrides /usr/bin/chromium). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
}

/** A fresh browser profile (own cookies) with the given browser language. */
export async function newProfile(browser: Browser, locale: 'zh-CN' | 'en-US'): Promise<BrowserContext> {
  return browser.newContext({ locale, viewport: { width: 1280, height: 900 }, acceptDownloads: true });
}

/** Collects uncaught page errors, so a test can assert there were none. */
export function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // Content-Security-Policy violations are console errors, not page errors.
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text()))
      errors.push(message.text());
  });
  return errors;
}

/** Opens the app and signs in with one click as a demo user; resolves on the home screen. */
export async function signInAsDemo(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/#/sign-in`);
  await page.locator(`.demo-user[data-username="${username}"]`).click();
  await page.locator('.kpi-tile').first().waitFor({ timeout: 60_000 });
}

/** Signs in with the password form (the demo admin has no one-click sign-in); resolves on the home screen. */
export async function signInWithPassword(
  page: Page,
  baseUrl: string,
  username: string,
  password: string,
): Promise<void> {
  await page.goto(`${baseUrl}/#/sign-in`);
  await page.locator('.sign-in-form input[name="username"]').fill(username);
  await page.locator('.sign-in-form input[name="password"]').fill(password);
  await page.locator('.sign-in-form button[type="submit"]').click();
  await page.locator('.kpi-tile').first().waitFor({ timeout: 60_000 });
}

/** Types a question into the chat and resolves with the finished turn (an answer or an error). */
export async function askInChat(page: Page, question: string): Promise<Locator> {
  const before = await page.locator('.turn').count();
  const box = page.locator('.question-box textarea');
  await box.fill(question);
  await box.press('Enter');
  return lastTurn(page, before);
}

/** The turn appended after `before` turns, once it is done and its chart (if any) is drawn. */
export async function lastTurn(page: Page, before: number): Promise<Locator> {
  const turn = page.locator('.turn').nth(before);
  await turn
    .and(page.locator('.turn:is([data-state="done"], [data-state="error"])'))
    .waitFor({ timeout: 60_000 });
  if ((await turn.locator('.answer-chart').count()) > 0) {
    await turn.locator('.answer-chart[data-rendered]').waitFor({ timeout: 30_000 });
  }
  return turn;
}

/** The text drawn in a turn's vega SVG (axis labels, titles, legends). */
export async function chartTexts(turn: Locator): Promise<string[]> {
  return turn.locator('.answer-chart svg text').allTextContents();
}

/** Saves a full-page screenshot under test-artifacts/screenshots/. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Page-load timings from the browser's performance API (ms since navigation start). */
export async function pageLoadTimings(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const home = performance.getEntriesByName('chatbi:home-ready')[0];
    return {
      domContentLoaded: Math.round(nav?.domContentLoadedEventEnd ?? -1),
      load: Math.round(nav?.loadEventEnd ?? -1),
      homeReady: Math.round(home?.startTime ?? -1),
    };
  });
}

/** Durations of every answer so far, from sending the question to a drawn chart (ms). */
export async function answerRenderTimes(page: Page): Promise<number[]> {
  return page.evaluate(() =>
    performance.getEntriesByName('chatbi:answer-render').map((entry) => Math.round(entry.duration)),
  );
}

/** The file the browser downloads when `button` is clicked (the PNG export). */
export async function downloadedFile(page: Page, button: Locator): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return readFileSync((await download.path())!);
}
