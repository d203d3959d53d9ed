import { describe, expect, it } from 'vitest';
import { SendWindow } from './send-window.ts';

describe('the per-member send window', () => {
  it('lets 30 messages a minute through and queues the 31st until the oldest is a minute old', async () => {
    let now = 0;
    const waits: number[] = [];
    const window = new SendWindow(
      30,
      () => now,
      async (ms) => {
        waits.push(ms);
        now += ms;
      },
    );
    for (let i = 0; i < 30; i++) {
      await window.acquire('zhangsan');
      now += 100;
    }
    expect(waits).toEqual([]);
    await window.acquire('lisi'); // another member is not held up
    expect(waits).toEqual([]);
    const before = now;
    await window.acquire('zhangsan');
    expect(waits).toHaveLength(1);
    expect(now).toBeGreaterThanOrEqual(60_000);
    expect(now - before).toBe(60_000 - before + 1);
  });

  it('keeps the order of queued sends', async () => {
    let now = 0;
    const window = new SendWindow(
      1,
      () => now,
      async (ms) => {
        now += ms;
      },
    );
    const order: number[] = [];
    await Promise.all([1, 2, 3].map((n) => window.acquire('a').then(() => order.push(n))));
    expect(order).toEqual([1, 2, 3]);
    expect(now).toBe(2 * 60_001);
  });
});
