/** The retention plan in plain words (zh/en): how many actions and customers, what first, what history says. */
import type { Lang } from '../../../../semantic-layer/src/catalog.ts';
import type { SemanticModel } from '../../../../semantic-layer/src/index.ts';
import { formatValue } from '../../answer/format.ts';
import { analysisMessage } from '../analysis-messages.ts';
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
  const n = (v: number) => formatValue(v, 'count', lang);
  const points = (v: number) => formatValue(v, 'percent_points', lang);
  if (planned.length === 0) return analysisMessage('playbook.plan.none', lang, { atRisk: n(counts.atRisk) });
  const first = planned[0]!;
  const firstText = analysisMessage('playbook.plan.first', lang, {
    label: first.action.label[lang],
    why: analysisMessage(
      actionEvidence(first.history) === 'proven'
        ? 'playbook.plan.ranked_proven'
        : 'playbook.plan.ranked_priority',
      lang,
    ),
    targets: n(first.targets.length),
    segment: segmentText(model, first.action, lang),
    timing: first.action.timing[lang],
  });
  const negative = planned
    .filter((p) => actionEvidence(p.history) === 'negative')
    .map((p) => {
      const t = p.history!.test!;
      return analysisMessage('playbook.plan.negative', lang, {
        label: p.action.label[lang],
        difference: points(t.difference),
        ci: `${points(t.differenceInterval.lower)} ~ ${points(t.differenceInterval.upper)}`,
        treated: n(p.history!.treated.customers),
        control: n(p.history!.control!.customers),
      });
    });
  const negativeText = negative.length
    ? analysisMessage('playbook.plan.negatives', lang, {
        items: negative.join(analysisMessage('requirement_separator', lang)),
      })
    : '';
  const proven = planned
    .filter((p) => actionEvidence(p.history) === 'proven')
    .sort((a, b) => b.history!.test!.difference - a.history!.test!.difference);
  const withHistory = planned.filter((p) => p.history).length;
  const historyText =
    proven.length > 0
      ? analysisMessage('playbook.plan.history.proven', lang, {
          label: proven[0]!.action.label[lang],
          points: points(proven[0]!.history!.test!.difference),
        })
      : analysisMessage(
          withHistory > 0 ? 'playbook.plan.history.unproven' : 'playbook.plan.history.none',
          lang,
        );
  const winback =
    counts.churnedCovered > 0
      ? analysisMessage('playbook.plan.winback', lang, { churned: n(counts.churnedCovered) })
      : '';
  return analysisMessage('playbook.plan', lang, {
    actions: n(planned.length),
    covered: n(counts.atRiskCovered),
    atRisk: n(counts.atRisk),
    winback,
    first: firstText,
    history: historyText,
    negative: negativeText,
  });
}
