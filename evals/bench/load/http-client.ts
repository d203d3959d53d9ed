/**
 * The load test's HTTP client: signs in like the web app (session cookie + CSRF token) and calls the API,
 * timing each request and never throwing — every outcome (status, network error, timeout) is data.
 */

export interface Account {
  username: string;
  password: string;
}

/** The demo accounts (server/src/http/auth/demo-users.ts); askers and clients are spread over them. */
export const DEMO_ACCOUNTS: readonly Account[] = [
  { username: 'demo_admin', password: 'demo-admin' },
  { username: 'analyst', password: 'demo-analyst' },
  { username: 'viewer', password: 'demo-viewer' },
  { username: 'manager_south', password: 'demo-manager-south' },
];

export interface Session {
  baseUrl: string;
  username: string;
  cookie: string;
  csrfToken: string;
}

/** What a timed request came back with. `status` 0: no response (network error or timeout, see `error`). */
export interface Timed<T> {
  status: number;
  ms: number;
  body?: T;
  error?: string;
}

/** The parts of an `Answer` (server/src/answer/answer-schema.ts) the load test looks at. */
export interface AskAnswer {
  conversationId: string;
  kind: string;
  narrative: string;
  seq: number | null;
  interpretation: { intent: string };
  provenance?: { elapsedMs?: number; answeredFrom?: { kind: string; rollup?: string } };
}

export interface HistoryMessage {
  seq: number;
  question: string | null;
  answer: { conversationId?: string; kind?: string; narrative?: string } | null;
}

const REQUEST_TIMEOUT_MS = 120_000;

async function timedJson<T>(url: string, init: RequestInit): Promise<Timed<T> & { response?: Response }> {
  const t0 = performance.now();
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    const text = await response.text();
    const ms = performance.now() - t0;
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return { status: response.status, ms, error: `not JSON: ${text.slice(0, 200)}`, response };
    }
    const error = response.ok
      ? undefined
      : ((body as { error?: { code?: string } }).error?.code ?? 'http_error');
    return { status: response.status, ms, body: body as T, error, response };
  } catch (error) {
    return { status: 0, ms: performance.now() - t0, error: (error as Error).name ?? String(error) };
  }
}

/** POST /api/auth/login; the session (cookie and CSRF token) or the failed outcome. */
export async function signIn(baseUrl: string, account: Account): Promise<Timed<Session>> {
  const r = await timedJson<{ csrfToken: string }>(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(account),
  });
  const cookie = r.response?.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('chatbi_session='));
  if (r.status !== 200 || !cookie || !r.body?.csrfToken)
    return { status: r.status, ms: r.ms, error: r.error ?? 'no session cookie' };
  return {
    status: r.status,
    ms: r.ms,
    body: { baseUrl, username: account.username, cookie, csrfToken: r.body.csrfToken },
  };
}

function headers(session: Session, json: boolean): Record<string, string> {
  return {
    cookie: session.cookie,
    'x-csrf-token': session.csrfToken,
    ...(json ? { 'content-type': 'application/json' } : {}),
  };
}

/** POST /api/ask (JSON, not SSE), in `conversationId` when given. */
export async function ask(
  session: Session,
  question: string,
  conversationId?: string,
): Promise<Timed<AskAnswer>> {
  const { response: _, ...r } = await timedJson<AskAnswer>(`${session.baseUrl}/api/ask`, {
    method: 'POST',
    headers: headers(session, true),
    body: JSON.stringify({ question, ...(conversationId ? { conversationId } : {}) }),
  });
  return r;
}

/**
 * GET /api/conversations/:id, every page (the server pages its history, newest first, each answer in one
 * line): the messages in seq order with their answer summary as `answer`; `ms` is the time of all pages.
 */
export async function getConversation(
  session: Session,
  id: string,
): Promise<Timed<{ id: string; messages: HistoryMessage[] }>> {
  type Page = {
    id: string;
    more: boolean;
    messages: { seq: number; question: string | null; summary: HistoryMessage['answer'] }[];
  };
  const messages: HistoryMessage[] = [];
  let ms = 0;
  let before: number | undefined;
  for (;;) {
    const query = before === undefined ? '' : `?before=${before}`;
    const { response: _, ...r } = await timedJson<Page>(
      `${session.baseUrl}/api/conversations/${encodeURIComponent(id)}${query}`,
      { headers: headers(session, false) },
    );
    ms += r.ms;
    if (r.status !== 200 || !r.body?.messages) return { ...r, ms, body: undefined };
    messages.unshift(
      ...r.body.messages.map((m) => ({ seq: m.seq, question: m.question, answer: m.summary })),
    );
    if (!r.body.more || r.body.messages.length === 0) return { ...r, ms, body: { id: r.body.id, messages } };
    before = r.body.messages[0]!.seq;
  }
}

/** GET /api/conversations: the user's conversations (the server lists at most 50, most recent first). */
export async function listConversations(
  session: Session,
): Promise<Timed<{ conversations: { id: string }[] }>> {
  const { response: _, ...r } = await timedJson<{ conversations: { id: string }[] }>(
    `${session.baseUrl}/api/conversations`,
    { headers: headers(session, false) },
  );
  return r;
}
