import { describe, expect, it } from 'vitest';
import { Slots } from './analysis-slots.ts';

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('Slots', () => {
  it('runs at most `size` at once, the rest in arrival order, and frees a slot when work fails', async () => {
    const slots = new Slots(2);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const job = (i: number, fail = false) =>
      slots.run(async () => {
        running++;
        most = Math.max(most, running);
        await tick();
        order.push(i);
        running--;
        if (fail) throw new Error(`job ${i} failed`);
        return i;
      });
    const results = await Promise.allSettled([job(1), job(2, true), job(3), job(4), job(5)]);
    expect(most).toBe(2);
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
      'fulfilled',
    ]);
    expect(order).toEqual([1, 2, 3, 4, 5]);
    expect(slots.queued).toBe(0);
    expect(await slots.run(async () => 'free again')).toBe('free again');
  });

  it('acquire hands the slot to the next waiter on release, and a second release frees nothing more', async () => {
    const slots = new Slots(1);
    const first = await slots.acquire();
    let secondIn = false;
    const second = slots.acquire().then((release) => {
      secondIn = true;
      return release;
    });
    await tick();
    expect(secondIn).toBe(false);
    expect(slots.queued).toBe(1);
    first();
    first();
    const releaseSecond = await second;
    expect(secondIn).toBe(true);
    expect(slots.queued).toBe(0);
    let thirdIn = false;
    const third = slots.acquire().then((release) => {
      thirdIn = true;
      return release;
    });
    await tick();
    expect(thirdIn).toBe(false);
    releaseSecond();
    (await third)();
    expect(thirdIn).toBe(true);
  });

  it('rejects a size that is not a positive integer', () => {
    expect(() => new Slots(0)).toThrow(/positive integer/);
  });
});
