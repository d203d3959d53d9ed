import type { Accuracy, EvalSummary } from './run-evals.ts';

/**
 * The printed eval report: per category and language, interpretation accuracy (all cases) and value
 * accuracy (cases with expected values, "-" when a group has none), then the failures of each kind.
 */

const pct = (x: number | null) => (x === null ? '-' : `${(x * 100).toFixed(1)}%`);

function line(name: string, g: Accuracy): string {
  return [
    name.padEnd(16),
    String(g.total).padStart(6),
    String(g.passed).padStart(7),
    pct(g.accuracy).padStart(8),
    String(g.valueTotal || '-').padStart(7),
    String(g.valueTotal ? g.valuePassed : '-').padStart(7),
    pct(g.valueAccuracy).padStart(8),
  ].join(' ');
}

/** The accuracy table: one line per category, per language, and the total. */
export function summaryLines(summary: EvalSummary): string[] {
  return [
    `${'category'.padEnd(16)} ${'cases'.padStart(6)} ${'passed'.padStart(7)} ${'interp.'.padStart(8)} ${'valued'.padStart(7)} ${'agree'.padStart(7)} ${'values'.padStart(8)}`,
    ...Object.entries(summary.byCategory)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, g]) => line(k, g)),
    ...Object.entries(summary.byLang)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, g]) => line(`lang ${k}`, g)),
    line('total', summary),
  ];
}

/** The first `show` interpretation failures and the first `show` value failures, with reasons. */
export function failureLines(summary: EvalSummary, show: number): string[] {
  const out: string[] = [];
  const wrong = summary.results.filter((r) => !r.score.pass);
  if (wrong.length)
    out.push(`\ninterpretation failures (first ${Math.min(show, wrong.length)} of ${wrong.length}):`);
  for (const r of wrong.slice(0, show))
    out.push(`  ${r.id}  ${r.question}\n      ${r.score.reasons.join('\n      ')}`);
  const values = summary.results.filter((r) => r.values && !r.values.pass);
  if (values.length)
    out.push(`\nvalue failures (first ${Math.min(show, values.length)} of ${values.length}):`);
  for (const r of values.slice(0, show))
    out.push(`  ${r.id}  ${r.question}\n      ${r.values!.reasons.join('\n      ')}`);
  return out;
}
