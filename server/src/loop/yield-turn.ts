/**
 * Giving the event loop a turn (issue 21 §1, "nothing heavy on the event loop"): the one main thread serves every
 * request, so work that would hold it runs in steps with turns between them (analysis/compute/yield-turn.ts slices
 * rows; app-state statements and asks are paced with `yieldIfHeld`).
 */

/** Lets every timer and I/O callback that is due run before the caller continues. */
export function yieldTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** When the current stretch of main-thread work began (no check phase has run since); undefined between stretches. */
let stretchStart: number | undefined;

/**
 * Yields the event loop when the work since its last turn has held it for `budgetMs` or more, else continues at
 * once. Steps chained by promises (a statement of the embedded app-state database resolves without the loop
 * turning, and an ask answered from kept results never waits for I/O) would otherwise run back to back in one
 * turn however many are queued: 50 askers held `/api/health` for over a second (issue 21 §1).
 */
export async function yieldIfHeld(budgetMs = HELD_BUDGET_MS): Promise<void> {
  const now = performance.now();
  if (stretchStart === undefined) {
    stretchStart = now;
    setImmediate(() => {
      stretchStart = undefined;
    });
    return;
  }
  if (now - stretchStart >= budgetMs) await yieldTurn();
}

/** How long chained steps may hold the event loop before `yieldIfHeld` gives it a turn. */
export const HELD_BUDGET_MS = 10;
