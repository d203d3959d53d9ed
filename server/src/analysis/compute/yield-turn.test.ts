import { describe, expect, it } from 'vitest';
import { inSlices, sortInSlices } from './yield-turn.ts';

/** A deterministic pseudo-random sequence (no Math.random: the test is the same every run). */
function numbers(n: number, seed = 7): number[] {
  let x = seed;
  return Array.from({ length: n }, () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return x % 1000;
  });
}

describe('work in slices, the event loop taking turns', () => {
  it('sorts exactly as Array.prototype.sort, stable on ties, for every size around the slice', async () => {
    for (const n of [0, 1, 7, 8, 9, 16, 17, 100, 1000, 4097]) {
      const rows = numbers(n).map((value, at) => ({ value, at }));
      const byValue = (a: { value: number }, b: { value: number }) => b.value - a.value;
      const expected = [...rows].sort(byValue);
      const sorted = await sortInSlices(rows, byValue, 8);
      expect(sorted).toBe(rows); // in place, as Array.prototype.sort
      expect(sorted).toEqual(expected);
      // ties keep their input order
      for (let i = 1; i < sorted.length; i++)
        if (sorted[i]!.value === sorted[i - 1]!.value)
          expect(sorted[i]!.at).toBeGreaterThan(sorted[i - 1]!.at);
    }
    // the default slice: larger inputs, one merge level and more
    for (const n of [5000, 40_000]) {
      const values = numbers(n, n);
      expect(await sortInSlices([...values], (a, b) => a - b)).toEqual([...values].sort((a, b) => a - b));
    }
  });

  it('lets other callbacks run between slices of a sort and of a loop', async () => {
    // An immediate queued before the work runs at its first yield, while the work is unfinished.
    const values = numbers(20_000);
    let sortedWhenOthersRan: boolean | undefined;
    let done = false;
    setImmediate(() => {
      sortedWhenOthersRan = done;
    });
    await sortInSlices(values, (a, b) => a - b, 100);
    done = true;
    expect(sortedWhenOthersRan).toBe(false);
    expect(values).toEqual([...values].sort((a, b) => a - b));

    let visited = 0;
    let visitedWhenOthersRan = -1;
    setImmediate(() => {
      visitedWhenOthersRan = visited;
    });
    await inSlices(50_000, (from, to) => {
      visited += to - from;
    });
    expect(visited).toBe(50_000);
    expect(visitedWhenOthersRan).toBeGreaterThan(0);
    expect(visitedWhenOthersRan).toBeLessThan(50_000);
  });
});
