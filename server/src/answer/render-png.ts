import { existsSync } from 'node:fs';
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { VegaLiteSpec } from './presentation-input.ts';

/** CJK font files tried in order; the first that exists is loaded explicitly. */
export const CJK_FONT_FILES = [
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc',
];
/** Width of server-rendered charts (a spec's "container" width has no container here). */
export const PNG_WIDTH = 720;

export interface RenderedChart {
  png: Buffer;
  width: number;
  height: number;
  svg: string;
  /** The CJK font file loaded, or null when none was found (Chinese labels then may not show). */
  cjkFont: string | null;
  warnings: string[];
}

/** The resvg font options: the first CJK font found, plus the system fonts as fallback. */
export function fontOptions(candidates: string[] = CJK_FONT_FILES): {
  options: ResvgRenderOptions['font'];
  cjkFont: string | null;
} {
  const cjkFont = candidates.find((f) => existsSync(f)) ?? null;
  return {
    cjkFont,
    options: {
      fontFiles: cjkFont ? [cjkFont] : [],
      loadSystemFonts: true,
      defaultFontFamily: cjkFont ? 'WenQuanYi Micro Hei' : 'sans-serif',
      sansSerifFamily: cjkFont ? 'WenQuanYi Micro Hei' : 'DejaVu Sans',
    },
  };
}

/** Renders a Vega-Lite spec to SVG headlessly (no browser, no canvas). */
export async function renderChartSvg(spec: VegaLiteSpec, width = PNG_WIDTH): Promise<string> {
  const sized = { ...spec, width: spec.width === 'container' ? width : spec.width, background: 'white' };
  const { spec: vgSpec } = compile(sized as unknown as TopLevelSpec);
  const view = new vega.View(vega.parse(vgSpec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/**
 * Renders a chart to PNG for Slack and WeCom: vega-lite → vega (headless) → SVG → resvg, with a CJK font
 * loaded from its file so Chinese labels draw. Without one it still renders and says so in `warnings`.
 * @example const { png } = await renderChartPng(answer.chart!)
 */
export async function renderChartPng(
  spec: VegaLiteSpec,
  opts: { width?: number; fontFiles?: string[]; scale?: number } = {},
): Promise<RenderedChart> {
  const svg = await renderChartSvg(spec, opts.width);
  const { options, cjkFont } = fontOptions(opts.fontFiles);
  const warnings = cjkFont
    ? []
    : ['no CJK font found (install fonts-wqy-microhei): Chinese labels may render as blanks'];
  const scale = opts.scale ?? 2; // 2× for crisp images on high-density phone screens
  const image = new Resvg(svg, {
    font: options,
    fitTo: { mode: 'zoom', value: scale },
    background: 'white',
  }).render();
  return { png: image.asPng(), width: image.width, height: image.height, svg, cjkFont, warnings };
}
