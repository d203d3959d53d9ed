/** The retention plan in plain words (zh/en): how many actions and customers, what first, what history says. */
import type { Lang } from '../../../../semantic-layer/src/catalog.ts';
import type { SemanticModel } from '../../../../semantic-layer/src/index.ts';
import { formatValue } from '../../answer/format.ts';
import type { PlannedAction } from './action-plan.ts';
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
  const firstText = zh
    ? `最优先的是“${first.action.label.zh}”：${n(first.targets.length)} 位（${segmentText(model, first.action, lang)}），${first.action.timing.zh}完成。`
    : `First: "${first.action.label.en}" for ${n(first.targets.length)} customers (${segmentText(model, first.action, lang)}), ${first.action.timing.en}.`;
  const proven = planned
    .filter((p) => p.history?.test && p.history.test.pValue < 0.05 && p.history.test.difference > 0)
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
    ? `建议 ${n(planned.length)} 项动作，覆盖 ${n(counts.atRisk)} 位风险客户中的 ${n(counts.atRiskCovered)} 位${churned}。${firstText}${historyText}每个动作都随机留出对照组，用与对照组的差异衡量效果。`
    : `${n(planned.length)} actions cover ${n(counts.atRiskCovered)} of the ${n(counts.atRisk)} at-risk customers${churned}. ${firstText}${historyText} Each action holds out a random control group and is judged by its difference from it.`;
}
