/** The campaign-outcome narrative in the question's language: the best measured group, its interval and test. */
import type { Lang } from '../../../../semantic-layer/src/catalog.ts';
import type { GroupOutcome } from './campaign-outcomes.ts';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const pp = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}`;

/** What each grouping is called in a sentence. */
const NOUN: Record<string, { zh: string; en: string }> = {
  campaign: { zh: '活动', en: 'campaign' },
  message_channel: { zh: '渠道', en: 'channel' },
  retention_action: { zh: '动作', en: 'action' },
};

/** One sentence per measured group (at most three), best first; unknown effects said plainly. */
export function outcomesNarrative(
  outcomes: GroupOutcome[],
  by: string,
  label: (group: string) => string,
  lang: Lang,
): string {
  const noun = NOUN[by] ?? NOUN.campaign!;
  if (outcomes.length === 0)
    return lang === 'zh'
      ? '所选范围内还没有挽留消息的触达记录，无法评估效果。'
      : 'No retention messages in the selected range yet: nothing to measure.';
  const measured = outcomes.filter((o) => o.uplift !== null && o.interval);
  const lines: string[] = [];
  for (const o of measured.slice(0, 3)) {
    const sig = (o.pValue ?? 1) < 0.05;
    const cost = o.costPerRetained;
    if (lang === 'zh')
      lines.push(
        `${noun.zh}「${label(o.group)}」：实验组挽回率 ${pct(o.treated.rate)}（${o.treated.customers} 人），对照组 ${pct(o.control!.rate)}（${o.control!.customers} 人），增量 ${pp(o.uplift!)} 个百分点，95% 区间 [${pp(o.interval!.lower)}, ${pp(o.interval!.upper)}]，p=${o.pValue!.toFixed(3)}（${sig ? '显著' : '不显著'}）${cost !== null ? `，每挽回一位客户成本 ${cost.toFixed(2)} 元` : ''}。`,
      );
    else
      lines.push(
        `${noun.en[0]!.toUpperCase()}${noun.en.slice(1)} "${label(o.group)}": treated ${pct(o.treated.rate)} (${o.treated.customers}) vs control ${pct(o.control!.rate)} (${o.control!.customers}), uplift ${pp(o.uplift!)} pp, 95% CI [${pp(o.interval!.lower)}, ${pp(o.interval!.upper)}], p=${o.pValue!.toFixed(3)} (${sig ? 'significant' : 'not significant'})${cost !== null ? `, ${cost.toFixed(2)} per retained customer` : ''}.`,
      );
  }
  const unknown = outcomes.length - measured.length;
  if (unknown > 0)
    lines.push(
      lang === 'zh'
        ? `另有 ${unknown} 个${noun.zh}没有对照组，效果未知。`
        : `${unknown} more without a control group: effect unknown.`,
    );
  const best = measured[0];
  const head =
    best && (best.pValue ?? 1) < 0.05 && best.uplift! > 0
      ? lang === 'zh'
        ? `效果最好的${noun.zh}是「${label(best.group)}」。`
        : `The most effective ${noun.en} is "${label(best.group)}".`
      : lang === 'zh'
        ? `没有${noun.zh}的增量在 5% 水平上显著。`
        : `No ${noun.en} shows an uplift significant at the 5% level.`;
  return [head, ...lines].join(lang === 'zh' ? '' : ' ');
}
