/** A confusion matrix over string classes: counts[actual][predicted]. */
export interface Confusion {
  classes: string[];
  counts: Record<string, Record<string, number>>;
}

/** Per-class precision, recall and F1, with the class's support (actual count). */
export interface ClassScores {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

/** Builds the confusion matrix of actual vs predicted labels over the given classes. */
export function confusion(actual: string[], predicted: string[], classes: string[]): Confusion {
  const counts: Record<string, Record<string, number>> = {};
  for (const a of classes) counts[a] = Object.fromEntries(classes.map((p) => [p, 0]));
  for (let i = 0; i < actual.length; i++) counts[actual[i]][predicted[i]]++;
  return { classes, counts };
}

/** Share of items predicted right. */
export function accuracy(actual: string[], predicted: string[]): number {
  if (actual.length === 0) return Number.NaN;
  let right = 0;
  for (let i = 0; i < actual.length; i++) if (actual[i] === predicted[i]) right++;
  return right / actual.length;
}

/** Precision, recall and F1 per class from a confusion matrix. */
export function classScores(matrix: Confusion): Record<string, ClassScores> {
  const scores: Record<string, ClassScores> = {};
  for (const c of matrix.classes) {
    const tp = matrix.counts[c][c];
    const support = matrix.classes.reduce((s, p) => s + matrix.counts[c][p], 0);
    const predicted = matrix.classes.reduce((s, a) => s + matrix.counts[a][c], 0);
    const precision = predicted === 0 ? 0 : tp / predicted;
    const recall = support === 0 ? 0 : tp / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    scores[c] = { precision: round(precision), recall: round(recall), f1: round(f1), support };
  }
  return scores;
}

/** Rounds to 4 decimals for reports. */
export function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

/** Formats a confusion matrix as a Markdown table (rows actual, columns predicted). */
export function confusionTable(matrix: Confusion): string {
  const head = `| actual \\ predicted | ${matrix.classes.join(' | ')} |`;
  const rule = `|---|${matrix.classes.map(() => '---:').join('|')}|`;
  const rows = matrix.classes.map(
    (a) => `| ${a} | ${matrix.classes.map((p) => matrix.counts[a][p]).join(' | ')} |`,
  );
  return [head, rule, ...rows].join('\n');
}
