import { ApiError } from '../api/client.ts';
import { h } from '../dom.ts';
import { t } from '../i18n/i18n.ts';

/** A spinner with a label, announced to screen readers. */
export function loadingState(label = t('state.loading')): HTMLElement {
  return h('div', { class: 'state state-loading', role: 'status' }, h('span', { class: 'spinner' }), label);
}

/** What to show when there is nothing yet, with an optional next step. */
export function emptyState(message: string, action?: { label: string; run: () => void }): HTMLElement {
  return h(
    'div',
    { class: 'state state-empty' },
    h('p', null, message),
    action && h('button', { type: 'button', class: 'btn', onclick: action.run }, action.label),
  );
}

/** The message of an error in the user's language where the server gave one. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'network' || error.status === 0) return t('error.network');
    if (error.status === 403) return `${t('error.forbidden')} (${error.message})`;
    if (error.status === 404 && error.code === 'http_404') return t('error.notAvailable');
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/** An error box with a retry button. */
export function errorState(error: unknown, retry?: () => void): HTMLElement {
  return h(
    'div',
    { class: 'state state-error', role: 'alert' },
    h('strong', null, t('error.title')),
    h('p', null, errorMessage(error)),
    retry && h('button', { type: 'button', class: 'btn', onclick: retry }, t('state.retry')),
  );
}

/**
 * Renders `load()` into `container`: loading first, then `render(value)` or an error with retry.
 * @example loadInto(box, () => api('GET', '/api/home'), (home) => homeTiles(home))
 */
export async function loadInto<T>(
  container: HTMLElement,
  load: () => Promise<T>,
  render: (value: T) => Node | Node[],
): Promise<void> {
  container.replaceChildren(loadingState());
  try {
    const value = await load();
    const out = render(value);
    container.replaceChildren(...(Array.isArray(out) ? out : [out]));
  } catch (error) {
    container.replaceChildren(errorState(error, () => void loadInto(container, load, render)));
  }
}
