/**
 * `#/wrong-answers` (analysts): the thumbs-down queue. Each item shows the question, its context and the
 * interpretation given in words (the chips' labels: intent, metric, dimensions, filters, period); the analyst
 * records the right interpretation (PUT …/correction; the query is edited as JSON behind a disclosure), and
 * corrected items export as eval cases (GET /api/wrong-answers/export.yaml).
 */
import { api, query } from '../api/client.ts';
import type { SemanticQuery } from '../api/types.ts';
import { CatalogIndex, loadCatalog } from '../catalog-store.ts';
import { intentWords, queryWords } from '../components/query-words.ts';
import { emptyState, errorMessage, loadInto } from '../components/states.ts';
import { h, uid } from '../dom.ts';
import { formatDateTime } from '../format.ts';
import { t } from '../i18n/i18n.ts';
import type { MessageId } from '../i18n/messages-en.ts';
import type { Route } from '../router.ts';

interface WrongAnswer {
  id: string;
  status: 'open' | 'resolved';
  createdAt: string;
  comment: string | null;
  reportedBy: string | null;
  model: string;
  question: string | null;
  earlierQuestions: string[];
  given: { kind: string | null; intent: string | null; query: unknown; narrative?: string | null };
  correction: { kind: string; intent?: string; query?: unknown; notes?: string } | null;
}

const KINDS = ['answer', 'clarify', 'out_of_scope'];
const INTENTS = [
  'metric',
  'breakdown',
  'trend',
  'comparison',
  'reasons',
  'drivers',
  'decomposition',
  'risk_list',
  'actions',
];

/** Each model's catalog (null when it cannot be read: the codes then show as themselves). */
type Catalogs = Map<string, CatalogIndex | null>;

function kindWords(kind: string | null | undefined): string {
  if (!kind) return '—';
  const id = `wrong.kindName.${kind}` as MessageId;
  return t(id) === id ? kind : t(id);
}

/** An interpretation in words: the answer kind and intent, then the query as the chips label it. */
function interpretationWords(
  kind: string | null | undefined,
  intent: string | null | undefined,
  semantic: unknown,
  catalog: CatalogIndex | null,
): HTMLElement[] {
  const given = semantic as SemanticQuery | null | undefined;
  return [
    h('p', { class: 'small wrong-intent' }, `${kindWords(kind)} · ${intentWords(intent)}`),
    given?.metrics && catalog ? queryWords(given, catalog) : h('span'),
  ];
}

function field(label: string, control: HTMLElement): HTMLElement {
  const id = uid('wrong');
  control.id = id;
  return h('div', { class: 'field' }, h('label', { for: id }, label), control);
}

function correctionForm(item: WrongAnswer, done: () => void): HTMLElement {
  const kind = h(
    'select',
    { name: 'kind' },
    KINDS.map((k) => h('option', { value: k, selected: k === (item.given.kind ?? 'answer') }, kindWords(k))),
  );
  const intents = [...new Set([item.given.intent ?? 'metric', ...INTENTS])];
  const intent = h(
    'select',
    { name: 'intent' },
    intents.map((i) => h('option', { value: i, selected: i === item.given.intent }, intentWords(i))),
  );
  const queryBox = h('textarea', {
    name: 'query',
    rows: 8,
    spellcheck: false,
    value: JSON.stringify(item.given.query ?? { model: item.model, metrics: [] }, null, 2),
  });
  const notes = h('textarea', { name: 'notes', rows: 2, maxlength: 2000 });
  const status = h('p', { class: 'form-error', role: 'alert' });
  return h(
    'form',
    {
      class: 'wrong-correction',
      onsubmit: async (e: Event) => {
        e.preventDefault();
        status.textContent = '';
        let parsed: unknown;
        try {
          parsed = JSON.parse(queryBox.value);
        } catch (error) {
          status.textContent = t('wrong.badJson', { message: (error as Error).message });
          return;
        }
        const body =
          kind.value === 'answer'
            ? {
                kind: kind.value,
                intent: intent.value,
                query: parsed,
                notes: notes.value.trim() || undefined,
              }
            : { kind: kind.value, notes: notes.value.trim() || undefined };
        try {
          await api('PUT', `/api/wrong-answers/${encodeURIComponent(item.id)}/correction`, body);
          done();
        } catch (error) {
          status.textContent = errorMessage(error);
        }
      },
    },
    h('h3', null, t('wrong.correct')),
    field(t('wrong.kind'), kind),
    field(t('wrong.intent'), intent),
    h(
      'details',
      { class: 'wrong-query-json' },
      h('summary', null, t('wrong.editQuery')),
      field(t('wrong.query'), queryBox),
    ),
    field(t('wrong.notes'), notes),
    status,
    h('button', { type: 'submit', class: 'btn btn-primary' }, t('wrong.save')),
  );
}

