/** The analyses' shared user-visible text, from their catalogs (messages/), in the request's language. */
import { messageCatalog } from '../i18n/message-catalog.ts';
import { EN } from './messages/messages-en.ts';
import { ZH } from './messages/messages-zh.ts';

export type { AnalysisMessageId } from './messages/messages-en.ts';

/** @example analysisMessage('cohorts.none', 'zh') // '所选范围内没有新客户同期群。' */
export const analysisMessage = messageCatalog({ en: EN, zh: ZH });
