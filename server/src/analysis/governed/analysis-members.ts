import type { Bilingual } from '../../../../semantic-layer/src/catalog.ts';
import type { PresentedMember } from '../../answer/presentation-input.ts';
import { presentedMembers } from '../../answer/presented-members.ts';
import { AnalysisError } from '../analysis-contract.ts';
import { analysisMessage } from '../analysis-messages.ts';
import type { AnalysisContext } from './analysis-context.ts';
import { describeMissing, requirementOf } from './capabilities.ts';

/** Labels and formats of every catalog member plus the analysis's own columns. */
export function analysisMembers(
  ctx: AnalysisContext,
  extra: Record<string, PresentedMember> = {},
): Record<string, PresentedMember> {
  return { ...presentedMembers(ctx.runtime.catalog), ...extra };
}

/** A percent column an analysis adds (share, rate with factor…). */
export const percentMember = (label: Bilingual, lowerIsBetter?: boolean): PresentedMember => ({
  label,
  format: 'percent',
  ...(lowerIsBetter === undefined ? {} : { lowerIsBetter }),
});

/** A count column an analysis adds. */
export const countMember = (label: Bilingual): PresentedMember => ({ label, format: 'count' });

/** A plain number column (relative risk, phi…). */
export const numberMember = (label: Bilingual): PresentedMember => ({ label, format: 'number' });

/**
 * Checks that the model defines the members an analysis is built on; a model without them cannot
 * answer it (`AnalysisError('unsupported')`, naming what is missing).
 */
export function requireMembers(
  ctx: AnalysisContext,
  need: { metrics?: string[]; dimensions?: string[] },
): void {
  const { model } = ctx.runtime;
  const missing = [
    ...(need.metrics ?? []).filter((id) => !model.metrics[id]).map((id) => requirementOf(id, 'metric')),
    ...(need.dimensions ?? [])
      .filter((id) => !model.dimensions[id])
      .map((id) => requirementOf(id, 'dimension')),
  ];
  if (missing.length) {
    throw new AnalysisError(
      analysisMessage('missing_definitions', ctx.lang, {
        model: model.id,
        missing: describeMissing(missing, ctx.lang),
      }),
      'unsupported',
    );
  }
}

/** The label of a dimension value in the request's language (its code when the model has no label). */
export function valueText(ctx: AnalysisContext, dimensionId: string, value: unknown): string {
  if (value === null || value === undefined) return analysisMessage('no_value', ctx.lang);
  const d = ctx.runtime.catalog.dimensions.find((x) => x.id === dimensionId);
  return d?.values.find((v) => v.value === String(value))?.label[ctx.lang] ?? String(value);
}

/** A member's label in the request's language. */
export function memberText(ctx: AnalysisContext, id: string): string {
  const m =
    ctx.runtime.catalog.metrics.find((x) => x.id === id) ??
    ctx.runtime.catalog.dimensions.find((x) => x.id === id);
  return m ? m.label[ctx.lang] : id;
}
