import type { Lang } from '../../../semantic-layer/src/catalog.ts';
import type { Issue } from '../../../semantic-layer/src/issues.ts';
import type { SemanticModel } from '../../../semantic-layer/src/model.ts';
import { messageCatalog } from '../i18n/message-catalog.ts';
import { issueDetail } from './issue-detail.ts';
import { EN } from './messages/messages-en.ts';
import { ZH } from './messages/messages-zh.ts';

const message = messageCatalog({ en: EN, zh: ZH });

/** What the user reads when a question cannot be answered, in their language (catalogs in messages/). */
export const pipelineMessages = {
  cannotCompile(issues: Issue[], model: SemanticModel, understood: string[], lang: Lang): string {
    if (issues.some((i) => i.code === 'access_denied')) return message('access_denied', lang);
    const words = understood.join(message('understood_separator', lang));
    return message('cannot_compile', lang, {
      detail: [...new Set(issues.map((i) => issueDetail(i, model, lang)))].join(lang === 'zh' ? '；' : '; '),
      understood: understood.length ? message('understood', lang, { words }) : '',
    });
  },
  timeout: (lang: Lang) => message('timeout', lang),
  noRows: (lang: Lang) => message('no_rows', lang),
  internal: (lang: Lang) => message('internal', lang),
  analysisUnavailable: (lang: Lang) => message('analysis_unavailable', lang),
  llmFallback: (lang: Lang) => message('llm_fallback', lang),
  partialAnswer: (terms: string[], lang: Lang) =>
    message('partial_answer', lang, { terms: terms.join(message('terms_separator', lang)) }),
  unanswered: (asks: string[], lang: Lang) =>
    message('unanswered', lang, { asks: asks.join(message('terms_separator', lang)) }),
  subscriptionConfirm: (
    lang: Lang,
    p: { question: string; schedule: string; timezone: string; channel: string },
  ) => message('subscription_confirm', lang, p),
  subscriptionFilter: (lang: Lang, member: string, values: string) =>
    message('subscription_filter', lang, { member, values }),
  listSeparator: (lang: Lang) => message('list_separator', lang),
  scopeAll: (lang: Lang) => message('scope_all', lang),
  scopeNone: (lang: Lang) => message('scope_none', lang),
  scopeRestricted: (lang: Lang, rules: string) => message('scope_restricted', lang, { rules }),
  channelName: (lang: Lang, channel: 'inbox' | 'email' | 'slack' | 'wecom') =>
    message(`channel.${channel}`, lang),
};
