import type { Lang } from '../../../../semantic-layer/src/catalog.ts';
import type { MessageParams } from '../../governance/governance-messages.ts';
import { EN, type HttpMessageId } from './messages-en.ts';
import { ZH } from './messages-zh.ts';

export type { HttpMessageId } from './messages-en.ts';

const CATALOGS: Record<Lang, Record<HttpMessageId, string>> = { en: EN, zh: ZH };

/**
 * The HTTP API's text for `id` in `lang`, with `{name}` replaced by `params.name` (unknown names stay).
 * @example httpMessage('error.unknown_model', 'zh', { model: 'retail' }) // '没有名为 retail 的模型'
 */
export function httpMessage(id: HttpMessageId, lang: Lang, params: MessageParams = {}): string {
  return CATALOGS[lang][id].replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}
