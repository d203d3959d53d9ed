/**
 * The risk model as an answer shows it (`Answer.analysis.model`): how it was trained and split in time,
 * its out-of-time ROC AUC, top-decile precision and calibration, and its strongest factors.
 */
import type { Lang } from '../../../../semantic-layer/src/catalog.ts';
import type { RiskModel } from './train-risk-model.ts';

export interface RiskModelSummary {
  modelVersion: string;
  method: string;
  label: string;
  trainingDates: string[];
  evaluationDate: string;
  productionDates: string[];
  trainingRows: number;
  productionRows: number;
  /** Share of customers the history was sampled to (1 = all). */
  sampleRate: number;
  evaluation: {
    rows: number;
    events: number;
    rocAuc: number | null;
    precisionTopDecile: number | null;
    liftTopDecile: number | null;
    baseRate: number;
    brier: number | null;
    calibration: { bin: number; count: number; meanPredicted: number; observedRate: number }[];
  };
  /** Strongest factors by standardised effect, with odds ratio per SD and its 95% CI. */
  factors: {
    feature: string;
    label: string;
    oddsRatioPerSd: number;
    low: number;
    high: number;
    pValue: number;
  }[];
  trainingMs: number;
  cached: boolean;
}

/** A serialisable summary of a trained model, labels in `lang`. */
export function summariseRiskModel(model: RiskModel, lang: Lang, cached: boolean, top = 8): RiskModelSummary {
  const e = model.evaluation;
  const labels = new Map(model.features.map((f) => [f.id, f.label[lang]]));
  const factors = model.fit.coefficients
    .filter((c) => c.sd > 0)
    .sort((a, b) => Math.abs(b.standardized.estimate) - Math.abs(a.standardized.estimate))
    .slice(0, top)
    .map((c) => ({
      feature: c.feature,
      label: labels.get(c.feature) ?? c.feature,
      oddsRatioPerSd: c.oddsRatioPerSd,
      low: c.oddsRatioPerSdInterval.lower,
      high: c.oddsRatioPerSdInterval.upper,
      pValue: c.pValue,
    }));
  return {
    modelVersion: model.modelVersion,
    method:
      lang === 'zh'
        ? '逻辑回归（IRLS，标准化特征，L2 λ=1），按季度快照时间切分'
        : 'Logistic regression (IRLS, standardised features, L2 λ = 1) on a time split of quarter snapshots',
    label: lang === 'zh' ? '快照后 90 天内流失' : 'churned within 90 days of the snapshot',
    trainingDates: model.trainingDates,
    evaluationDate: model.evaluationDate,
    productionDates: model.productionDates,
    trainingRows: e.trainingRows,
    productionRows: model.productionRows,
    sampleRate: model.sampleRate,
    evaluation: {
      rows: e.rows,
      events: e.events,
      rocAuc: e.auc,
      precisionTopDecile: e.topDecile?.precision ?? null,
      liftTopDecile: e.topDecile?.lift ?? null,
      baseRate: e.rows ? e.events / e.rows : 0,
      brier: e.brier,
      calibration: e.calibration.map((b) => ({
        bin: b.bin,
        count: b.count,
        meanPredicted: b.meanPredicted,
        observedRate: b.observedRate,
      })),
    },
    factors,
    trainingMs: model.timings.totalMs,
    cached,
  };
}

/** One sentence on how well the model ranks, for narratives. */
export function modelQualitySentence(s: RiskModelSummary, lang: Lang): string {
  const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
  const e = s.evaluation;
  if (e.rocAuc === null) {
    return lang === 'zh'
      ? `评估快照 ${s.evaluationDate} 只有一类结果，无法计算 AUC。`
      : `The evaluation snapshot ${s.evaluationDate} has a single outcome class, so AUC cannot be computed.`;
  }
  const top = e.precisionTopDecile === null ? '' : pct(e.precisionTopDecile);
  return lang === 'zh'
    ? `模型用 ${s.evaluationDate} 之前的快照训练、在 ${s.evaluationDate} 快照上检验：ROC AUC ${e.rocAuc.toFixed(3)}，评分最高的 10% 客户中 ${top} 在 90 天内流失（整体 ${pct(e.baseRate)}）。`
    : `Trained on snapshots before ${s.evaluationDate} and tested on that snapshot: ROC AUC ${e.rocAuc.toFixed(3)}; ${top} of the top-scored 10% churned within 90 days (overall ${pct(e.baseRate)}).`;
}
