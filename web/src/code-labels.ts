/**
 * Stored codes in words: campaign channels, arms and outbox statuses from the interface catalog; a model's
 * members and values (region, value_tier, shipping_voucher…) from the model's catalog. A code without a
 * label shows as itself rather than disappearing.
 */
import type { CatalogIndex } from './catalog-store.ts';
import { t } from './i18n/i18n.ts';
import type { MessageId } from './i18n/messages-en.ts';

type CodeKind = 'channel' | 'arm' | 'outbox';

/** `sms` → "短信", `control` → "对照组", `held_out` → "对照组未发送"… */
export function codeLabel(kind: CodeKind, code: string): string {
  const id = `code.${kind}.${code}` as MessageId;
  const text = t(id);
  return text === id ? code : text;
}

/** A member id and its value in the model's words (`value_tier: high` → 价值分层: 高价值). */
export function memberValueText(
  catalog: CatalogIndex | null,
  member: string,
  value: unknown,
): [string, string] {
  if (!catalog) return [member, String(value)];
  return [catalog.label(member), catalog.valueLabel(member, value)];
}
