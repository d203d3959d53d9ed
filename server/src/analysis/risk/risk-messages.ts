/** The risk folder's user-visible text, from its catalogs (messages/), in the request's language. */
import { messageCatalog } from '../../i18n/message-catalog.ts';
import { EN } from './messages/messages-en.ts';
import { ZH } from './messages/messages-zh.ts';

export const riskMessage = messageCatalog({ en: EN, zh: ZH });
