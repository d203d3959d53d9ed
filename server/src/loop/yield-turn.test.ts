import { describe, expect, it } from 'vitest';
import { yieldIfHeld } from './yield-turn.ts';

/** Keeps the thread busy for at least `ms` (a step of synchronous work). */
function busy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {}
}

/** Runs `steps` busy steps chained by promises, calling `between` after each; records when the loop turned. */
async function chain(steps: number, between: () => Promise<void>): Promise<string[]> {
  const order: string[] = [];
  setImmediate(() => order.push('turn'));
  for (let i = 0; i < steps; i++) {
    busy(3);
    order.push(`step ${i}`);
    await between();
  }
  await new Promise((resolve) => setImmediate(resolve));
  return order;
}

describe('yieldIfHeld', () => {
  it('gives the event loop a turn once chained steps have held it for the budget', async () => {
    const order = await chain(8, () => yieldIfHeld(5));
    // 3 ms steps against a 5 ms budget: the loop turns after the third step at the latest, not after all eight.
    const turn = order.indexOf('turn');
    expect(turn).toBeGreaterThan(0);
    expect(turn).toBeLessThanOrEqual(3);
    expect(order.filter((s) => s !== 'turn')).toEqual(Array.from({ length: 8 }, (_, i) => `step ${i}`));
  });

  it('chained by promises alone, the same steps hold the loop to the end', async () => {
    const order = await chain(8, () => Promise.resolve());
    expect(order.indexOf('turn')).toBe(8);
  });
});
