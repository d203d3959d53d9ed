/**
 * Edits an analyst makes to a draft, expressed as YAML member edits: a whole member (metric, dimension,
 * playbook or early-warning rule), a member's synonyms, the churn window, or whole files.
 */
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { MODEL_FILES } from '../../../semantic-layer/src/definition/load-model.ts';
import { MEMBER_SECTIONS, type MemberSection } from './version-diff.ts';
import { setYamlMember } from './yaml-member-edit.ts';

/** One change to one file: set (or delete, when `value` is undefined) the value at `path`. */
export interface YamlEdit {
  file: string;
  path: string[];
  value: unknown;
  /** The member must already exist (synonym edits). */
  mustExist?: string[];
}

/** Why an edit could not be applied. */
export interface EditFailure {
  ok: false;
  code: 'yaml_syntax' | 'member_not_found' | 'not_a_map' | 'unknown_file';
  message: string;
  file: string;
}

/** Member kinds as they appear in URLs. */
export const EDITABLE_KINDS = {
  metrics: 'metrics',
  dimensions: 'dimensions',
  playbook: 'playbook',
  'early-warning': 'early_warning',
  monitors: 'monitors',
  tags: 'tags',
} as const satisfies Record<string, MemberSection>;
export type EditableKind = keyof typeof EDITABLE_KINDS;

/** A member id as the model writes them. */
export const MemberIdSchema = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'a member id (snake_case)');

/** A member's definition object (its meaning is checked by validation, not here). */
export const MemberBodySchema = z.record(z.string(), z.unknown());

/** Bilingual synonym lists. */
export const SynonymsSchema = z.strictObject({
  zh: z.array(z.string().trim().min(1).max(100)).max(200),
  en: z.array(z.string().trim().min(1).max(100)).max(200),
});

/** The inactivity churn window, optionally per value tier. */
export const ChurnWindowSchema = z.strictObject({
  window_days: z.number().int().min(1).max(3650),
  window_overrides: z.record(z.string(), z.number().int().min(1).max(3650)).optional(),
});

/** Whole-file edits: new texts by file name; `null` removes an optional file. */
export const FilesBodySchema = z.strictObject({
  files: z.record(z.string(), z.string().max(2_000_000).nullable()),
});

/** Set or delete one member. */
export function memberEdit(
  kind: EditableKind,
  id: string,
  value: Record<string, unknown> | undefined,
): YamlEdit {
  const section = MEMBER_SECTIONS[EDITABLE_KINDS[kind]];
  return { file: section.file, path: [section.key, id], value };
}

/** Replace a metric's or dimension's synonyms. */
export function synonymsEdit(kind: 'metrics' | 'dimensions', id: string, synonyms: unknown): YamlEdit {
  const section = MEMBER_SECTIONS[kind];
  return {
    file: section.file,
    path: [section.key, id, 'synonyms'],
    value: synonyms,
    mustExist: [section.key, id],
  };
}

/** Set the churn window (and per-tier overrides when given). */
export function churnWindowEdits(body: z.infer<typeof ChurnWindowSchema>): YamlEdit[] {
  const edits: YamlEdit[] = [
    { file: 'churn.yaml', path: ['churn', 'window_days'], value: body.window_days, mustExist: ['churn'] },
  ];
  if (body.window_overrides) {
    edits.push({ file: 'churn.yaml', path: ['churn', 'window_overrides'], value: body.window_overrides });
  }
  return edits;
}

/**
 * Applies edits to a copy of `files`.
 * @example applyEdits(draft.definition, [memberEdit('metrics', 'churn_rate', definition)])
 */
export function applyEdits(
  files: Record<string, string>,
  edits: YamlEdit[],
): { ok: true; files: Record<string, string> } | EditFailure {
  const next = { ...files };
  for (const edit of edits) {
    const text = next[edit.file];
    if (text === undefined) {
      return {
        ok: false,
        code: 'unknown_file',
        message: `${edit.file} is not part of this version`,
        file: edit.file,
      };
    }
    if (edit.mustExist) {
      const doc = parseDocument(text);
      if (!doc.errors.length && !doc.hasIn(edit.mustExist)) {
        const message = `${edit.mustExist.join('.')} does not exist`;
        return { ok: false, code: 'member_not_found', message, file: edit.file };
      }
    }
    const result = setYamlMember(text, edit.path, edit.value);
    if (!result.ok) return { ...result, file: edit.file };
    next[edit.file] = result.text;
  }
  return { ok: true, files: next };
}

/** Applies whole-file replacements; only the model's definition files may be written. */
export function applyFiles(
  files: Record<string, string>,
  replacements: Record<string, string | null>,
): { ok: true; files: Record<string, string> } | EditFailure {
  const next = { ...files };
  for (const [file, text] of Object.entries(replacements)) {
    if (!(MODEL_FILES as readonly string[]).includes(file)) {
      return { ok: false, code: 'unknown_file', message: `${file} is not a definition file`, file };
    }
    if (text === null) delete next[file];
    else next[file] = text;
  }
  return { ok: true, files: next };
}
