/**
 * JavaScript work over many rows that stays on the main thread (its inputs are objects a worker could only get by
 * copying) runs in slices: after each slice the event loop takes a turn, so other requests wait one slice at most.
 */

/** Rows per slice: ~1–5 ms of per-row work on this hardware. */
export const SLICE_ROWS = 4096;

/** Lets every timer and I/O callback that is due run before the caller continues. */
export function yieldTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

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
