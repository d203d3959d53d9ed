import { describe, expect, it } from 'vitest';
import { acquireAskSlot } from './ask-slots.ts';

describe('acquireAskSlot', () => {
  it('lets 8 asks in at once (the default) and the next in when one is answered, in arrival order', async () => {
    const entered: number[] = [];
    const releases = new Map<number, () => void>();
    const asks = Array.from({ length: 10 }, (_, i) =>
      acquireAskSlot().then((release) => {
        entered.push(i);
        releases.set(i, release);
      }),
    );
    await Promise.all(asks.slice(0, 8));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(entered).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    releases.get(3)!();
    await asks[8];
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(entered).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    releases.get(0)!();
    await asks[9];
    expect(entered.at(-1)).toBe(9);
    for (const release of releases.values()) release();
  });
});
