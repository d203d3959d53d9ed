/**
 * Error codes of the governance API and their messages in Chinese and English (catalogs in messages/).
 * Codes are stable (clients branch on them); messages are for people and take `{name}` parameters.
 */
import type { Lang } from '../../../semantic-layer/src/catalog.ts';
import { type MessageParams, messageCatalog } from '../i18n/message-catalog.ts';
import { EN, EN_WORDS, type GovernanceCode } from './messages/messages-en.ts';
import { ZH, ZH_WORDS } from './messages/messages-zh.ts';

export type { MessageParams } from '../i18n/message-catalog.ts';
export type { GovernanceCode } from './messages/messages-en.ts';

const message = messageCatalog({ en: EN, zh: ZH });
const WORDS: Record<Lang, Record<string, string>> = { en: EN_WORDS, zh: ZH_WORDS };

/** True for a code this catalog has a message for. */
export function isGovernanceCode(code: string): code is GovernanceCode {
  return Object.hasOwn(EN, code);
}

/** A status, action or role word in the user's language (unknown words pass through). */
export function word(key: string, lang: Lang): string {
  return WORDS[lang][key] ?? key;
}

/**
 * The message for `code` in `lang`, with `{name}` replaced by `params.name` (`{status}` and `{action}`
 * words, `{roles}` a comma-separated list of roles, are put in the user's language).
 * @example governanceMessage('no_change', 'zh', { versionNo: 3 })
 */
export function governanceMessage(code: GovernanceCode, lang: Lang, params: MessageParams = {}): string {
  const words: MessageParams = {};
  for (const name of ['status', 'action'] as const) {
    if (params[name] !== undefined) words[name] = word(String(params[name]), lang);
  }
  if (params.roles !== undefined) {
    words.roles = String(params.roles)
      .split(',')
      .map((r) => word(r, lang))
      .join(word('or', lang));
  }
  return message(code, lang, { ...params, ...words });
}
