/** Hash routes (`#/chat/…?q=…`), so the server only has to serve index.html. */

export interface Route {
  /** Path segments after `#/`, e.g. ['chat', '<conversationId>']. */
  segments: string[];
  params: URLSearchParams;
}

const listeners = new Set<(route: Route) => void>();

/** The route in the address bar. */
export function currentRoute(): Route {
  const hash = location.hash.replace(/^#\/?/, '');
  const [path = '', search = ''] = hash.split('?');
  return {
    segments: path.split('/').filter(Boolean).map(decodeURIComponent),
    params: new URLSearchParams(search),
  };
}

/**
 * Goes to a route; `replace` keeps the history entry.
 * @example navigate('chat', { q: '上个季度流失率' })
 */
export function navigate(path: string, params: Record<string, string> = {}, replace = false): void {
  const search = new URLSearchParams(params).toString();
  const hash = `#/${path}${search ? `?${search}` : ''}`;
  if (location.hash === hash) {
    notify();
    return;
  }
  if (replace) {
    history.replaceState(null, '', hash);
    notify();
  } else location.hash = hash;
}

/** Subscribes to route changes. */
export function onRouteChange(listener: (route: Route) => void): void {
  listeners.add(listener);
}

function notify(): void {
  const route = currentRoute();
  for (const listener of listeners) listener(route);
}

window.addEventListener('hashchange', notify);
