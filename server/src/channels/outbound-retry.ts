/**
 * Outbound HTTP with retries: 429 and 5xx responses and network errors are retried with exponential
 * backoff (with jitter), waiting at least what `Retry-After` asks. Other statuses are returned as they are.
 */

export interface RetryPolicy {
  retries: number;
  baseMs: number;
  maxMs: number;
  /** Injected in tests. */
  sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 4, baseMs: 500, maxMs: 30_000 };

/** Thrown when every attempt failed; `status` is the last HTTP status (0 for a network error). */
export class OutboundError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly attempts: number,
  ) {
    super(message);
  }
}

const defaultSleep = (ms: number) => new Promise<void>((ok) => setTimeout(ok, ms));

/** Delay before attempt `attempt + 1`: `Retry-After` (seconds) when given, else backoff. */
export function retryDelay(attempt: number, retryAfter: string | null, policy: RetryPolicy): number {
  const seconds = retryAfter === null ? Number.NaN : Number(retryAfter);
  const backoff = Math.min(policy.maxMs, policy.baseMs * 2 ** attempt) * (0.75 + Math.random() * 0.5);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.max(seconds * 1000, 0) : backoff;
}

/**
 * `fetch` with retries. `describe` names the call in errors without its URL (URLs can carry tokens).
 * @example const res = await fetchWithRetry(() => fetch(url, init), 'webhook/send')
 */
export async function fetchWithRetry(
  attempt: () => Promise<Response>,
  describe: string,
  policy: RetryPolicy = DEFAULT_RETRY,
): Promise<Response> {
  const sleep = policy.sleep ?? defaultSleep;
  let last = '';
  let status = 0;
  for (let i = 0; i <= policy.retries; i++) {
    let retryAfter: string | null = null;
    try {
      const res = await attempt();
      if (res.status !== 429 && res.status < 500) return res;
      status = res.status;
      retryAfter = res.headers.get('retry-after');
      last = `HTTP ${res.status}`;
      await res.body?.cancel().catch(() => undefined);
    } catch (error) {
      status = 0;
      last = error instanceof Error ? error.message : String(error);
    }
    if (i < policy.retries) await sleep(retryDelay(i, retryAfter, policy));
  }
  throw new OutboundError(
    `${describe} failed after ${policy.retries + 1} attempts: ${last}`,
    status,
    policy.retries + 1,
  );
}

/** Removes secrets that URLs and error texts may carry (tokens, keys, secrets in query strings). */
export function redactSecrets(text: string): string {
  return text
    .replace(/(access_token|corpsecret|key|token)=[^&\s"']+/gi, '$1=***')
    .replace(/xox[a-z]-[A-Za-z0-9-]+/g, 'xox*-***');
}
