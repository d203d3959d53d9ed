/** The scaffold's notes from its catalogs (messages/), in the user's language. */
import { messageCatalog } from '../../i18n/message-catalog.ts';
import { EN } from './messages/messages-en.ts';
import { ZH } from './messages/messages-zh.ts';

export const scaffoldMessage = messageCatalog({ en: EN, zh: ZH });
