import type { Dialect } from '../dialect/dialect.ts';
import { type MetricDef, measureOf, type SemanticModel } from '../model.ts';
import { isAdditive, type MeasureGroup } from '../resolve-query.ts';
import { measureColumn } from './compile-group.ts';

/**
 * The SQL expression of a metric over the joined group rows. Counts and sums read 0 where a group
 * has no row; ratios and divisions by zero read NULL (never an error).
 */
export function metricExpression(
  metric: MetricDef,
  model: SemanticModel,
  groups: MeasureGroup[],
  groupAlias: (g: MeasureGroup) => string,
  q: Dialect,
): string {
  const expr = (m: MetricDef): string => {
    switch (m.type) {
      case 'simple': {
        const measure = measureOf(model, m.measure)!;
        const g = groups.find((x) => x.measures.some((mm) => mm.id === measure.id))!;
        const col = `${groupAlias(g)}.${measureColumn(measure)}`;
        return isAdditive(measure) ? `COALESCE(${col}, 0)` : col;
      }
      case 'ratio':
        return `(${q.toDouble(expr(model.metrics[m.numerator]!))} / NULLIF(${q.toDouble(expr(model.metrics[m.denominator]!))}, 0))`;
      case 'derived':
        return derivedExpression(m.expr, (id) => q.toDouble(expr(model.metrics[id]!)));
      case 'cumulative':
      case 'period_over_period':
        // Computed after the core (windows, comparison); inside the core they read their base metric.
        return expr(model.metrics[m.metric]!);
      case 'cohort_retention':
        throw new Error('cohort retention is compiled on its own');
    }
  };
  return expr(metric);
}

type Token = { kind: 'op' | 'open' | 'close' | 'operand'; text: string };

/**
 * Rewrites a derived expression (`{a} * 100 / {b}`) into SQL: references become their expressions and
 * every divisor is wrapped in NULLIF(…, 0), so a zero reads NULL on every engine.
 */
export function derivedExpression(source: string, ref: (id: string) => string): string {
  const tokens: Token[] = [];
  for (const m of source.matchAll(/\{([a-z][a-z0-9_]*)\}|(\d+(?:\.\d+)?)|([+\-*/])|(\()|(\))|\s+/g)) {
    if (m[1]) tokens.push({ kind: 'operand', text: ref(m[1]) });
    else if (m[2]) tokens.push({ kind: 'operand', text: m[2] });
    else if (m[3]) tokens.push({ kind: 'op', text: m[3] });
    else if (m[4]) tokens.push({ kind: 'open', text: '(' });
    else if (m[5]) tokens.push({ kind: 'close', text: ')' });
  }
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    out.push(t.text);
    if (t.kind !== 'op' || t.text !== '/') continue;
    // Take the divisor: one operand, or a balanced parenthesised group.
    let j = i + 1;
    let depth = 0;
    const divisor: string[] = [];
    do {
      const d = tokens[j];
      if (!d) break;
      if (d.kind === 'open') depth++;
      if (d.kind === 'close') depth--;
      divisor.push(d.text);
      j++;
    } while (depth > 0);
    out.push(`NULLIF(${divisor.join(' ')}, 0)`);
    i = j - 1;
  }
  return `(${out.join(' ')})`;
}
