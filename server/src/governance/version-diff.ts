/**
 * What changed between two versions of a model's definition files: a unified diff per file and a
 * member-level summary (metrics, dimensions, sources, playbook rules, early-warning rules added, removed or
 * changed, plus every changed setting such as `churn.window_days`). Works on drafts that do not validate:
 * it reads the YAML, not the loaded model.
 */
import { parse } from 'yaml';
import { sameValue } from './same-value.ts';
import { unifiedDiff } from './unified-diff.ts';

/** Files of a version, `{ 'metrics.yaml': text }`. */
export type DefinitionFiles = Record<string, string>;

/** Members of one kind that differ. */
export interface MemberChanges {
  added: string[];
  removed: string[];
  /** Changed members with the top-level fields that differ (`synonyms`, `numerator`, …). */
  changed: { id: string; fields: string[] }[];
}

/** A setting outside the member maps (e.g. `churn.window_days` in churn.yaml). */
export interface SettingChange {
  file: string;
  path: string;
  before: unknown;
  after: unknown;
}

/** The member kinds and where they live. */
export const MEMBER_SECTIONS = {
  metrics: { file: 'metrics.yaml', key: 'metrics' },
  dimensions: { file: 'dimensions.yaml', key: 'dimensions' },
  sources: { file: 'sources.yaml', key: 'sources' },
  playbook: { file: 'playbook.yaml', key: 'playbook' },
  early_warning: { file: 'churn.yaml', key: 'early_warning' },
  monitors: { file: 'monitors.yaml', key: 'monitors' },
  tags: { file: 'tags.yaml', key: 'tags' },
} as const;
export type MemberSection = keyof typeof MEMBER_SECTIONS;

/** Member-level summary of a change. */
export interface ChangeSummary {
  members: Record<MemberSection, MemberChanges>;
  settings: SettingChange[];
  /** Files that are not valid YAML on one side (their members cannot be compared). */
  unreadable: string[];
  /**
   * The access policy: the row-level security rules or a dimension they filter on changed. Such a draft is
   * shown in red to its reviewer (an admin); previews keep enforcing the published policy meanwhile.
   */
  accessPolicy: { changed: boolean; changes: string[] };
}

/** Per-file diffs and the member summary. */
export interface VersionDiff {
  files: { file: string; status: 'added' | 'removed' | 'modified'; diff: string }[];
  summary: ChangeSummary;
}

/**
 * Compares two sets of definition files.
 * @example diffVersions(v1.definition, v2.definition, { from: 'v1', to: 'v2' })
 */
export function diffVersions(
  before: DefinitionFiles,
  after: DefinitionFiles,
  labels: { from: string; to: string },
): VersionDiff {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const files: VersionDiff['files'] = [];
  for (const file of names) {
    const a = before[file];
    const b = after[file];
    if (a === b) continue;
    files.push({
      file,
      status: a === undefined ? 'added' : b === undefined ? 'removed' : 'modified',
      diff: unifiedDiff(a ?? '', b ?? '', { from: `${labels.from}/${file}`, to: `${labels.to}/${file}` }),
    });
  }
  return { files, summary: summarizeChanges(before, after) };
}

/** The member-level summary alone (used by preview to pick sample queries). */
export function summarizeChanges(before: DefinitionFiles, after: DefinitionFiles): ChangeSummary {
  const unreadable: string[] = [];
  const read = (files: DefinitionFiles, file: string): Record<string, unknown> => {
    const text = files[file];
    if (text === undefined) return {};
    try {
      const value = parse(text);
      return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
    } catch {
      if (!unreadable.includes(file)) unreadable.push(file);
      return {};
    }
  };
  const members = {} as Record<MemberSection, MemberChanges>;
  const settings: SettingChange[] = [];
  // Identical files change nothing: only the others are parsed (the YAML parser dominates the cost).
  const files = [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((f) => before[f] !== after[f])
    .sort();
  const docs = Object.fromEntries(files.map((f) => [f, { a: read(before, f), b: read(after, f) }]));
  for (const [section, where] of Object.entries(MEMBER_SECTIONS) as [
    MemberSection,
    { file: string; key: string },
  ][]) {
    const doc = docs[where.file];
    members[section] = memberChanges(asRecord(doc?.a[where.key]), asRecord(doc?.b[where.key]));
  }
  const memberKeys = new Set(Object.values(MEMBER_SECTIONS).map((s) => `${s.file}#${s.key}`));
  for (const file of files) {
    const { a, b } = docs[file]!;
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (memberKeys.has(`${file}#${key}`)) continue;
      settingChanges(file, key, a[key], b[key], settings);
    }
  }
  return {
    members,
    settings,
    unreadable,
    accessPolicy: accessPolicyChanges(before, after, members, settings),
  };
}

const POLICY_FIELDS = new Set(['sql', 'source', 'alternates', 'type', 'bands']);

/** What changed in the row-level security rules or in the definitions of the dimensions they filter on. */
function accessPolicyChanges(
  before: DefinitionFiles,
  after: DefinitionFiles,
  members: Record<MemberSection, MemberChanges>,
  settings: SettingChange[],
): ChangeSummary['accessPolicy'] {
  const rules = (files: DefinitionFiles): unknown[] => {
    try {
      const rls = asRecord(parse(files['model.yaml'] ?? '')).row_level_security;
      return Array.isArray(rls) ? rls : [];
    } catch {
      return [];
    }
  };
  const dims = new Set([...rules(before), ...rules(after)].map((r) => String(asRecord(r).dimension)));
  const changes = settings
    .filter((s) => s.file === 'model.yaml' && s.path.startsWith('row_level_security'))
    .map((s) => `model.yaml ${s.path}`);
  for (const c of members.dimensions.changed)
    if (dims.has(c.id) && c.fields.some((f) => POLICY_FIELDS.has(f)))
      changes.push(`dimensions.${c.id} (${c.fields.filter((f) => POLICY_FIELDS.has(f)).join(', ')})`);
  for (const id of members.dimensions.removed) if (dims.has(id)) changes.push(`dimensions.${id} (removed)`);
  return { changed: changes.length > 0, changes };
}

/** True when nothing at member or setting level differs. */
export function isEmptySummary(summary: ChangeSummary): boolean {
  return (
    summary.settings.length === 0 &&
    Object.values(summary.members).every((m) => !m.added.length && !m.removed.length && !m.changed.length)
  );
}

function memberChanges(a: Record<string, unknown>, b: Record<string, unknown>): MemberChanges {
  const changed: MemberChanges['changed'] = [];
  for (const id of Object.keys(b)) {
    if (!(id in a) || sameValue(a[id], b[id])) continue;
    const ma = asRecord(a[id]);
    const mb = asRecord(b[id]);
    const fields = [...new Set([...Object.keys(ma), ...Object.keys(mb)])].filter(
      (f) => !sameValue(ma[f], mb[f]),
    );
    changed.push({ id, fields });
  }
  return {
    added: Object.keys(b).filter((id) => !(id in a)),
    removed: Object.keys(a).filter((id) => !(id in b)),
    changed,
  };
}

/** Leaf-level changes of a setting; lists count as leaves. */
function settingChanges(file: string, path: string, a: unknown, b: unknown, out: SettingChange[]): void {
  if (sameValue(a, b)) return;
  if (isPlainObject(a) && isPlainObject(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      settingChanges(file, `${path}.${key}`, a[key], b[key], out);
    }
    return;
  }
  out.push({ file, path, before: a ?? null, after: b ?? null });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function asRecord(value: unknown): Record<string, unknown> {
  return isPlainObject(value) ? value : {};
}
