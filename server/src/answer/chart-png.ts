/**
 * Chart images for chat channels and the web's "copy as image" / PNG export: `renderChartPng` (vega-lite →
 * SVG → PNG with the CJK font loaded from its file), cached by spec, since identical specs give identical
 * images and many askers ask alike.
 */
import { createHash } from 'node:crypto';
import type { VegaLiteSpec } from './presentation-input.ts';
import { renderChartPng } from './render-png.ts';

const MAX_ENTRIES = 64;
const cache = new Map<string, Promise<Buffer>>();

/** The PNG of a chart (1× scale is plenty in chat; Slack and WeCom scale it down on phones). */
export function chartPng(spec: Record<string, unknown>): Promise<Buffer> {
  const key = createHash('sha256').update(JSON.stringify(spec)).digest('hex');
  let png = cache.get(key);
  if (!png) {
    png = renderChartPng(spec as VegaLiteSpec, { scale: 2 }).then((r) => r.png);
    png.catch(() => cache.delete(key));
    cache.set(key, png);
    if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  }
  return png;
}
