/** What the bots say besides answers, in Chinese and English (catalogs in messages/). */
import type { Lang } from '../../../semantic-layer/src/catalog.ts';
import { messageCatalog } from '../i18n/message-catalog.ts';
import { EN } from './messages/messages-en.ts';
import { ZH } from './messages/messages-zh.ts';

/** The language of a message: Chinese when it has a CJK character, else English. */
export function messageLanguage(text: string): Lang {
  return /[\u3400-\u9fff]/.test(text) ? 'zh' : 'en';
}

type Provider = 'slack' | 'wecom';

const message = messageCatalog({ en: EN, zh: ZH });

const linkCommand = (p: Provider, lang: Lang) => message(`link_command.${p}`, lang);

export const channelMessages = {
  unlinked: (p: Provider, lang: Lang) =>
    message('unlinked', lang, { command: linkCommand(p, lang), how: message(`unlinked.${p}`, lang) }),
  linked: (username: string, lang: Lang) => message('linked', lang, { username }),
  badCode: (lang: Lang) => message('bad_code', lang),
  help: (p: Provider, lang: Lang) =>
    [
      message('help.intro', lang),
      message(`help.ask.${p}`, lang),
      message('help.follow_up', lang),
      message('help.link', lang, { command: linkCommand(p, lang) }),
    ].join('\n'),
  working: (lang: Lang) => message('working', lang),
  received: (lang: Lang) => message('received', lang),
  rateLimited: (perMinute: number, lang: Lang) => message('rate_limited', lang, { perMinute }),
  sharedAccess: (lang: Lang) => message('shared_access', lang),
  privateReply: (lang: Lang) => message('private_reply', lang),
  groupPrivate: (sentPrivately: boolean, lang: Lang) =>
    message(sentPrivately ? 'group.sent_privately' : 'group.ask_privately', lang),
  failed: (lang: Lang) => message('failed', lang),
  howComputed: (lang: Lang) => message('how_computed', lang),
  chartTitle: (lang: Lang) => message('chart_title', lang),
  moreRows: (shown: number, total: number, lang: Lang) => message('more_rows', lang, { shown, total }),
  definitions: (lang: Lang) => message('definitions', lang),
  modelVersion: (lang: Lang) => message('model_version', lang),
  noProvenance: (lang: Lang) => message('no_provenance', lang),
  notUnderstood: (words: string[], lang: Lang) =>
    message('not_understood', lang, { words: words.join(message('list.separator', lang)) }),
  /** A subscription cannot be delivered: its owner has no linked account on the channel. */
  notLinked: (p: Provider, lang: Lang) =>
    message('not_linked', lang, { channel: message(`provider.${p}`, lang) }),
  /** The title of a card of follow-up buttons: the readings of a clarification, or questions to ask next. */
  followUpTitle: (clarify: boolean, lang: Lang) => message(clarify ? 'card.clarify' : 'card.next', lang),
};
