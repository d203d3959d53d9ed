import type { ReferenceSpec } from './reference-spec.ts';
import { RETAIL_REFERENCES } from './retail-references.ts';
import { TELCO_REFERENCES } from './telco-references.ts';

/**
 * The reference of each eval question that has expected values (evals/values/expected-values.yaml):
 * which hand-written SQL family answers it (reference-sql.ts), for which period(s), keys and
 * conditions, written from the question's words and CONVENTIONS.md, not from what the pipeline did.
 * `fill-expected.ts` runs them and writes the expected rows.
 */
export const REFERENCES: Record<string, ReferenceSpec> = { ...RETAIL_REFERENCES, ...TELCO_REFERENCES };
