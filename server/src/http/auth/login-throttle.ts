/**
 * Login throttling (OWASP ASVS V2.2), counted from the audit log so every replica sees the same numbers and
 * nothing new is stored: failed sign-ins of an account since its last success or unlock, and of a client
 * address in the last 15 minutes. After 5 failures an account waits 1 s, 2 s, 4 s … (at most 15 minutes)
 * between attempts; after 20 it is locked until an administrator lifts it (`PATCH /api/users/:id
 * {unlock: true}`); an address with 50 failures in 15 minutes waits. A refused attempt is not verified, so a
 * right password during a wait or a lock-out gets in no more than a wrong one.
 */
import type { Store } from '../../store/open-store.ts';

export const THROTTLE = {
  backoffAfter: 5,
  lockAfter: 20,
  maxDelaySeconds: 900,
  addressWindowSeconds: 900,
  addressMaxFailures: 50,
};

export type LoginGate =
  | { ok: true; failures: number }
  | { ok: false; code: 'too_many_attempts'; retryAfter: number }
  | { ok: false; code: 'account_locked' };

/** Whether `username` may try a password now, from `ip`. */
export async function loginGate(store: Store, username: string, ip: string | null): Promise<LoginGate> {
  const since = await store.audit.latestAt(['login', 'user.unlock'], username);
  const account = await store.audit.countRecent({ action: 'login_failed', target: username, since });
  if (account.count >= THROTTLE.lockAfter) return { ok: false, code: 'account_locked' };
  if (account.count >= THROTTLE.backoffAfter && account.latest) {
    const delay = Math.min(2 ** (account.count - THROTTLE.backoffAfter), THROTTLE.maxDelaySeconds);
    const wait = Math.ceil((account.latest.getTime() + delay * 1000 - account.now.getTime()) / 1000);
    if (wait > 0) return { ok: false, code: 'too_many_attempts', retryAfter: wait };
  }
  if (ip) {
    const address = await store.audit.countRecent({
      action: 'login_failed',
      ip,
      withinSeconds: THROTTLE.addressWindowSeconds,
    });
    if (address.count >= THROTTLE.addressMaxFailures)
      return { ok: false, code: 'too_many_attempts', retryAfter: 60 };
  }
  return { ok: true, failures: account.count };
}

/** True when `username` is locked out until an administrator unlocks it. */
export async function isLockedOut(store: Store, username: string): Promise<boolean> {
  const gate = await loginGate(store, username, null);
  return !gate.ok && gate.code === 'account_locked';
}

const queues = new Map<string, Promise<unknown>>();

/**
 * Runs the sign-in attempts of one username one after another (in this process), so a burst of parallel
 * guesses meets the failures recorded by the ones before it instead of all passing the gate at once.
 */
export function oneAttemptAtATime<T>(username: string, attempt: () => Promise<T>): Promise<T> {
  const previous = queues.get(username) ?? Promise.resolve();
  const run = previous.then(attempt, attempt);
  const settled = run.catch(() => undefined);
  queues.set(username, settled);
  void settled.then(() => {
    if (queues.get(username) === settled) queues.delete(username);
  });
  return run;
}
