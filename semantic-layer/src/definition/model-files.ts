/**
 * The definition files of a model folder; `playbook.yaml`, `monitors.yaml`, `tags.yaml` and `rollups.yaml` are optional, and so is
 * `churn.yaml` for a model without churn (a complaints log): it then reads as label churn on
 * `customers.churn_label`, which no ingest sets for such data, so nobody has churned, and a warning says so.
 */
export const MODEL_FILES = [
  'model.yaml',
  'sources.yaml',
  'dimensions.yaml',
  'metrics.yaml',
  'churn.yaml',
  'playbook.yaml',
  'monitors.yaml',
  'tags.yaml',
  'rollups.yaml',
] as const;

export type ModelFile = (typeof MODEL_FILES)[number];
