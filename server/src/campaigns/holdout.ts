/**
 * The random holdout (control) group, stratified: within each stratum (value tier) customers are ordered
 * by a hash of campaign and customer id and the first round(share × n) are held out, so every tier has
 * the stated share in control and the split is reproducible (a re-run of a send assigns the same arms).
 */
import { createHash } from 'node:crypto';

export interface Assignable {
  customerId: string;
  stratum: string;
}

/** A number in [0, 1) from the campaign and customer ids. */
export function unitHash(...parts: string[]): number {
  const digest = createHash('sha256').update(parts.join('\u0000')).digest();
  return digest.readUInt32BE(0) / 2 ** 32;
}

/**
 * Splits `customers` into treatment and control with `share` (0..1) held out in every stratum.
 * @example assignArms('c1', [{customerId: 'C1', stratum: 'high'}], 0.1)
 */
export function assignArms<T extends Assignable>(
  campaignId: string,
  customers: T[],
  share: number,
): { treatment: T[]; control: T[] } {
  const strata = new Map<string, T[]>();
  for (const c of customers) {
    const list = strata.get(c.stratum);
    if (list) list.push(c);
    else strata.set(c.stratum, [c]);
  }
  const treatment: T[] = [];
  const control: T[] = [];
  for (const members of strata.values()) {
    const ordered = members
      .map((c) => ({ c, u: unitHash(campaignId, c.customerId) }))
      .sort((a, b) => a.u - b.u || (a.c.customerId < b.c.customerId ? -1 : 1));
    const held = Math.round(share * ordered.length);
    for (const [i, { c }] of ordered.entries()) (i < held ? control : treatment).push(c);
  }
  return { treatment, control };
}
