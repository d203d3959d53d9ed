import { api, query } from '../api/client.ts';
import type { HomeResponse, HomeTile, SemanticQuery } from '../api/types.ts';
import { CatalogIndex, loadCatalog } from '../catalog-store.ts';
import { sparkline } from '../components/sparkline.ts';
import { emptyState, loadInto } from '../components/states.ts';
import { h } from '../dom.ts';
import { formatValue } from '../format.ts';
import { lang, t } from '../i18n/i18n.ts';
import { currentModel } from '../model-choice.ts';
import { rangeLabel } from '../period-label.ts';
import { navigate } from '../router.ts';
import { currentUser } from '../session.ts';
import { homeBoards } from './boards.ts';

/** Whether a change is good news: down is good for lower-is-better metrics such as churn rate. */
export function changeTone(change: number | null, lowerIsBetter: boolean): 'good' | 'bad' | 'flat' {
  if (change === null || change === 0 || !Number.isFinite(change)) return 'flat';
  return change > 0 !== lowerIsBetter ? 'good' : 'bad';
}

/** The tile's own governed query: the same metric over the same period, so its answer shows the same number. */
export function tileQuery(item: HomeTile, model: string): SemanticQuery {
  return {
    model,
    metrics: [item.metric],
    ...(item.period ? { timeRange: item.period } : {}),
  } as SemanticQuery;
}

function tile(item: HomeTile, model: string, lowerIsBetter: boolean): HTMLElement {
  const tone = changeTone(item.change, lowerIsBetter);
  const changeFormat = item.format === 'percent' ? 'percent_points' : item.format;
  const arrow = item.change === null || item.change === 0 ? '' : item.change > 0 ? '▲ ' : '▼ ';
  const period = item.period ? rangeLabel(item.period) : t('home.now');
  const question = t('home.tileQuestion', { label: item.label, period });
  return h(
    'li',
    { class: 'kpi-tile', 'data-metric': item.metric },
    h(
      'button',
      {
        type: 'button',
        class: 'kpi-button',
        onclick: () => navigate('chat', { q: question, query: JSON.stringify(tileQuery(item, model)) }),
        title: t('home.askAbout', { label: item.label }),
      },
      h('span', { class: 'kpi-label' }, item.label),
      h('span', { class: 'kpi-period muted small' }, period),
      h('span', { class: 'kpi-value' }, formatValue(item.value, item.format, true)),
      // No previous value (a number counted now): no change line, rather than a made-up "0".
      item.previous === null || item.change === null
        ? null
        : h(
            'span',
            { class: `kpi-change tone-${tone}` },
            t('home.changeVsPrevious', {
              change: `${arrow}${formatValue(Math.abs(item.change), changeFormat, true)}`,
            }),
          ),
      item.spark.length > 0 &&
        h(
          'span',
          { class: `kpi-spark tone-${tone}` },
          sparkline(
            item.spark.map((p) => p.value),
            t('home.sparkLabel', { label: item.label }),
          ),
        ),
    ),
  );
}

/** Home: KPI tiles with sparklines and the change against the previous period, and suggested questions. */
export function homeScreen(outlet: HTMLElement): void {
  const user = currentUser();
  const body = h('div', { class: 'home-body' });
  outlet.replaceChildren(
    h(
      'div',
      { class: 'home' },
      h('h1', null, t('home.greeting', { name: user?.displayName ?? '' })),
      user &&
        Object.keys(user.attributes).length > 0 &&
        h(
          'p',
          { class: 'notice' },
          t('home.scoped', { scope: Object.values(user.attributes).flat().join(t('list.separator')) }),
        ),
      body,
      homeBoards(),
    ),
  );
  void loadInto(
    body,
    async () => {
      const [home, catalog] = await Promise.all([
        api<HomeResponse>('GET', `/api/home${query({ language: lang(), model: currentModel() })}`),
        loadCatalog(currentModel())
          .then((c) => new CatalogIndex(c))
          .catch(() => null),
      ]);
      return { home, catalog };
    },
    ({ home, catalog }) => {
      performance.mark('chatbi:home-ready');
      return [
        home.tiles.length === 0
          ? emptyState(t('home.noTiles'))
          : h(
              'ul',
              { class: 'kpi-tiles', 'aria-label': t('home.kpis') },
              home.tiles.map((item) =>
                tile(
                  item,
                  home.model,
                  item.lowerIsBetter ?? catalog?.metric(item.metric)?.lowerIsBetter ?? false,
                ),
              ),
            ),
        h(
          'section',
          { class: 'home-suggestions' },
          h('h2', null, t('home.suggested')),
          home.suggestions.length === 0
            ? emptyState(t('home.noSuggestions'))
            : h(
                'ul',
                { class: 'suggestion-list' },
                home.suggestions.map((q) =>
                  h(
                    'li',
                    null,
                    h(
                      'button',
                      { type: 'button', class: 'suggestion', onclick: () => navigate('chat', { q }) },
                      q,
                    ),
                  ),
                ),
              ),
        ),
      ];
    },
  );
}
