/**
 * Row-level access shared by several people: an answer posted where all of them read it may only show
 * rows every one of them may see. Attributes restrict per key (`{ region: ['华南'] }`); a missing key is
 * unrestricted, so the shared access restricts every key any of them has to the common values.
 */
import type { UserAttributes } from '../store/schema.ts';

/** The attributes every one of `people` satisfies, or null when they share no visible rows. */
export function sharedAttributes(people: UserAttributes[]): UserAttributes | null {
  const shared: UserAttributes = {};
  for (const attributes of people)
    for (const [key, values] of Object.entries(attributes)) {
      const current = shared[key];
      shared[key] = current ? current.filter((v) => values.includes(v)) : [...values];
    }
  for (const values of Object.values(shared)) if (values.length === 0) return null;
  return shared;
}

/** True when `narrower` hides rows that `broader` shows (some key restricted further). */
export function isNarrower(narrower: UserAttributes, broader: UserAttributes): boolean {
  return Object.entries(narrower).some(([key, values]) => {
    const wide = broader[key];
    return !wide || wide.some((v) => !values.includes(v));
  });
}
