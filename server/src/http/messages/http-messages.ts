import { messageCatalog } from '../../i18n/message-catalog.ts';
import { EN } from './messages-en.ts';
import { ZH } from './messages-zh.ts';

export type { HttpMessageId } from './messages-en.ts';

/**
 * The HTTP API's text for `id` in `lang`, with `{name}` replaced by `params.name`.
 * @example httpMessage('error.unknown_model', 'zh', { model: 'retail' }) // '没有名为 retail 的模型'
 */
export const httpMessage = messageCatalog({ en: EN, zh: ZH });
