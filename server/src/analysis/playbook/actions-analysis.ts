/**
 * `actions`: "怎么挽回?" / "what should we do?". Applies the governed playbook to the at-risk customers
 * (the same population as the risk list) and to customers who churned 30-90 days ago, and returns one
 * entry per action: whom it targets (count, segment and the list), channel and timing, the effect
 * history gives it (or that there is none yet), and how a held-out control group will measure it.
 */
import type { CompiledColumn } from '../../../../semantic-layer/src/compile/compile-query.ts';
import type { PresentationInput, PresentedMember } from '../../answer/presentation-input.ts';
import type { AnalysisResult, RunAnalysis } from '../analysis-contract.ts';
import { analysisMessage } from '../analysis-messages.ts';
import { type AnalysisContext, analysisContext, analysisResult } from '../governed/analysis-context.ts';
import { summariseRiskModel } from '../risk/model-summary.ts';
import { actionLabels } from '../risk/risk-list-table.ts';
import { actionHistory } from './action-history.ts';
import { type PlannedAction, planActions, retentionAction } from './action-plan.ts';
import { actionEvidence, rankActions } from './action-ranking.ts';
import { actionTargets } from './action-targets.ts';
import { channelText, segmentText } from './action-wording.ts';
import { actionsNarrative } from './actions-narrative.ts';
import { playbookActions } from './match-playbook.ts';

/** Target customers listed per action in `analysis` (the counts cover them all). */
export const LISTED_TARGETS = 100;

const dim = (name: string): CompiledColumn => ({ name, kind: 'dimension', member: name });
const metric = (name: string): CompiledColumn => ({ name, kind: 'metric', member: name });

const COLUMNS = [
  dim('action'),
  metric('targets'),
  dim('segment'),
  dim('channel'),
  dim('timing'),
  metric('expected_loss'),
  metric('past_rate'),
  metric('control_rate'),
  metric('uplift'),
  metric('uplift_low'),
  metric('uplift_high'),
  metric('treated_n'),
  metric('control_n'),
  dim('evidence'),
  metric('per_arm'),
];

function presentation(ctx: AnalysisContext, planned: PlannedAction[]): PresentationInput {
  const { model } = ctx.runtime;
  const lang = ctx.lang;
  const currency = 'currency' as const;
  const members: Record<string, PresentedMember> = {
    action: { label: { zh: '挽留动作', en: 'Action' }, values: actionLabels(model) },
    targets: { label: { zh: '目标客户数', en: 'Targets' }, format: 'count' },
    segment: { label: { zh: '目标人群', en: 'Segment' } },
    channel: { label: { zh: '渠道', en: 'Channel' } },
    timing: { label: { zh: '时机', en: 'Timing' } },
    expected_loss: { label: { zh: '预期损失（目标客户）', en: 'Expected loss (targets)' }, format: currency },
    past_rate: {
      label: { zh: '历史成功率（触达组）', en: 'Past success rate (contacted)' },
      format: 'percent',
    },
    control_rate: {
      label: { zh: '历史成功率（对照组）', en: 'Past success rate (control)' },
      format: 'percent',
    },
    uplift: { label: { zh: '历史增量（对比对照组）', en: 'Past increment vs control' }, format: 'percent' },
    uplift_low: { label: { zh: '增量 95% 下限', en: 'Increment 95% CI low' }, format: 'percent' },
    uplift_high: { label: { zh: '增量 95% 上限', en: 'Increment 95% CI high' }, format: 'percent' },
    treated_n: { label: { zh: '历史触达人数', en: 'Contacted (n)' }, format: 'count' },
    control_n: { label: { zh: '历史对照人数', en: 'Control (n)' }, format: 'count' },
    evidence: {
      label: { zh: '效果证据', en: 'Evidence' },
      values: {
        proven: { zh: '已证实有效', en: 'Proven' },
        unproven: { zh: '未证实', en: 'Not proven' },
        unknown: { zh: '效果未知', en: 'Unknown' },
        negative: { zh: '效果为负', en: 'Negative' },
      },
    },
    per_arm: { label: { zh: '每组所需样本量', en: 'Sample size per arm' }, format: 'count' },
  };
  const rows = planned.map((p) => ({
    action: p.action.id,
    targets: p.targets.length,
    segment: segmentText(model, p.action, lang),
    channel: channelText(p.action, lang),
    timing: p.action.timing[lang],
    expected_loss: p.targets.reduce((s, t) => s + t.expectedLoss, 0),
    past_rate: p.history?.treated.rate ?? null,
    control_rate: p.history?.control?.rate ?? null,
    uplift: p.history?.test?.difference ?? null,
    uplift_low: p.history?.test?.differenceInterval.lower ?? null,
    uplift_high: p.history?.test?.differenceInterval.upper ?? null,
    treated_n: p.history?.treated.customers ?? null,
    control_n: p.history?.control?.customers ?? null,
    evidence: actionEvidence(p.history),
    per_arm: p.measurement.perArm,
  }));
  return { language: lang, intent: 'actions', columns: COLUMNS, rows, members, currency: model.currency };
}

/** The retention plan (see the file comment). */
export const actionsAnalysis: RunAnalysis = async (runtime, request): Promise<AnalysisResult> => {
  const ctx = analysisContext(runtime, request);
  const started = performance.now();
  const lang = ctx.lang;
  const { population, churned, churnedCovered, targets } = await actionTargets(ctx);
  const history = await actionHistory(ctx);
  const actions = playbookActions(runtime.model.playbook);
  const planned = rankActions(planActions(actions, targets, history));
  let atRiskCovered = 0;
  for (const c of population.customers) if (c.action !== null) atRiskCovered++;
  ctx.trace.time('total_ms', performance.now() - started);
  return analysisResult(ctx, {
    presentation: presentation(ctx, planned),
    narrative: actionsNarrative(runtime.model, planned, {
      atRisk: population.customers.length,
      atRiskCovered,
      churnedCovered,
      lang,
    }),
    actions: planned.map((p) => retentionAction(runtime.model, p, lang)),
    analysis: {
      type: 'actions',
      population: {
        scored: population.scored,
        atRisk: population.customers.length,
        atRiskCovered,
        atRiskUncovered: population.customers.length - atRiskCovered,
        recentlyChurned: churned,
        churnedCovered,
      },
      actions: planned.map((p) => ({
        id: p.action.id,
        priority: p.action.priority,
        winback: p.winback,
        targets: {
          count: p.targets.length,
          expectedLoss: p.targets.reduce((s, t) => s + t.expectedLoss, 0),
          customers: p.targets.slice(0, LISTED_TARGETS),
        },
        offer: p.action.offer?.[lang] ?? null,
        history: p.history ?? null,
        evidence: actionEvidence(p.history),
        measurement: p.measurement,
      })),
      model: summariseRiskModel(population.model, lang, population.modelCached),
    },
    assumptions: [
      analysisMessage('playbook.assumption.one_action', lang),
      analysisMessage('playbook.assumption.success', lang),
    ],
  });
};
