/**
 * Browser-test helpers for issue 22's screen tour: a console/network watch for "a clean visit", and a tour
 * that opens each screen with a full page load, waits until it has drawn (no loading indicator), measures
 * the load with the Performance API and saves a full-page screenshot.
 */
import type { Page } from 'playwright-core';
import { screenshot } from './browser.ts';

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };

/** Console errors, uncaught errors, failed requests and HTTP error responses seen by a page. */
export function consoleWatch(page: Page): { problems(): string[] } {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('requestfailed', (request) =>
    problems.push(`failed: ${request.method()} ${request.url()} ${request.failure()?.errorText ?? ''}`),
  );
  page.on('response', (response) => {
    if (response.status() >= 400)
      problems.push(`http ${response.status()}: ${response.request().method()} ${response.url()}`);
  });
  return { problems: () => [...problems] };
}

/** Load timings of the current document (ms since navigation start). */
export interface ScreenTiming {
  domContentLoaded: number;
  load: number;
  /** The screen drawn: its outlet filled and no loading indicator left. */
  ready: number;
}

let loads = 0;

/** Opens `route` with a full load, waits until drawn, and returns its timings. */
export async function openScreen(page: Page, baseUrl: string, route: string): Promise<ScreenTiming> {
  loads += 1;
  await page.goto(`${baseUrl}/?load=${loads}#/${route}`);
  await page.waitForFunction(
    () => {
      const main = document.querySelector('main#main');
      if (!main || main.children.length === 0) return false;
      return !document.querySelector('.state-loading, .answer-chart:not([data-rendered])');
    },
    undefined,
    { timeout: 60_000, polling: 50 },
  );
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return {
      domContentLoaded: Math.round(nav?.domContentLoadedEventEnd ?? -1),
      load: Math.round(nav?.loadEventEnd ?? -1),
      ready: Math.round(performance.now()),
    };
  });
}

/** A screen's name for its file: `chat/abc` → `chat`, `wrong-answers?status=all` → `wrong-answers`. */
function screenName(route: string): string {
  const first = route.split(/[/?]/)[0]!;
  return first === 'monitors' ? 'monitor-editor' : first;
}

/** Opens every screen of each page in turn; screenshots `<screen>-<tag>.png` and collects timings. */
export async function captureScreens(
  baseUrl: string,
  tag: string,
  tours: { page: Page; screens: string[] }[],
): Promise<{ shots: string[]; timings: Record<string, ScreenTiming> }> {
  const shots: string[] = [];
  const timings: Record<string, ScreenTiming> = {};
  for (const { page, screens } of tours) {
    for (const route of screens) {
      const name = `${screenName(route)}-${tag}`;
      timings[name] = await openScreen(page, baseUrl, route);
      shots.push(await screenshot(page, `screen-${name}`));
    }
  }
  return { shots, timings };
}
