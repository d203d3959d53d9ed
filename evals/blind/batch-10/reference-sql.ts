import type { Reference } from '../batch-2/reference-sql.ts';

export const REFERENCES: Record<string, Reference> = {};
