/**
 * Playbook actions in words (zh/en): whom an action targets (its segment, causes and risk band with
 * the model's own value labels), its channels, what history says it achieved, and how its success will
 * be measured against a held-out control group.
 */
import type { Lang } from '../../../../semantic-layer/src/catalog.ts';
import type { SemanticModel } from '../../../../semantic-layer/src/index.ts';
import { formatValue } from '../../answer/format.ts';
import { analysisMessage } from '../analysis-messages.ts';
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
  const parts: string[] = [];
  const sep = analysisMessage('playbook.segment.or', lang);
  if (a.segment.value_tiers?.length)
    parts.push(a.segment.value_tiers.map((v) => valueLabel(model, 'value_tier', v, lang)).join(sep));
  if (a.segment.lifecycle_stages?.length)
    parts.push(
      a.segment.lifecycle_stages.map((v) => valueLabel(model, 'lifecycle_stage', v, lang)).join(sep),
    );
  if (a.causes.length) {
    const causes = a.causes.map((c) => valueLabel(model, 'ticket_category', c, lang)).join(sep);
    parts.push(analysisMessage('playbook.segment.cause', lang, { causes }));
  }
  if (a.risk) {
    const band = `${Math.round(a.risk.min * 100)}%-${Math.round(a.risk.max * 100)}%`;
    parts.push(analysisMessage('playbook.segment.risk', lang, { band }));
  }
  if (!parts.length) return analysisMessage('playbook.segment.everyone', lang);
  return parts.join(' · ');
}

/** Channels joined, e.g. "电话任务 + 企业微信". */
export function channelText(a: PlaybookAction, lang: Lang): string {
  return a.channel.map((c) => CHANNELS[c]?.[lang] ?? c).join(' + ');
}

/** "挽留"/"saved" or "挽回"/"won back": what success means for the action. */
export function successWord(isWinback: boolean, lang: Lang): string {
  return analysisMessage(isWinback ? 'playbook.success.winback' : 'playbook.success.save', lang);
}

/** The expected effect from history, or that there is none yet. */
export function expectedEffectText(h: ActionHistory | undefined, isWinback: boolean, lang: Lang): string {
  const word = successWord(isWinback, lang);
  if (!h) return analysisMessage('playbook.effect.no_history', lang);
  const t = h.treated;
  const n = (v: number) => formatValue(v, 'count', lang);
  if (!h.control || !h.test) {
    return analysisMessage('playbook.effect.no_control', lang, {
      word,
      rate: pct(t.rate, lang),
      customers: n(t.customers),
    });
  }
  const c = h.control;
  const ci = h.test.differenceInterval;
  const p = h.test.pValue < 0.001 ? '<0.001' : h.test.pValue.toFixed(3);
  const flag =
    c.customers < MIN_CONTROL
      ? analysisMessage('playbook.effect.small_control', lang, { customers: n(c.customers) })
      : h.test.difference < 0
        ? analysisMessage('playbook.effect.negative', lang)
        : '';
  return (
    flag +
    analysisMessage('playbook.effect.history', lang, {
      word,
      rate: pct(t.rate, lang),
      customers: n(t.customers),
      controlRate: pct(c.rate, lang),
      controlCustomers: n(c.customers),
      difference: points(h.test.difference, lang),
      lower: points(ci.lower, lang),
      upper: points(ci.upper, lang),
      p,
    })
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
  const word = successWord(isWinback, lang);
  const n = (v: number) => formatValue(v, 'count', lang);
  const design = analysisMessage('playbook.measure.design', lang, {
    word,
    uplift: points(m.uplift, lang),
    upliftSource: analysisMessage(`playbook.uplift.${m.upliftSource}`, lang),
    perArm: m.perArm === null ? '—' : n(m.perArm),
    baseline: pct(m.baseline, lang),
    baselineSource: analysisMessage(`playbook.baseline.${m.baselineSource}`, lang),
  });
  const plan = analysisMessage(m.enough ? 'playbook.measure.enough' : 'playbook.measure.standing', lang, {
    targets: n(targets),
    holdout: n(m.holdout),
  });
  return design + plan;
}