function itemView(item: WrongAnswer, catalog: CatalogIndex | null, reload: () => void): HTMLElement {
  const saved = h('p', { class: 'notice', role: 'status', hidden: true }, t('wrong.saved'));
  return h(
    'article',
    { class: 'wrong-item', 'data-id': item.id, 'data-status': item.status },
    h(
      'header',
      null,
      h('strong', null, item.question ?? '—'),
      ' ',
      h('span', { class: 'badge' }, t(`wrong.status.${item.status}`)),
      ' ',
      h('span', { class: 'muted small' }, `${item.model} · ${formatDateTime(item.createdAt)}`),
    ),
    item.earlierQuestions.length > 0 &&
      h('p', { class: 'muted small' }, `${t('wrong.earlier')}: ${item.earlierQuestions.join(' → ')}`),
    item.comment &&
      h(
        'p',
        { class: 'wrong-comment' },
        `${t('wrong.comment', { user: item.reportedBy ?? '—' })}: ${item.comment}`,
      ),
    h('h3', null, t('wrong.given')),
    h(
      'div',
      { class: 'given-query' },
      interpretationWords(item.given.kind, item.given.intent, item.given.query, catalog),
    ),
    item.correction
      ? h(
          'div',
          { class: 'wrong-recorded' },
          h('h3', null, t('wrong.correction')),
          interpretationWords(item.correction.kind, item.correction.intent, item.correction.query, catalog),
          item.correction.notes &&
            h('p', { class: 'small' }, `${t('wrong.notes')}: ${item.correction.notes}`),
        )
      : correctionForm(item, () => {
          saved.hidden = false;
          setTimeout(reload, 600);
        }),
    saved,
  );
}

export function wrongAnswersScreen(outlet: HTMLElement, route: Route): void {
  const status = route.params.get('status') ?? 'open';
  const list = h('div', { class: 'wrong-list' });
  const reload = () => wrongAnswersScreen(outlet, route);
  outlet.replaceChildren(
    h(
      'div',
      { class: 'wrong-answers' },
      h('h1', null, t('wrong.title')),
      h('p', { class: 'muted' }, t('wrong.intro')),
      h(
        'div',
        { class: 'button-row' },
        ['open', 'resolved', 'all'].map((s) =>
          h(
            'a',
            {
              class: 'btn btn-small',
              href: `#/wrong-answers?status=${s}`,
              'aria-current': s === status ? 'page' : null,
            },
            t(`wrong.status.${s}` as 'wrong.status.open'),
          ),
        ),
        h(
          'a',
          {
            class: 'btn btn-small wrong-export',
            href: '/api/wrong-answers/export.yaml',
            download: 'eval-cases.yaml',
          },
          t('wrong.export'),
        ),
      ),
      list,
    ),
  );
  void loadInto(
    list,
    async () => {
      const { items } = await api<{ items: WrongAnswer[] }>('GET', `/api/wrong-answers${query({ status })}`);
      const catalogs: Catalogs = new Map();
      for (const model of new Set(items.map((i) => i.model)))
        catalogs.set(
          model,
          await loadCatalog(model).then(
            (c) => new CatalogIndex(c),
            () => null,
          ),
        );
      return { items, catalogs };
    },
    ({ items, catalogs }) =>
      items.length === 0
        ? emptyState(t('wrong.empty'))
        : items.map((item) => itemView(item, catalogs.get(item.model) ?? null, reload)),
  );
}
