import { messageCatalog } from '../i18n/message-catalog.ts';
import { EN } from './messages/messages-en.ts';
import { ZH } from './messages/messages-zh.ts';

export type { AnswerMessageId } from './messages/messages-en.ts';

/**
 * The words of an answer for `id` in `lang` (catalogs in messages/), `{name}` filled from `params`.
 * @example answerMessage('chart.title.trend', 'zh', { metric: '流失率' }) // '流失率趋势'
 */
export const answerMessage = messageCatalog({ en: EN, zh: ZH });
