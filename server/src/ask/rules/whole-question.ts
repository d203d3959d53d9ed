import type { Catalog } from '../../../../semantic-layer/src/catalog.ts';
import type { Interpretation } from '../interpretation.ts';
import type { QuestionAnalysis } from './analyse-question.ts';
import { askedCustomerId } from './customer-question.ts';
import { assembleQuery } from './draft.ts';
import { say } from './messages.ts';
import { absentConcept, outOfScopeReason } from './scope.ts';

type Base = Pick<Interpretation, 'language' | 'unknownTerms' | 'understood'>;

/**
 * Readings of the whole question, before its members are resolved: a request that is no question about the
 * data (declined), a concept the model lacks (named back, never answered by another metric), one customer
 * asked about by id (their profile). Undefined when the question is none of these.
 */
export function readWholeQuestion(
  analysis: QuestionAnalysis,
  catalog: Catalog,
  question: string,
  continuing: boolean,
  base: Base,
): Interpretation | undefined {
  const customerId = catalog.dimensions.some((d) => d.id === 'customer_id')
    ? askedCustomerId(question)
    : null;
  const declined = outOfScopeReason(analysis, catalog, continuing, customerId !== null);
  if (declined)
    return {
      ...base,
      kind: 'out_of_scope',
      intent: 'out_of_scope',
      query: null,
      assumptions: [],
      reason: declined,
    };

  // "share of wallet", "缺货断码导致的流失": a concept the model lacks is named, never answered by another metric
  const absent = absentConcept(analysis);
  if (absent)
    return {
      ...base,
      kind: 'clarify',
      intent: 'clarify',
      query: null,
      assumptions: [],
      reason: say.absentConcept(absent, base.language),
      options: [],
    };
  if (customerId)
    return {
      ...base,
      // the id is the customer asked about, not an unknown word
      unknownTerms: base.unknownTerms.filter((t) => t.toUpperCase() !== customerId),
      kind: 'analysis',
      intent: 'customer_profile',
      query: assembleQuery({
        model: catalog.model,
        metrics: ['customers'],
        dimensions: [],
        filters: [{ member: 'customer_id', op: 'eq', values: [customerId] }],
      }),
      assumptions: [],
    };
  return undefined;
}
