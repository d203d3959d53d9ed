import { parse } from 'yaml';
import type { MemberKind } from '../api/governance.ts';
import type { MemberDefinition } from './member-form.ts';

const KIND_FILES: Record<MemberKind, string> = { metrics: 'metrics.yaml', dimensions: 'dimensions.yaml' };

/** The members of one kind in a draft's files (empty when the file does not parse). */
export function membersOf(files: Record<string, string>, kind: MemberKind): Record<string, MemberDefinition> {
  try {
    const doc = parse(files[KIND_FILES[kind]] ?? '') as Record<
      string,
      Record<string, MemberDefinition>
    > | null;
    return doc?.[kind] ?? {};
  } catch {
    return {};
  }
}

/** The inactivity churn window of a draft (null when churn.yaml does not parse). */
export function churnWindowOf(files: Record<string, string>): number | null {
  try {
    const doc = parse(files['churn.yaml'] ?? '') as { churn?: { window_days?: number } } | null;
    return doc?.churn?.window_days ?? null;
  } catch {
    return null;
  }
}
