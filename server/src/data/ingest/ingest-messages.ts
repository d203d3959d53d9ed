/** Ingest's user-visible text (refusals, loading through a running server), from its catalogs, in the user's language. */
import { messageCatalog } from '../../i18n/message-catalog.ts';
import { EN } from './messages-en.ts';
import { ZH } from './messages-zh.ts';

export const ingestMessage = messageCatalog({ en: EN, zh: ZH });
