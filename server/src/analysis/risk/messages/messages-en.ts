/** English text of the risk model and the at-risk list; its keys are the message ids (messages-zh.ts has the same). */
export const EN = {
  separator: '; ',
  list_separator: ', ',
  score_flag: 'model score {pct}',
  sort_risk: 'Sorted by 90-day churn probability, highest first',
  sort_expected_loss: 'Sorted by expected loss (churn probability × 12-month spend), highest first',
  definition:
    '"At risk" = at least one governed early-warning rule fires (the at-risk customers metric counts the same customers); the level comes from the calibrated 90-day churn probability: medium 30-50%, high 50-70%, very high ≥ 70%, low < 30%; the risk model learns from quarter snapshots {from} to {to}',
  ignored_filters: 'Conditions that do not apply to a customer list were ignored: {members}',
  search_applied: 'Only customers matching "{search}": {matching} of {total}',
  narrative_none:
    'Of {scored} active customers, none trips an early-warning rule, so none is at risk. {quality}',
  narrative:
    'Of {scored} active customers, {atRisk} are at risk (an early-warning rule fires); by the calibrated 90-day churn probability, {levels}; expected loss {loss} in total.{shown} First is {who} (churn probability {pct}){why}. {quality}',
  narrative_levels: '{high} have 50% or more, {medium} 30-50% and {low} under 30%',
  narrative_shown: ' The table shows {from}-{to}.',
  narrative_why: ', mainly: {reasons}',
  narrative_score_only:
    ' {n} more customers score 30% or more without any rule firing: they are not counted as at risk (ask for customers by churn probability to see them).',
  too_many_rows: 'More than {max} rows: add a filter to narrow it down.',
  too_little_history:
    'Too little history to train and evaluate the risk model on a time split (two quarter snapshots with known outcomes are needed).',
  cannot_fit: 'The risk model cannot be fitted: {why}',
  no_history:
    'This model has no point-in-time customer history, so no churn risk model can be trained. It needs: {missing}. The other analyses (drivers, segments, reasons) still work.',
  method: 'Logistic regression (IRLS, standardised features, L2 λ = 1) on a time split of quarter snapshots',
  label: 'churned within 90 days of the snapshot',
  quality_single_class:
    'The evaluation snapshot {date} has a single outcome class, so AUC cannot be computed.',
  quality:
    'Trained on snapshots before {date} and tested on that snapshot: ROC AUC {auc}; {top} of the top-scored 10% churned within 90 days (overall {base}).',
  label_missing:
    'The risk list names customers, and this model has no customer id dimension. It needs: {missing}. The other analyses (drivers, segments, reasons) still work.',
  label_no_features:
    'Model {model} has no dimension with 2 to {max} values to learn churn from: add categorical, banded or boolean dimensions (dimensions.yaml).',
  label_one_class:
    'All {rows} customers have the same churn label: there is nothing to learn a risk score from.',
  label_definition:
    'Label churn has no dates, so the score is a look-alike probability: how likely a customer with these attributes is to be among those who churned (logistic regression, L2 λ = 1, on {dimensions}). "At risk" = a current customer (not churned) scoring {threshold} or more; the level comes from the same probability',
  label_left_out:
    'Left out of the model as recorded with the outcome (only churners have a value, or a value whose customers all churned holds half the churners): {members}',
  label_narrative:
    'Of {scored} current customers, {atRisk} score {threshold} or more and are at risk: {levels}.{shown} First is {who} (score {pct}){why}. {quality}',
  label_narrative_none:
    'Of {scored} current customers, none scores {threshold} or more, so none is at risk. {quality}',
  label_levels: '{veryHigh} at 70% or more, {high} 50-70% and {medium} 30-50%',
  label_quality:
    '{folds}-fold cross-validated ROC AUC {auc} on {rows} customers ({events} churned); {top} of the top-scored 10% had churned (overall {base}).',
  'feature.recency_days': '{days} since the last order',
  'feature.missed_orders': 'about {v} orders missed at the usual pace',
  'feature.orders_12m': '{orders} in 12 months',
  'feature.spend_12m': '12-month spend {money}',
  'feature.tenure_days': 'tenure {days}',
  'feature.new_customer': 'new customer (first order < 90 days ago)',
  'feature.not_new_customer': 'not a new customer',
  'feature.activity_last_3w': '{n} orders/visits in the last 3 weeks',
  'feature.activity_prev_3w': '{n} orders/visits in the 3 weeks before',
  'feature.tickets_90d': '{tickets} in 90 days',
  'feature.open_tickets_72h': '{tickets} open > 72 h',
  'feature.group_value': '{group}: {value}',
} as const;

export type RiskMessageId = keyof typeof EN;
