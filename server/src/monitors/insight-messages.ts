/** The words of insights, in Chinese and English (catalogs in messages/). */
import type { MonitorCondition } from '../../../semantic-layer/src/definition/schema.ts';
import { formatValue } from '../answer/format.ts';
import { messageCatalog } from '../i18n/message-catalog.ts';
import { EN } from './messages/messages-en.ts';
import { ZH } from './messages/messages-zh.ts';

type Lang = 'zh' | 'en';

/** A monitors message in `lang`, `{name}` placeholders filled. */
export const monitorMessage = messageCatalog({ en: EN, zh: ZH });
const m = monitorMessage;

const pp = (n: number, lang: Lang) => formatValue(n, 'percent_points', lang);

/** The condition in words, with its stated method. */
export function conditionText(c: MonitorCondition, format: string | undefined, lang: Lang): string {
  switch (c.type) {
    case 'always':
      return m('condition.always', lang);
    case 'threshold':
      return m(`condition.threshold.${c.op}`, lang, { value: formatValue(c.value, format as never, lang) });
    case 'change':
      return m(`condition.change.${c.direction}`, lang, {
        size: c.unit === 'pp' ? pp(c.by / 100, lang) : `${c.by}%`,
      });
    case 'anomaly':
      return m('condition.anomaly', lang, { z: c.z, trailing: c.trailing });
  }
}

export const insightWords = {
  alert: (lang: Lang) => m('alert', lang),
  report: (lang: Lang) => m('report', lang),
  valueLine: (lang: Lang, label: string, period: string, value: string) =>
    m('value_line', lang, { label, period, value }),
  changeLine: (lang: Lang, previous: string, change: string, relative: string | null) =>
    relative
      ? m('change_line_relative', lang, { previous, change, relative })
      : m('change_line', lang, { previous, change }),
  conditionLine: (lang: Lang, text: string, held: boolean) =>
    m(held ? 'condition_line.met' : 'condition_line.not_met', lang, { text }),
  anomalyLine: (lang: Lang, mean: string, z: string) => m('anomaly_line', lang, { mean, z }),
  attribution: (lang: Lang, intent: 'decomposition' | 'reasons') => m(`attribution.${intent}`, lang),
  attributionFailed: (lang: Lang, why: string) => m('attribution_failed', lang, { why }),
  noData: (lang: Lang, why: string) => m('no_data', lang, { why }),
  newFlagged: (lang: Lang, total: number) => m('new_flagged', lang, { total }),
  ruleLine: (lang: Lang, label: string, added: number, flagged: number, groups: string) =>
    m(groups ? 'rule_line_groups' : 'rule_line', lang, { label, added, flagged, groups }),
  groupSeparator: (lang: Lang) => m('group_separator', lang),
  askWarnings: (lang: Lang) => m('ask_warnings', lang),
  askWhyChanged: (lang: Lang, metric: string, filters: string, period: string) =>
    m('ask_why_changed', lang, { metric, filters, period }),
  askDigest: (lang: Lang) => m('ask_digest', lang),
  questionTitle: (lang: Lang, question: string) => m('question_title', lang, { question }),
  digestTitle: (lang: Lang, period: string) => m('digest_title', lang, { period }),
  movers: (lang: Lang) => m('movers', lang),
  atRiskHigh: (lang: Lang, count: number) => m('at_risk_high', lang, { count }),
  tasksDue: (lang: Lang, count: number) => m('tasks_due', lang, { count }),
};
