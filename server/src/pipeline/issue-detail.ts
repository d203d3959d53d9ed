/**
 * A query issue from the semantic layer told in the user's language, naming members by their catalog labels
 * (the layer's own `message` is for analysts and logs, in English with member ids).
 */
import type { Lang } from '../../../semantic-layer/src/catalog.ts';
import type { Issue } from '../../../semantic-layer/src/issues.ts';
import type { SemanticModel } from '../../../semantic-layer/src/model.ts';
import { grainLabel } from '../answer/result-shape.ts';
import { messageCatalog } from '../i18n/message-catalog.ts';
import { EN, type PipelineMessageId } from './messages/messages-en.ts';
import { ZH } from './messages/messages-zh.ts';

const message = messageCatalog({ en: EN, zh: ZH });

const TOLD = new Set<string>([
  'fan_out',
  'unreachable',
  'rls_unreachable',
  'time_range_required',
  'not_groupable',
  'grain_not_supported',
  'unknown_member',
]);

/** One issue as a clause of the "cannot be computed" message. */
export function issueDetail(issue: Issue, model: SemanticModel, lang: Lang): string {
  const label = (id: string) => (model.metrics[id] ?? model.dimensions[id])?.label[lang] ?? id;
  const p = issue.params;
  if (!TOLD.has(issue.code) || !p) return message('issue.other', lang, { code: issue.code });
  const separator = message('understood_separator', lang);
  return message(`issue.${issue.code}` as PipelineMessageId, lang, {
    measures: (p.measures ?? []).map(label).join(separator),
    member: p.member ? label(p.member) : '',
    grain: p.grain ? grainLabel(p.grain, lang) : '',
  });
}
