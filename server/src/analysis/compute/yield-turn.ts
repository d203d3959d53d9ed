/**
 * JavaScript work over many rows that stays on the main thread (its inputs are objects a worker could only get by
 * copying) runs in slices: after each slice the event loop takes a turn, so other requests wait one slice at most.
 */
import { yieldTurn } from '../../loop/yield-turn.ts';

/** Rows per slice: about a millisecond of per-row work (feature columns, playbook matching) on this hardware. */
export const SLICE_ROWS = 1024;

/** Calls `work(from, to)` over `[0, length)` in slices of `slice`, yielding the event loop between slices. */
export async function inSlices(
  length: number,
  work: (from: number, to: number) => void,
  slice = SLICE_ROWS,
): Promise<void> {
  for (let from = 0; from < length; from += slice) {
    if (from > 0) await yieldTurn();
    work(from, Math.min(length, from + slice));
  }
}

/** Rows sorted per slice before the slices are merged; merges yield about every `SORT_SLICE` rows written. */
const SORT_SLICE = 4 * SLICE_ROWS;

/**
 * `items.sort(compare)` (stable, in place, the same order) without holding the event loop: slices are sorted
 * one per turn, then merged pairwise, bottom up, yielding every few thousand rows merged (issue 21: sorting
 * ~170k at-risk customers at 1M took one turn of ~0.2 s).
 */
export async function sortInSlices<T>(
  items: T[],
  compare: (a: T, b: T) => number,
  slice = SORT_SLICE,
): Promise<T[]> {
  const n = items.length;
  if (n <= slice) return items.sort(compare);
  for (let from = 0; from < n; from += slice) {
    if (from > 0) await yieldTurn();
    const sorted = items.slice(from, from + slice).sort(compare);
    for (let i = 0; i < sorted.length; i++) items[from + i] = sorted[i]!;
  }
  let source = items;
  let target: T[] = new Array(n);
  let written = 0;
  for (let width = slice; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      while (k < hi) {
        // Left first on ties: equal rows keep their order (stable, as Array.prototype.sort).
        target[k++] =
          j >= hi || (i < mid && compare(source[i]!, source[j]!) <= 0) ? source[i++]! : source[j++]!;
        if (++written % slice === 0) await yieldTurn();
      }
    }
    [source, target] = [target, source];
  }
  if (source !== items) for (let i = 0; i < n; i++) items[i] = source[i]!;
  return items;
}
