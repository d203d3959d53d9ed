/** The definition lifecycle over /api/models (server/src/http/routes/definitions.ts). */

import { api, query } from './client.ts';
import type { Bilingual } from './types.ts';

export type VersionStatus = 'draft' | 'in_review' | 'published' | 'rejected' | 'superseded';

export interface ModelSummary {
  id: string;
  label: Bilingual | string;
  activeVersion: number;
  publishedVersion: number | null;
  inReview: number;
  /** False for a new (uploaded) model still in review. */
  served?: boolean;
}

export interface ModelVersionView {
  id: string;
  model: string;
  versionNo: number;
  status: VersionStatus;
  contentHash: string;
  authorId: string | null;
  reviewerId: string | null;
  /** The author's reason for the change, given on submitting it. */
  submitNote?: string | null;
  /** The reviewer's reason for the decision. */
  reviewComment: string | null;
  basedOnVersion: number | null;
  createdAt: string;
  publishedAt: string | null;
  active: boolean;
  files?: Record<string, string>;
}

/** A definition issue: file, YAML path and line (request issues carry only path and message). */
export interface DefinitionIssue {
  code?: string;
  message: string;
  file?: string;
  path?: string;
  line?: number;
  severity?: 'error' | 'warning';
}

export interface Validation {
  ok: boolean;
  issues: DefinitionIssue[];
}

export type SampleResult =
  | { ok: true; columns: string[]; rows: Record<string, unknown>[]; truncated: boolean }
  | { ok: false; issues: DefinitionIssue[] };

export interface PreviewSample {
  reason: string;
  query: { metrics: string[]; dimensions?: string[]; timeRange?: { start: string; end: string } };
  before: SampleResult;
  after: SampleResult;
  differs: boolean;
}

export interface MemberChanges {
  added: string[];
  removed: string[];
  changed: { id: string; fields: string[] }[];
}

export interface ChangeSummary {
  members: Record<string, MemberChanges>;
  settings: { file: string; path: string; before: unknown; after: unknown }[];
  unreadable: string[];
  /** Row-level security rules, or a dimension they filter on, changed: shown in red to the reviewer. */
  accessPolicy?: { changed: boolean; changes: string[] };
}

export interface DraftPreview {
  asOf: { before: string; after: string };
  materialized: boolean;
  summary: ChangeSummary;
  samples: PreviewSample[];
  elapsedMs: number;
}

export interface VersionDiff {
  from: number;
  to: number;
  files: { file: string; status: 'added' | 'removed' | 'modified'; diff: string }[];
  summary: ChangeSummary;
}

/** Member kinds the form edits, as they appear in URLs. */
export type MemberKind = 'metrics' | 'dimensions';

const base = (model: string) => `/api/models/${encodeURIComponent(model)}`;
const at = (model: string, no: number) => `${base(model)}/versions/${no}`;

export const governance = {
  models: async () => (await api<{ models: ModelSummary[] }>('GET', '/api/models')).models,
  versions: async (model: string, status?: VersionStatus) =>
    (await api<{ versions: ModelVersionView[] }>('GET', `${base(model)}/versions${query({ status })}`))
      .versions,
  version: async (model: string, no: number) =>
    (await api<{ version: ModelVersionView }>('GET', at(model, no))).version,
  createDraft: async (model: string, fromVersion?: number) =>
    (
      await api<{ version: ModelVersionView }>(
        'POST',
        `${base(model)}/drafts`,
        fromVersion ? { fromVersion } : {},
      )
    ).version,
  saveMember: (model: string, no: number, kind: MemberKind, id: string, body: Record<string, unknown>) =>
    api<{ version: ModelVersionView; validation: Validation }>('PUT', `${at(model, no)}/${kind}/${id}`, body),
  saveChurnWindow: (model: string, no: number, windowDays: number) =>
    api<{ version: ModelVersionView; validation: Validation }>('PUT', `${at(model, no)}/churn-window`, {
      window_days: windowDays,
    }),
  saveFiles: (model: string, no: number, files: Record<string, string>) =>
    api<{ version: ModelVersionView; validation: Validation }>('PUT', `${at(model, no)}/files`, { files }),
  validate: (model: string, no: number) => api<Validation>('POST', `${at(model, no)}/validate`, {}),
  preview: (model: string, no: number) => api<DraftPreview>('POST', `${at(model, no)}/preview`, {}),
  submit: (model: string, no: number, note?: string) =>
    api<{ version: ModelVersionView }>('POST', `${at(model, no)}/submit`, note ? { note } : {}),
  approve: (model: string, no: number, comment?: string) =>
    api<{ version: ModelVersionView }>('POST', `${at(model, no)}/approve`, comment ? { comment } : {}),
  reject: (model: string, no: number, comment: string) =>
    api<{ version: ModelVersionView }>('POST', `${at(model, no)}/reject`, { comment }),
  rollback: (model: string, toVersion: number, comment?: string) =>
    api<{ version: ModelVersionView }>('POST', `${base(model)}/rollback`, {
      toVersion,
      ...(comment ? { comment } : {}),
    }),
  diff: (model: string, from: number, to: number) =>
    api<VersionDiff>('GET', `${base(model)}/diff${query({ from, to })}`),
};
