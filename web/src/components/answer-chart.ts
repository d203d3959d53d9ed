import { h } from '../dom.ts';
import { t } from '../i18n/i18n.ts';

type Spec = Record<string, unknown>;

/** Fits a server spec to its container unless it sets its own width. */
export function responsiveSpec(spec: Spec): Spec {
  const fitted: Spec = { ...spec };
  if (fitted.width === undefined && !('facet' in fitted) && !('hconcat' in fitted) && !('concat' in fitted)) {
    fitted.width = 'container';
  }
  fitted.autosize ??= { type: 'fit', contains: 'padding' };
  // On a phone the legend goes below the chart instead of taking a third of its width.
  if (globalThis.matchMedia?.('(max-width: 600px)').matches) {
    const config = (fitted.config ?? {}) as Spec;
    fitted.config = {
      ...config,
      legend: { ...((config.legend as Spec) ?? {}), orient: 'bottom', direction: 'horizontal' },
    };
  }
  return fitted;
}

/** Loads the chart library in the background, so the first answer does not wait for it. */
let preloaded = false;
export function preloadChartLibrary(): void {
  if (preloaded) return;
  preloaded = true;
  const idle = (globalThis as { requestIdleCallback?: (run: () => void) => void }).requestIdleCallback;
  const load = () => void Promise.all([import('vega-embed'), import('vega-interpreter')]).catch(() => {});
  if (idle) idle(load);
  else setTimeout(load, 200);
}

/**
 * The answer's Vega-Lite chart, rendered as SVG by vega-embed (loaded on first use, so the first page
 * stays light). Resolves when the chart is drawn; a failure shows a message instead of the chart.
 */
export function answerChart(
  spec: Spec,
  title: string,
  onDatum?: (datum: Record<string, unknown>) => void,
): { element: HTMLElement; rendered: Promise<void> } {
  const target = h('div', { class: 'chart-canvas' });
  const element = h('figure', { class: 'answer-chart', 'aria-label': title }, target);
  const rendered = (async () => {
    try {
      const [{ default: embed }, { expressionInterpreter }] = await Promise.all([
        import('vega-embed'),
        import('vega-interpreter'),
      ]);
      const result = await embed(target, responsiveSpec(spec) as never, {
        renderer: 'svg',
        // The server's Content-Security-Policy allows no eval: Vega interprets its expressions instead.
        ast: true,
        expr: expressionInterpreter,
        actions: { export: true, source: false, compiled: false, editor: false },
        i18n: {
          PNG_ACTION: t('chart.savePng'),
          SVG_ACTION: t('chart.saveSvg'),
          CLICK_TO_VIEW_ACTIONS: t('chart.actions'),
          COMPILED_ACTION: '',
          EDITOR_ACTION: '',
          SOURCE_ACTION: '',
        },
      });
      element.dataset.rendered = 'true';
      if (onDatum) {
        element.dataset.drillable = 'true';
        result.view.addEventListener('click', (_event, item) => {
          const datum = (item as { datum?: Record<string, unknown> } | null)?.datum;
          if (datum) onDatum(datum);
        });
      }
      // Keep the chart in step with the container's width (the chat column resizes with the window).
      const observer = new ResizeObserver(() => void result.view.resize().runAsync());
      observer.observe(target);
    } catch (error) {
      target.replaceChildren(
        h('p', { class: 'state state-error' }, t('chart.failed', { message: (error as Error).message })),
      );
      element.dataset.rendered = 'error';
    }
  })();
  return { element, rendered };
}
