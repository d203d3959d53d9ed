/**
 * The risk model as an answer shows it (`Answer.analysis.model`): how it was trained and split in time,
 * its out-of-time ROC AUC, top-decile precision and calibration, and its strongest factors.
 */
import type { Lang } from '../../../../semantic-layer/src/catalog.ts';
import type { LevelCalibration } from './risk-evaluation.ts';
import { riskMessage } from './risk-messages.ts';
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
    /** Each risk level's customers and their observed 90-day churn on the evaluation snapshot (out of time). */
    levels: LevelCalibration[];
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
    method: riskMessage('method', lang),
    label: riskMessage('label', lang),
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
      levels: e.levels,
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
    return riskMessage('quality_single_class', lang, { date: s.evaluationDate });
  }
  const top = e.precisionTopDecile === null ? '' : pct(e.precisionTopDecile);
  return riskMessage('quality', lang, {
    date: s.evaluationDate,
    auc: e.rocAuc.toFixed(3),
    top,
    base: pct(e.baseRate),
  });
}
