/**
 * Playbook actions in words (zh/en): whom an action targets (its segment, causes and risk band with
 * the model's own value labels), its channels, what history says it achieved, and how its success will
 * be measured against a held-out control group.
 */
import type { Lang } from '../../../../semantic-layer/src/catalog.ts';
import type { SemanticModel } from '../../../../semantic-layer/src/index.ts';
import { formatValue } from '../../answer/format.ts';
import type { ActionHistory } from './action-history.ts';
import { MIN_CONTROL } from './action-ranking.ts';
import type { PlaybookAction } from './match-playbook.ts';

const CHANNELS: Record<string, { zh: string; en: string }> = {
  call_task: { zh: '电话任务', en: 'call task' },
  wecom: { zh: '企业微信', en: 'WeCom' },
  sms: { zh: '短信', en: 'SMS' },
  email: { zh: '邮件', en: 'email' },
  app_push: { zh: 'APP 推送', en: 'app push' },
};

/** A stored dimension value's label in `lang` (the code when the model has none). */
function valueLabel(model: SemanticModel, dimension: string, value: string, lang: Lang): string {
  return model.dimensions[dimension]?.values[value]?.label[lang] ?? value;
}

const pct = (v: number, lang: Lang) => formatValue(v, 'percent', lang);
const points = (v: number, lang: Lang) => {
  const text = formatValue(v, 'percent_points', lang);
  return v > 0 && /[1-9]/.test(text) ? `+${text}` : text;
};

/** Whom the action targets, e.g. "高价值 · 风险阶段/沉睡阶段" or "原因：价格". */
export function segmentText(model: SemanticModel, a: PlaybookAction, lang: Lang): string {
  const zh = lang === 'zh';
  const parts: string[] = [];
  const sep = zh ? '/' : ' or ';
  if (a.segment.value_tiers?.length)
    parts.push(a.segment.value_tiers.map((v) => valueLabel(model, 'value_tier', v, lang)).join(sep));
  if (a.segment.lifecycle_stages?.length)
    parts.push(
      a.segment.lifecycle_stages.map((v) => valueLabel(model, 'lifecycle_stage', v, lang)).join(sep),
    );
  if (a.causes.length) {
    const causes = a.causes.map((c) => valueLabel(model, 'ticket_category', c, lang)).join(sep);
    parts.push(zh ? `原因：${causes}` : `cause: ${causes}`);
  }
  if (a.risk) {
    const band = `${Math.round(a.risk.min * 100)}%-${Math.round(a.risk.max * 100)}%`;
    parts.push(zh ? `流失概率 ${band}` : `churn probability ${band}`);
  }
  if (!parts.length) return zh ? '全部风险客户' : 'every at-risk customer';
  return parts.join(' · ');
}

/** Channels joined, e.g. "电话任务 + 企业微信". */
export function channelText(a: PlaybookAction, lang: Lang): string {
  return a.channel.map((c) => CHANNELS[c]?.[lang] ?? c).join(' + ');
}

/** "挽留"/"saved" or "挽回"/"won back": what success means for the action. */
export function successWord(isWinback: boolean, lang: Lang): string {
  if (lang === 'zh') return isWinback ? '挽回' : '挽留';
  return isWinback ? 'won back' : 'saved';
}

