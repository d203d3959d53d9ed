import type { CatalogDimension, CatalogMetric, CatalogResponse, ExampleQuestion } from '../api/types.ts';
import { loadCatalog } from '../catalog-store.ts';
import { emptyState, loadInto } from '../components/states.ts';
import { h, uid } from '../dom.ts';
import { lang, pick, t } from '../i18n/i18n.ts';
import { currentModel, modelPicker } from '../model-choice.ts';
import { navigate } from '../router.ts';

type Member = (CatalogMetric | CatalogDimension) & { examples?: ExampleQuestion[] };

/** An example question's text in the current language. */
export function exampleText(example: ExampleQuestion): string {
  if (typeof example === 'string') return example;
  if ('question' in example) return exampleText(example.question);
  return pick(example);
}

/** Whether a member matches a search (id, labels, synonyms and descriptions in both languages). */
export function matchesSearch(member: Member, search: string): boolean {
  const needle = search.trim().toLowerCase();
  if (!needle) return true;
  const haystack = [
    member.id,
    member.label.zh,
    member.label.en,
    member.description.zh,
    member.description.en,
    ...member.synonyms.zh,
    ...member.synonyms.en,
  ];
  return haystack.some((text) => text?.toLowerCase().includes(needle));
}

/** The catalog's general example questions in the current language. */
export function generalExamples(catalog: CatalogResponse): string[] {
  const examples = catalog.examples;
  if (!examples) return [];
  return Array.isArray(examples) ? examples.map(exampleText) : (examples[lang()] ?? []);
}

/** Example questions for a member: the server's, or one built from its label. */
function examplesFor(member: Member, catalog: CatalogResponse): string[] {
  if (member.examples && member.examples.length > 0) return member.examples.map(exampleText);
  const byMember =
    catalog.examples && !Array.isArray(catalog.examples) ? catalog.examples.byMember : undefined;
  if (byMember?.[member.id]) return [pick(byMember[member.id])];
  const label = pick(member.label);
  if (member.kind === 'metric')
    return [
      lang() === 'zh' ? `上个季度的${label}是多少？` : `What was the ${label.toLowerCase()} last quarter?`,
    ];
  return [
    lang() === 'zh' ? `上个季度各${label}的流失率` : `Churn rate by ${label.toLowerCase()} last quarter`,
  ];
}

function memberCard(member: Member, catalog: CatalogResponse): HTMLElement {
  const other = lang() === 'zh' ? member.label.en : member.label.zh;
  const synonyms = member.synonyms[lang()].slice(0, 8);
  const values = member.kind === 'dimension' ? member.values.slice(0, 12) : [];
  return h(
    'li',
    { class: 'catalog-card', 'data-member': member.id },
    h(
      'div',
      { class: 'catalog-card-head' },
      h('h3', null, pick(member.label)),
      member.certified
        ? h(
            'span',
            { class: 'badge badge-certified', title: t('catalog.certifiedHint') },
            `✓ ${t('catalog.certified')}`,
          )
        : h('span', { class: 'badge badge-draft' }, t('catalog.uncertified')),
    ),
    h('p', { class: 'muted small' }, other, ' · ', h('code', null, member.id)),
    h('p', null, pick(member.description)),
    h(
      'dl',
      { class: 'facts compact' },
      h('dt', null, t('catalog.owner')),
      h('dd', null, member.owner),
      member.kind === 'metric' && [h('dt', null, t('catalog.format')), h('dd', null, member.format)],
      synonyms.length > 0 && [
        h('dt', null, t('catalog.synonyms')),
        h('dd', null, synonyms.join(t('list.separator'))),
      ],
      values.length > 0 && [
        h('dt', null, t('catalog.values')),
        h(
          'dd',
          null,
          values.map((v) => pick(v.label)).join(t('list.separator')),
          member.kind === 'dimension' && member.values.length > values.length ? ' …' : '',
        ),
      ],
    ),
    h(
      'div',
      { class: 'catalog-examples' },
      examplesFor(member, catalog).map((q) =>
        h(
          'button',
          { type: 'button', class: 'suggestion', onclick: () => navigate('chat', { q }) },
          `▶ ${q}`,
        ),
      ),
    ),
  );
}

/** The catalog: metrics and dimensions with definitions, owners, certified badges and runnable examples. */
export function catalogScreen(outlet: HTMLElement): void {
  const body = h('div', { class: 'catalog-body' });
  outlet.replaceChildren(
    h(
      'div',
      { class: 'catalog' },
      h('h1', null, t('catalog.title')),
      modelPicker(() => navigate('catalog')),
      h('p', null, h('a', { class: 'catalog-monitors', href: '#/monitors' }, t('monitors.catalogLink'))),
      body,
    ),
  );
  void loadInto(
    body,
    () => loadCatalog(currentModel()),
    (catalog: CatalogResponse) => {
      const searchId = uid('catalog-search');
      const search = h('input', {
        id: searchId,
        type: 'search',
        placeholder: t('catalog.searchPlaceholder'),
        autocomplete: 'off',
      });
      const results = h('div', { class: 'catalog-results', 'aria-live': 'polite' });
      const general = generalExamples(catalog);
      const render = () => {
        const needle = search.value;
        const metrics = catalog.metrics.filter((m) => matchesSearch(m, needle));
        const dimensions = catalog.dimensions.filter((d) => matchesSearch(d, needle));
        if (metrics.length + dimensions.length === 0) {
          results.replaceChildren(emptyState(t('catalog.noMatch', { search: needle })));
          return;
        }
        results.replaceChildren(
          h('h2', null, t('catalog.metrics'), ` (${metrics.length})`),
          metrics.length
            ? h(
                'ul',
                { class: 'catalog-grid' },
                metrics.map((m) => memberCard(m, catalog)),
              )
            : emptyState(t('catalog.none')),
          h('h2', null, t('catalog.dimensions'), ` (${dimensions.length})`),
          dimensions.length
            ? h(
                'ul',
                { class: 'catalog-grid' },
                dimensions.map((d) => memberCard(d, catalog)),
              )
            : emptyState(t('catalog.none')),
        );
      };
      search.addEventListener('input', render);
      render();
      return [
        h(
          'p',
          { class: 'muted' },
          t('catalog.modelInfo', {
            model: pick(catalog.label),
            version: catalog.version.slice(0, 12),
            asOf: catalog.asOf,
          }),
        ),
        general.length > 0 &&
          h(
            'div',
            { class: 'suggestions', role: 'group', 'aria-label': t('catalog.examples') },
            h('span', { class: 'muted' }, t('catalog.examples')),
            general.map((q) =>
              h('button', { type: 'button', class: 'suggestion', onclick: () => navigate('chat', { q }) }, q),
            ),
          ),
        h('label', { for: searchId, class: 'visually-hidden' }, t('catalog.search')),
        search,
        results,
      ].filter(Boolean) as Node[];
    },
  );
}
