import { lang } from '../i18n/i18n.ts';

/** An API failure: the server's `{ error: { code, message, issues? } }`, or a network problem. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;
const unauthorizedListeners = new Set<() => void>();

/** Remembers the CSRF token from login or /me; every state-changing request sends it. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a request comes back 401 (the session ended). */
export function onUnauthorized(listener: () => void): void {
  unauthorizedListeners.add(listener);
}

/** Headers for an API request: language, JSON, and the CSRF token on unsafe methods. */
export function apiHeaders(method: string, extra: Record<string, string> = {}): Record<string, string> {
  const headers: Record<string, string> = { 'Accept-Language': lang(), ...extra };
  if (method !== 'GET' && method !== 'HEAD') {
    headers['Content-Type'] = 'application/json';
    if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  }
  return headers;
}

/** Turns a failed response into an {@link ApiError}. */
export async function errorFrom(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy error page): fall back to the status text.
  }
  const error = (body as { error?: { code?: string; message?: string; issues?: [] } } | null)?.error;
  if (response.status === 401) for (const listener of unauthorizedListeners) listener();
  return new ApiError(
    response.status,
    error?.code ?? `http_${response.status}`,
    error?.message ?? response.statusText ?? `HTTP ${response.status}`,
    error?.issues ?? [],
  );
}

/**
 * Sends a JSON request to a route under /api and returns the response when it is a success: a network
 * failure is an `ApiError` with code `network`, an error status the server's `ApiError` (abort passes through).
 */
export async function send(
  method: string,
  path: string,
  body?: unknown,
  opts: { signal?: AbortSignal; headers?: Record<string, string> } = {},
): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: apiHeaders(method, opts.headers),
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (cause) {
    if ((cause as Error).name === 'AbortError') throw cause;
    throw new ApiError(0, 'network', (cause as Error).message);
  }
  if (!response.ok) throw await errorFrom(response);
  return response;
}

/**
 * Calls a JSON route under /api.
 * @example const { tiles } = await api<HomeResponse>('GET', `/api/home?language=${lang()}`)
 */
export async function api<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const response = await send(method, path, body, { signal });
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** Builds a query string, skipping empty values. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
