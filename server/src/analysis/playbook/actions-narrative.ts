/** The retention plan in plain words (zh/en): how many actions and customers, what first, what history says. */
import type { Lang } from '../../../../semantic-layer/src/catalog.ts';
import type { SemanticModel } from '../../../../semantic-layer/src/index.ts';
import { formatValue } from '../../answer/format.ts';
import type { PlannedAction } from './action-plan.ts';
import { actionEvidence } from './action-ranking.ts';
import { segmentText } from './action-wording.ts';

export interface PlanCounts {
  atRisk: number;
  atRiskCovered: number;
  churnedCovered: number;
  lang: Lang;
}

export function actionsNarrative(model: SemanticModel, planned: PlannedAction[], counts: PlanCounts): string {
  const { lang } = counts;
  const zh = lang === 'zh';
  const n = (v: number) => formatValue(v, 'count', lang);
  if (planned.length === 0) {
    return zh
      ? `当前没有需要执行的挽留动作：${n(counts.atRisk)} 位风险客户中没有符合剧本条件的，也没有近 1-3 个月流失的目标客户。`
      : `No retention action is due: none of the ${n(counts.atRisk)} at-risk customers fits the playbook, and no recently churned customer is targeted.`;
  }
  const first = planned[0]!;
  const firstEvidence = actionEvidence(first.history);
  const why =
    firstEvidence === 'proven'
      ? zh
        ? '（按对照组实测增量排序）'
        : ' (ranked by measured increment over control)'
      : zh
        ? '（注意：尚无动作被证实优于对照组，排序仅按剧本优先级）'
        : ' (note: no action has yet proven better than its control; ranked by playbook priority)';
  const firstText = zh
    ? `最优先的是“${first.action.label.zh}”${why}：${n(first.targets.length)} 位（${segmentText(model, first.action, lang)}），${first.action.timing.zh}完成。`
    : `First: "${first.action.label.en}"${why} for ${n(first.targets.length)} customers (${segmentText(model, first.action, lang)}), ${first.action.timing.en}.`;
  const negative = planned
    .filter((p) => actionEvidence(p.history) === 'negative')
    .map((p) => {
      const t = p.history!.test!;
      const ci = `${formatValue(t.differenceInterval.lower, 'percent_points', lang)} ~ ${formatValue(t.differenceInterval.upper, 'percent_points', lang)}`;
      return zh
        ? `“${p.action.label.zh}”历史增量为负（${formatValue(t.difference, 'percent_points', lang)}，95% CI ${ci}，触达 ${n(p.history!.treated.customers)} 人 / 对照 ${n(p.history!.control!.customers)} 人），排在最后，执行前应复核`
        : `"${p.action.label.en}" did worse than its control (${formatValue(t.difference, 'percent_points', lang)}, 95% CI ${ci}, n = ${n(p.history!.treated.customers)} contacted / ${n(p.history!.control!.customers)} held out) and is ranked last; review it before running it`;
    });
  const negativeText = negative.length ? (zh ? `${negative.join('；')}。` : ` ${negative.join('; ')}.`) : '';
  const proven = planned
    .filter((p) => actionEvidence(p.history) === 'proven')
    .sort((a, b) => b.history!.test!.difference - a.history!.test!.difference);
  const withHistory = planned.filter((p) => p.history).length;
  const points = (v: number) => formatValue(v, 'percent_points', lang);
  const historyText =
    proven.length > 0
      ? zh
        ? `历史上增量最明确的是“${proven[0]!.action.label.zh}”（比对照组高 ${points(proven[0]!.history!.test!.difference)}）。`
        : ` History shows the clearest increment for "${proven[0]!.action.label.en}" (${points(proven[0]!.history!.test!.difference)} above control).`
      : withHistory > 0
        ? zh
          ? '已有的历史记录还不足以证明增量效果。'
          : ' Past results do not yet prove an increment over control.'
        : zh
          ? '这些动作还没有历史记录。'
          : ' None of these actions has a history yet.';
  const churned =
    counts.churnedCovered > 0
      ? zh
        ? `，以及 ${n(counts.churnedCovered)} 位近 1-3 个月流失的客户（挽回）`
        : `, plus ${n(counts.churnedCovered)} customers who churned 1-3 months ago (win-back)`
      : '';
  return zh
    ? `建议 ${n(planned.length)} 项动作，覆盖 ${n(counts.atRisk)} 位风险客户中的 ${n(counts.atRiskCovered)} 位${churned}。${firstText}${historyText}${negativeText}每个动作都随机留出对照组，用与对照组的差异衡量效果。`
    : `${n(planned.length)} actions cover ${n(counts.atRiskCovered)} of the ${n(counts.atRisk)} at-risk customers${churned}. ${firstText}${historyText}${negativeText} Each action holds out a random control group and is judged by its difference from it.`;
}
