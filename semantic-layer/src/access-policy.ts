/**
 * Row-level access, decided in one place and failing closed (PostgreSQL RLS: deny by default).
 * A user without attributes is unrestricted; a user with attributes is restricted by every rule of the
 * model whose attribute they carry, and sees nothing when they carry none of the model's attributes
 * (a typo such as `regoin`, a rule renamed since, a model without rules). An empty value list allows
 * nothing. `resolveQuery` applies this to every compiled query; `unknownAttributes` refuses keys that no
 * model's rules know when an administrator sets them.
 */
import type { SemanticModel } from './model.ts';

/** The rules that bind this user on this model, or `denied` when they are restricted but no rule applies. */
export type Access =
  | { kind: 'unrestricted' }
  | { kind: 'restricted'; rules: { attribute: string; dimension: string; values: string[] }[] }
  | { kind: 'denied'; attributes: string[]; known: string[] };

/**
 * How `attributes` bind on `policy` (the published model whose rules are enforced).
 * @example accessFor(retail, { region: ['华南'] }) // { kind: 'restricted', rules: [{ attribute: 'region', dimension: 'region', values: ['华南'] }] }
 * @example accessFor(retail, { regoin: ['华南'] }) // { kind: 'denied', attributes: ['regoin'], known: ['region'] }
 */
export function accessFor(policy: SemanticModel, attributes: Record<string, string[]> | undefined): Access {
  const keys = Object.keys(attributes ?? {});
  if (keys.length === 0) return { kind: 'unrestricted' };
  const rules = policy.rowLevelSecurity
    .filter((r) => Object.hasOwn(attributes!, r.attribute))
    .map((r) => ({ ...r, values: [...(attributes![r.attribute] ?? [])] }));
  if (rules.length === 0)
    return { kind: 'denied', attributes: keys, known: policy.rowLevelSecurity.map((r) => r.attribute) };
  return { kind: 'restricted', rules };
}

/** The attribute keys of `attributes` that no rule of any of `models` uses (empty when all are known). */
export function unknownAttributes(attributes: Record<string, string[]>, models: SemanticModel[]): string[] {
  const known = new Set(models.flatMap((m) => m.rowLevelSecurity.map((r) => r.attribute)));
  return Object.keys(attributes).filter((k) => !known.has(k));
}

/** The message of an `access_denied` issue (English; servers translate by code). */
export function deniedMessage(policy: SemanticModel, access: Access & { kind: 'denied' }): string {
  const known = access.known.length ? access.known.join(', ') : 'none';
  return `no data: your access attributes (${access.attributes.join(', ')}) match none of the access rules of model ${policy.id} (${known}); ask an administrator to correct them`;
}
