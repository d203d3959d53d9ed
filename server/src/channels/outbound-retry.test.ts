import { describe, expect, it } from 'vitest';
import { fetchWithRetry, OutboundError, redactSecrets } from './outbound-retry.ts';

const reply = (status: number, headers: Record<string, string> = {}) =>
  new Response(status === 204 ? null : 'x', { status, headers });

describe('outbound retries', () => {
  it('waits what Retry-After asks on 429, backs off on 5xx, and returns the first success', async () => {
    const sleeps: number[] = [];
    const answers = [reply(429, { 'retry-after': '2' }), reply(503), reply(200)];
    const res = await fetchWithRetry(async () => answers.shift()!, 'x', {
      retries: 4,
      baseMs: 100,
      maxMs: 1000,
      sleep: async (ms) => void sleeps.push(ms),
    });
    expect(res.status).toBe(200);
    expect(sleeps[0]).toBe(2000);
    expect(sleeps[1]).toBeGreaterThanOrEqual(150); // 100 × 2¹ with ±25 % jitter
    expect(sleeps[1]).toBeLessThanOrEqual(250);
  });

  it('does not retry other client errors, and gives up after the last attempt with the status', async () => {
    let calls = 0;
    const bad = await fetchWithRetry(
      async () => {
        calls++;
        return reply(400);
      },
      'x',
      {
        retries: 3,
        baseMs: 1,
        maxMs: 1,
        sleep: async () => {},
      },
    );
    expect(bad.status).toBe(400);
    expect(calls).toBe(1);
    const failing = fetchWithRetry(async () => reply(500), 'send', {
      retries: 2,
      baseMs: 1,
      maxMs: 1,
      sleep: async () => {},
    });
    await expect(failing).rejects.toBeInstanceOf(OutboundError);
    await expect(failing).rejects.toMatchObject({ status: 500, attempts: 3 });
    const network = fetchWithRetry(async () => Promise.reject(new Error('ECONNREFUSED')), 'send', {
      retries: 1,
      baseMs: 1,
      maxMs: 1,
      sleep: async () => {},
    });
    await expect(network).rejects.toThrow(/ECONNREFUSED/);
  });

  it('removes tokens, secrets and keys from error texts', () => {
    expect(
      redactSecrets(
        'GET /cgi-bin/gettoken?corpid=ww1&corpsecret=abc123 and /send?access_token=T0K&x=1 key=k1 xoxb-123-abc',
      ),
    ).toBe('GET /cgi-bin/gettoken?corpid=ww1&corpsecret=*** and /send?access_token=***&x=1 key=*** xox*-***');
  });
});
