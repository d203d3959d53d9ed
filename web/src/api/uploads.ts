/** Uploading a table and turning it into a model for review (server/src/http/routes/uploads.ts). */

import { ApiError, api, apiHeaders, errorFrom } from './client.ts';

export type AttributeRole = 'categorical' | 'boolean' | 'band' | 'time' | 'measure_only' | 'skipped';
export const ROLES: AttributeRole[] = ['categorical', 'boolean', 'band', 'time', 'measure_only', 'skipped'];

export interface Labels {
  en?: string;
  zh?: string;
}

export interface PlannedAttribute {
  column: string;
  name: string;
  label: string;
  labelZh?: string;
  role: AttributeRole;
  values?: string[];
  bands?: Array<{ value: string; lt?: number }>;
  valueLabels?: Record<string, Labels>;
  merges?: Record<string, string>;
  variants: Array<{ into: string; from: Array<{ value: string }> }>;
}

export interface Plan {
  key: string;
  shape: 'customer_table' | 'event_log';
  churn?: { kind: 'label' | 'inactivity' | 'contract'; column: string; windowDays?: number };
  label: string;
  labelZh?: string;
  attributes: PlannedAttribute[];
  notes: string[];
}

export interface UploadColumn {
  name: string;
  type: string;
  distinct: number;
  top: Array<{ value: string; count: number }>;
}

export interface UploadView {
  id: string;
  fileName: string;
  bytes: number;
  rows: number;
  columns: UploadColumn[];
  model: string | null;
}

export interface Proposal {
  model: string;
  plan: Plan;
  files: Record<string, string>;
  metrics: Array<{ id: string; label: { en: string; zh?: string } }>;
  validation: { ok: boolean; issues: Array<{ message: string; file?: string }> };
}

export interface ColumnEdit {
  role?: AttributeRole;
  label?: Labels;
  values?: Record<string, Labels>;
  merge?: Record<string, string>;
}

export interface ModelChoices {
  model: string;
  key?: string;
  churnColumn?: string;
  edits?: { label?: Labels; columns?: Record<string, ColumnEdit> };
}

export interface UploadReply {
  upload: UploadView;
  proposal: Proposal;
}

export const uploads = {
  /** Sends the file itself as the body (streamed by the browser); the server answers the proposed model. */
  async send(file: Blob, fileName: string): Promise<UploadReply> {
    const headers = { ...apiHeaders('POST'), 'Content-Type': 'text/csv' };
    let response: Response;
    try {
      response = await fetch(`/api/uploads?fileName=${encodeURIComponent(fileName)}`, {
        method: 'POST',
        headers,
        body: file,
        credentials: 'same-origin',
      });
    } catch (cause) {
      throw new ApiError(0, 'network', (cause as Error).message);
    }
    if (!response.ok) throw await errorFrom(response);
    return (await response.json()) as UploadReply;
  },
  propose: (id: string, choices: ModelChoices) =>
    api<UploadReply>('POST', `/api/uploads/${id}/proposal`, choices),
  submit: (id: string, choices: ModelChoices) =>
    api<{ version: { model: string; versionNo: number; status: string }; proposal: Proposal }>(
      'POST',
      `/api/uploads/${id}/submit`,
      choices,
    ),
};
