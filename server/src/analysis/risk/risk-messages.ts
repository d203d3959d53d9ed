/** The risk folder's user-visible text, from its catalogs (messages/), in the request's language. */
import type { Lang } from '../../../../semantic-layer/src/catalog.ts';
import { messageCatalog } from '../../i18n/message-catalog.ts';
import { AnalysisError } from '../analysis-contract.ts';
import { describeMissing, type Requirement } from '../governed/capabilities.ts';
import { EN } from './messages/messages-en.ts';
import { ZH } from './messages/messages-zh.ts';

export const riskMessage = messageCatalog({ en: EN, zh: ZH });

/** The risk model cannot be built on this model: message `id` names the definitions it lacks and their files. */
export function lacksDefinitions(
  id: 'no_history' | 'label_missing',
  requirements: Requirement[],
  lang: Lang,
): AnalysisError {
  return new AnalysisError(
    riskMessage(id, lang, { missing: describeMissing(requirements, lang) }),
    'unsupported',
  );
}
