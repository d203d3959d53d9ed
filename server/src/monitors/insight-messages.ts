/** The words of insights, in Chinese and English. */
import type { MonitorCondition } from '../../../semantic-layer/src/definition/schema.ts';
import { formatValue } from '../answer/format.ts';

type Lang = 'zh' | 'en';

const pp = (n: number, lang: Lang) => formatValue(n, 'percent_points', lang);

/** The condition in words, with its stated method. */
export function conditionText(c: MonitorCondition, format: string | undefined, lang: Lang): string {
  const zh = lang === 'zh';
  switch (c.type) {
    case 'always':
      return zh ? '定期报告' : 'scheduled report';
    case 'threshold': {
      const v = formatValue(c.value, format as never, lang);
      return zh ? `${c.op === 'above' ? '高于' : '低于'} ${v}` : `${c.op} ${v}`;
    }
    case 'change': {
      const size = c.unit === 'pp' ? pp(c.by / 100, lang) : `${c.by}%`;
      const dir = zh
        ? { up: '上升', down: '下降', any: '变化' }[c.direction]
        : { up: 'rises', down: 'falls', any: 'changes' }[c.direction];
      return zh ? `较上期${dir}至少 ${size}` : `${dir} by at least ${size} on the previous period`;
    }
    case 'anomaly':
      return zh
        ? `偏离前 ${c.trailing} 期均值超过 ${c.z} 个标准差（z 分数，样本标准差）`
        : `more than ${c.z} standard deviations from the mean of the ${c.trailing} periods before (z-score, sample standard deviation)`;
  }
}

export const insightWords = {
  alert: (lang: Lang) => (lang === 'zh' ? '预警' : 'Alert'),
  report: (lang: Lang) => (lang === 'zh' ? '报告' : 'Report'),
  valueLine: (lang: Lang, label: string, period: string, value: string) =>
    lang === 'zh' ? `${period}${label}为 ${value}` : `${label} ${period}: ${value}`,
  changeLine: (lang: Lang, previous: string, change: string, relative: string | null) =>
    lang === 'zh'
      ? `上期 ${previous}，变化 ${change}${relative ? `（${relative}）` : ''}`
      : `previous period ${previous}, change ${change}${relative ? ` (${relative})` : ''}`,
  conditionLine: (lang: Lang, text: string, held: boolean) =>
    lang === 'zh'
      ? `条件：${text}——${held ? '已触发' : '未触发'}`
      : `Condition: ${text} — ${held ? 'met' : 'not met'}`,
  anomalyLine: (lang: Lang, mean: string, z: string) =>
    lang === 'zh' ? `前几期均值 ${mean}，z 分数 ${z}` : `trailing mean ${mean}, z-score ${z}`,
  attribution: (lang: Lang, intent: 'decomposition' | 'reasons') =>
    lang === 'zh'
      ? intent === 'decomposition'
        ? '变化分解'
        : '流失原因'
      : intent === 'decomposition'
        ? 'Change decomposition'
        : 'Churn reasons',
  attributionFailed: (lang: Lang, why: string) =>
    lang === 'zh' ? `无法归因：${why}` : `No attribution: ${why}`,
  noData: (lang: Lang, why: string) =>
    lang === 'zh' ? `无法读取指标：${why}` : `Could not read the metric: ${why}`,
  newFlagged: (lang: Lang, total: number) =>
    lang === 'zh'
      ? `自上次运行以来新增 ${total} 位预警客户`
      : `${total} customers newly flagged since the last run`,
  ruleLine: (lang: Lang, label: string, added: number, flagged: number, groups: string) =>
    lang === 'zh'
      ? `${label}：新增 ${added}（当前共 ${flagged}）${groups ? `；${groups}` : ''}`
      : `${label}: ${added} new (${flagged} now)${groups ? `; ${groups}` : ''}`,
  askWarnings: (lang: Lang) =>
    lang === 'zh' ? '哪些客户有流失风险？' : 'Which customers are at risk of churning?',
  questionTitle: (lang: Lang, q: string) => (lang === 'zh' ? `订阅：${q}` : `Subscription: ${q}`),
  digestTitle: (lang: Lang, period: string) =>
    lang === 'zh' ? `每周回顾（${period}）` : `Weekly review (${period})`,
  movers: (lang: Lang) => (lang === 'zh' ? '变化最大的指标' : 'Biggest movers'),
  atRiskHigh: (lang: Lang, n: number) =>
    lang === 'zh' ? `新增高价值风险客户 ${n} 位` : `${n} new high-value customers at risk`,
  tasksDue: (lang: Lang, n: number) => (lang === 'zh' ? `待跟进预警 ${n} 条` : `${n} warnings to follow up`),
};
