import type { IssueLog } from '../issues.ts';
import type { SemanticModel } from '../model.ts';
import { rollupLayout } from './rollup-layout.ts';

/**
 * Meaning checks of `rollups.yaml` (zod checked its shape): every metric and dimension exists, and the
 * metrics resolve by those dimensions like a query would (reachable, no double counting, no cohort).
 * Run on a model whose other files are clean, since it resolves queries on it.
 */
export function checkRollups(model: SemanticModel, log: IssueLog): void {
  for (const [id, def] of Object.entries(model.rollups)) {
    const at = (path: string) => ({ file: 'rollups.yaml', path: `rollups.${id}.${path}` });
    let known = true;
    def.metrics.forEach((m, i) => {
      if (model.metrics[m]) return;
      known = false;
      log.error('unknown_member', `rollup ${id}: ${m} is not a metric`, at(`metrics.${i}`));
    });
    def.dimensions.forEach((d, i) => {
      const dim = model.dimensions[d];
      if (dim?.type === 'time') {
        log.error(
          'type_mismatch',
          `rollup ${id}: ${d} is a time dimension (use grains)`,
          at(`dimensions.${i}`),
        );
      } else if (dim) return;
      else log.error('unknown_member', `rollup ${id}: ${d} is not a dimension`, at(`dimensions.${i}`));
      known = false;
    });
    if (!known) continue;
    const layout = rollupLayout(model, id);
    if (!Array.isArray(layout)) continue;
    for (const issue of layout.filter((x) => x.severity === 'error'))
      log.error(issue.code, `rollup ${id}: ${issue.message}`, at('metrics'));
  }
}
