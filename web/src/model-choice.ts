/**
 * Which model the user asks about (the server serves every model that has data): chosen in a picker on the
 * chat and catalog screens, remembered per user in this browser. Unset means the server's default model.
 */
import type { CatalogResponse } from './api/types.ts';
import { loadCatalog } from './catalog-store.ts';
import { h } from './dom.ts';
import { pick, t } from './i18n/i18n.ts';
import { currentUser } from './session.ts';

const key = () => `chatbi.model.${currentUser()?.username ?? ''}`;

/** The remembered model id of the signed-in user, if any. */
export function currentModel(): string | undefined {
  try {
    return localStorage.getItem(key()) || undefined;
  } catch {
    return undefined;
  }
}

export function chooseModel(id: string): void {
  try {
    localStorage.setItem(key(), id);
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
}

type ServedModel = NonNullable<CatalogResponse['models']>[number];
let models: Promise<ServedModel[]> | null = null;

/**
 * The served models, fetched once per page: from the catalog (GET /api/catalog lists them for every
 * signed-in user, business users included; new uploaded models in review are not served, so not listed).
 */
function servedModels(): Promise<ServedModel[]> {
  models ??= loadCatalog()
    .then((catalog) => catalog.models ?? [])
    .catch(() => {
      models = null;
      return [];
    });
  return models;
}

/**
 * A labelled select of the served models (hidden while there is only one); `onChange` runs after the
 * choice is remembered. A remembered model that is no longer served falls back to the first one.
 */
export function modelPicker(onChange: (id: string) => void): HTMLElement {
  const select = h('select', { id: 'model-picker', 'data-testid': 'model-picker' }) as HTMLSelectElement;
  const element = h(
    'label',
    { class: 'model-picker', hidden: true },
    h('span', { class: 'muted' }, `${t('model.picker')} `),
    select,
  );
  select.addEventListener('change', () => {
    chooseModel(select.value);
    onChange(select.value);
  });
  void servedModels().then((list) => {
    if (list.length === 0) return;
    const chosen = currentModel();
    select.replaceChildren(...list.map((m) => h('option', { value: m.id }, `${pick(m.label)} (${m.id})`)));
    select.value = list.some((m) => m.id === chosen) ? chosen! : list[0]!.id;
    element.hidden = list.length < 2;
    if (chosen && chosen !== select.value) {
      chooseModel(select.value);
      onChange(select.value);
    }
  });
  return element;
}