/** The expected effect from history, or that there is none yet. */
export function expectedEffectText(h: ActionHistory | undefined, isWinback: boolean, lang: Lang): string {
  const zh = lang === 'zh';
  const word = successWord(isWinback, lang);
  if (!h) {
    return zh
      ? '暂无历史：这个动作还没有执行记录，本次执行后开始积累效果数据'
      : 'No history yet: this action has never been run, so its effect will be learned from this round';
  }
  const t = h.treated;
  const n = (v: number) => formatValue(v, 'count', lang);
  if (!h.control || !h.test) {
    return zh
      ? `历史${word}率 ${pct(t.rate, lang)}（${n(t.customers)} 人），没有对照组，无法估计增量效果`
      : `Past ${word} rate ${pct(t.rate, lang)} (n = ${n(t.customers)}), no control group, so the incremental effect is unknown`;
  }
  const c = h.control;
  const ci = h.test.differenceInterval;
  const p = h.test.pValue < 0.001 ? '<0.001' : h.test.pValue.toFixed(3);
  const flag =
    c.customers < MIN_CONTROL
      ? zh
        ? `【效果未知：对照组只有 ${n(c.customers)} 人】`
        : `[Unknown effect: the control group has only ${n(c.customers)} customers] `
      : h.test.difference < 0
        ? zh
          ? '【效果为负：低于对照组】'
          : '[Negative: worse than control] '
        : '';
  return (
    flag +
    (zh
      ? `历史：触达组${word}率 ${pct(t.rate, lang)}（${n(t.customers)} 人）vs 对照组 ${pct(c.rate, lang)}（${n(c.customers)} 人），增量 ${points(h.test.difference, lang)}（95% CI ${points(ci.lower, lang)} ~ ${points(ci.upper, lang)}，p=${p}）`
      : `History: ${word} rate ${pct(t.rate, lang)} when contacted (n = ${n(t.customers)}) vs ${pct(c.rate, lang)} held out (n = ${n(c.customers)}), an increment of ${points(h.test.difference, lang)} (95% CI ${points(ci.lower, lang)} to ${points(ci.upper, lang)}, p = ${p})`)
  );
}

/** How success is measured: the holdout design with its sample size per arm. */
export interface MeasurementPlan {
  baseline: number;
  uplift: number;
  upliftSource: 'history' | 'assumed';
  baselineSource: 'action_control' | 'all_controls' | 'assumed';
  perArm: number | null;
  holdout: number;
  enough: boolean;
}

export function measureText(m: MeasurementPlan, targets: number, isWinback: boolean, lang: Lang): string {
  const zh = lang === 'zh';
  const word = successWord(isWinback, lang);
  const n = (v: number) => formatValue(v, 'count', lang);
  const baseline = {
    action_control: zh ? '该动作历史对照组' : "the action's past control group",
    all_controls: zh ? '全部动作的历史对照组' : 'all past control groups',
    assumed: zh ? '无历史，按 50% 保守估计' : 'no history: 50%, the conservative case',
  }[m.baselineSource];
  const uplift =
    m.upliftSource === 'history'
      ? zh
        ? '历史增量'
        : 'the past increment'
      : zh
        ? '假设的最小有意义提升'
        : 'an assumed smallest worthwhile lift';
  const design = zh
    ? `随机留出对照组（不触达），比较 90 天内${word}率；以 80% 功效（α=0.05）检出 ${points(m.uplift, lang)}（${uplift}）的差异，每组需 ${m.perArm === null ? '—' : n(m.perArm)} 人（基线 ${pct(m.baseline, lang)}，${baseline}）。`
    : `Hold out a random control group (not contacted) and compare the 90-day ${word} rate; detecting ${points(m.uplift, lang)} (${uplift}) with 80% power at α = 0.05 needs ${m.perArm === null ? '—' : n(m.perArm)} customers per arm (baseline ${pct(m.baseline, lang)}, ${baseline}).`;
  const plan = m.enough
    ? zh
      ? `本次 ${n(targets)} 位目标中随机留出 ${n(m.holdout)} 位作对照。`
      : ` Of the ${n(targets)} targets, hold out ${n(m.holdout)} at random.`
    : zh
      ? `本次仅 ${n(targets)} 位目标，一批不足以检验；随机留出 10%（${n(m.holdout)} 位）作持续对照组，累计多批后评估。`
      : ` ${n(targets)} targets are too few for one round: hold out 10% (${n(m.holdout)}) as a standing control group and evaluate over several rounds.`;
  return design + plan;
}
