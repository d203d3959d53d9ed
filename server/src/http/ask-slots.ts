/**
 * Asks handled at once (issue 21 §1, "nothing heavy on the event loop"): every ask runs its interpretation,
 * answer shaping and app-state statements on the one main thread, in many short steps. When more asks are open
 * than the main thread can serve, each turn of the event loop runs the ready step of every open ask, so a health
 * check or a new request waits behind all of them (50 askers at 1M customers: up to 1.5 s). At most
 * `CHATBI_ASKS_IN_FLIGHT` asks (default 8) are handled at once; the others wait their turn in arrival order,
 * parked, costing the event loop nothing. `0` lets every ask in at once.
 */
import { Slots } from '../analysis/analysis-slots.ts';
import { yieldIfHeld } from '../loop/yield-turn.ts';

const configured = Number(process.env.CHATBI_ASKS_IN_FLIGHT ?? 8);
const askSlots = Number.isInteger(configured) && configured > 0 ? new Slots(configured) : null;

/**
 * Waits for an ask slot (and, once the asks before it have held the event loop long enough, for its turn:
 * `yieldIfHeld`); call the returned `release` once the ask is answered, however it ends.
 */
export async function acquireAskSlot(): Promise<() => void> {
  const release = askSlots ? await askSlots.acquire() : () => {};
  await yieldIfHeld();
  return release;
}
