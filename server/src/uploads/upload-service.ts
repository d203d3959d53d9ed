/**
 * The web upload of a table (issue 17 §6): receive a CSV, propose a model through the same scaffolder as
 * `npm run model -- init` (profile → plan → files), apply the analyst's corrections, and submit the result
 * as a draft of a new model for review. When an admin approves it, `activateNew` ingests the table into
 * `<dataDir>/<id>.duckdb`, writes the model folder under the uploads folder (so later starts serve it) and
 * registers the model: it answers questions without a restart.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Lang } from '../../../semantic-layer/src/catalog.ts';
import type { Issue } from '../../../semantic-layer/src/index.ts';
import { ingest } from '../data/ingest/ingest.ts';
import { formatIssue } from '../data/ingest/mapping-issue.ts';
import type { ScaffoldPlan } from '../data/scaffold/guess-model.ts';
import { scaffoldFiles } from '../data/scaffold/model-files.ts';
import { applyPlanEdits, type PlanEdits } from '../data/scaffold/plan-edits.ts';
import { profileTable } from '../data/scaffold/profile-table.ts';
import { planTable } from '../data/scaffold/scaffold-model.ts';
import { validateDefinition } from '../governance/definition-validation.ts';
import { type Actor, definitionWorkflow } from '../governance/definition-workflow.ts';
import type { MessageParams } from '../i18n/message-catalog.ts';
import type { ModelRegistry } from '../models/model-registry.ts';
import { openModelEngine } from '../pipeline/model-engine.ts';
import type { ModelVersion } from '../store/model-versions.ts';
import type { Store } from '../store/open-store.ts';
import { checkCsv } from './csv-check.ts';
import { type UploadFiles, type UploadRecord, UploadTooLarge, uploadFiles } from './upload-files.ts';

/** Largest upload: `CHATBI_UPLOAD_MAX_MB` (read when the service is made), default 100 MB. */
export const maxUploadBytes = () => (Number(process.env.CHATBI_UPLOAD_MAX_MB) || 100) * 1024 * 1024;

export type UploadCode =
  | 'upload_too_large'
  | 'csv_empty'
  | 'csv_no_rows'
  | 'csv_field_count'
  | 'csv_open_quote'
  | 'csv_unreadable'
  | 'upload_not_found'
  | 'model_exists'
  | 'invalid_plan_edit'
  | 'invalid_definition';

export type UploadOutcome<T> =
  | { ok: true; value: T }
  | { ok: false; code: UploadCode; params?: MessageParams; issues?: Issue[] };

/** What the analyst chose: the model id, the key and churn column, cleaning, currency, corrections. */
export interface ModelChoices {
  model: string;
  key?: string;
  churnColumn?: string;
  clean?: boolean;
  currency?: string;
  edits?: PlanEdits;
}

/** A proposed model: the plan, its files (definitions and `ingest/<id>.yaml`) and their validation. */
export interface Proposal {
  plan: ScaffoldPlan;
  files: Record<string, string>;
  metrics: Array<{ id: string; label: { en: string; zh?: string } }>;
  validation: { ok: boolean; issues: Issue[] };
}

const refuse = <T>(code: UploadCode, params?: MessageParams, issues?: Issue[]): UploadOutcome<T> => ({
  ok: false,
  code,
  ...(params ? { params } : {}),
  ...(issues ? { issues } : {}),
});

export interface UploadDeps {
  store: Store;
  registry: ModelRegistry;
  dataDir: string;
  uploadsDir: string;
  maxBytes?: number;
  /** Today (as-of date of a table without dates); default the clock's date. */
  today?: () => string;
}

export function uploadService(deps: UploadDeps) {
  const files: UploadFiles = uploadFiles(deps.uploadsDir);
  const maxBytes = deps.maxBytes ?? maxUploadBytes();
  const today = deps.today ?? (() => new Date().toISOString().slice(0, 10));
  const flow = definitionWorkflow({ store: deps.store, registry: deps.registry });
  const mappingDir = (model: string) => join(files.modelsDir, model, 'ingest');

  async function modelTaken(model: string): Promise<boolean> {
    return (
      deps.registry.has(model) ||
      existsSync(join(deps.dataDir, `${model}.duckdb`)) ||
      existsSync(join(files.modelsDir, model)) ||
      (await deps.store.modelVersions.list({ model })).length > 0
    );
  }

  /** The proposed model of an upload; its notes in `language` (the asking user's). */
  async function propose(
    record: UploadRecord,
    choices: ModelChoices,
    language: Lang = 'en',
  ): Promise<UploadOutcome<Proposal>> {
    let guessed: ScaffoldPlan;
    try {
      guessed = await planTable(record.profile, {
        id: choices.model,
        language,
        key: choices.key,
        churnColumn: choices.churnColumn,
        clean: choices.clean,
        today: today(),
      });
    } catch (error) {
      const column = choices.key ?? choices.churnColumn ?? '';
      return refuse('invalid_plan_edit', { column, detail: (error as Error).message });
    }
    const edited = applyPlanEdits(guessed, record.profile, choices.edits ?? {});
    if (!edited.ok) return refuse('invalid_plan_edit', { column: edited.column, detail: edited.detail });
    const plan = edited.plan;
    const sourceFile = relative(mappingDir(choices.model), record.file).split(sep).join('/');
    const scaffolded = scaffoldFiles(plan, {
      sourceFile,
      currency: (choices.currency ?? 'USD').toUpperCase(),
      description: `${plan.label}, uploaded from ${record.fileName}`,
    });
    const check = validateDefinition(scaffolded.definitions, choices.model);
    const metrics = check.ok
      ? Object.values(check.model.metrics).map((m) => ({ id: m.id, label: m.label }))
      : [];
    return {
      ok: true,
      value: {
        plan,
        files: { ...scaffolded.definitions, [`ingest/${choices.model}.yaml`]: scaffolded.mapping },
        metrics,
        validation: { ok: check.ok, issues: check.issues },
      },
    };
  }

  return {
    files,
    maxBytes,

    /** Stores an uploaded CSV, checks it line by line and profiles it. */
    async receive(
      body: ReadableStream<Uint8Array>,
      fileName: string,
      actor: Actor,
    ): Promise<UploadOutcome<UploadRecord>> {
      let received: { id: string; file: string; bytes: number };
      try {
        received = await files.receive(body, maxBytes);
      } catch (error) {
        if (error instanceof UploadTooLarge)
          return refuse('upload_too_large', { limitMb: Math.round(maxBytes / 1024 / 1024) });
        throw error;
      }
      const problem = checkCsv(readFileSync(received.file, 'utf8'));
      if (problem) {
        files.remove(received.id);
        if (problem.kind === 'field_count') return refuse('csv_field_count', { ...problem });
        if (problem.kind === 'open_quote') return refuse('csv_open_quote', { line: problem.line });
        return refuse(problem.kind === 'empty' ? 'csv_empty' : 'csv_no_rows');
      }
      let profile: UploadRecord['profile'];
      try {
        profile = await profileTable(received.file);
      } catch (error) {
        files.remove(received.id);
        const detail = String((error as Error).message)
          .split('\n')[0]!
          .slice(0, 300);
        return refuse('csv_unreadable', { detail });
      }
      const record: UploadRecord = {
        id: received.id,
        fileName,
        file: received.file,
        bytes: received.bytes,
        createdBy: actor.id,
        createdAt: new Date().toISOString(),
        profile,
      };
      files.save(record);
      await deps.store.audit.record({
        action: 'model.upload',
        userId: actor.id,
        target: `upload:${record.id}`,
        details: { fileName, bytes: record.bytes, rows: profile.rows, columns: profile.columns.length },
        ip: actor.ip ?? null,
      });
      return { ok: true, value: record };
    },

    /** The upload (its uploader's, or any for an admin). */
    find(id: string, actor: Actor): UploadOutcome<UploadRecord> {
      const record = files.get(id);
      if (!record || (record.createdBy !== actor.id && actor.role !== 'admin'))
        return refuse('upload_not_found', { id });
      return { ok: true, value: record };
    },

    propose,

    /** Creates the new model's draft from the proposal and sends it to review. */
    async submit(
      record: UploadRecord,
      choices: ModelChoices,
      actor: Actor,
      language: Lang = 'en',
    ): Promise<UploadOutcome<{ version: ModelVersion; proposal: Proposal }>> {
      if (record.model || (await modelTaken(choices.model)))
        return refuse('model_exists', { model: record.model ?? choices.model });
      const proposed = await propose(record, choices, language);
      if (!proposed.ok) return proposed;
      const { files: all, validation } = proposed.value;
      if (!validation.ok)
        return refuse('invalid_definition', { count: validation.issues.length }, validation.issues);
      const { [`ingest/${choices.model}.yaml`]: mapping, ...definition } = all;
      const draft = await deps.store.modelVersions.createDraft({
        model: choices.model,
        definition,
        authorId: actor.id,
        basedOnVersion: null,
      });
      await deps.store.audit.record({
        action: 'model.draft',
        userId: actor.id,
        target: `${draft.model}@${draft.versionNo}`,
        details: { model: draft.model, versionNo: draft.versionNo, upload: record.id },
        ip: actor.ip ?? null,
      });
      files.save({ ...record, model: choices.model, versionNo: draft.versionNo, mapping });
      const submitted = await flow.submit(choices.model, draft.versionNo, actor);
      if (!submitted.ok) return refuse('invalid_definition', submitted.params, submitted.issues);
      return { ok: true, value: { version: submitted.value, proposal: proposed.value } };
    },

    /**
     * Puts an approved uploaded model into service: ingest, model folder, engine, registry. Null when the
     * version is not an upload's (nothing to do); an error message when a step fails (nothing is left behind).
     */
    async activateNew(version: ModelVersion): Promise<{ ok: true } | { ok: false; detail: string } | null> {
      const record = files.forModel(version.model);
      if (!record?.mapping) return null;
      const modelDir = join(files.modelsDir, version.model);
      const dbPath = join(deps.dataDir, `${version.model}.duckdb`);
      const cleanUp = () => {
        rmSync(modelDir, { recursive: true, force: true });
        for (const f of [dbPath, `${dbPath}.wal`]) rmSync(f, { force: true });
      };
      try {
        mkdirSync(join(modelDir, 'ingest'), { recursive: true });
        const configPath = join(modelDir, 'ingest', `${version.model}.yaml`);
        writeFileSync(configPath, record.mapping);
        const loaded = await ingest({ model: version.model, configPath, dbPath });
        if (!loaded.ok) {
          cleanUp();
          return { ok: false, detail: loaded.issues.map(formatIssue).join('; ').slice(0, 300) };
        }
        const check = validateDefinition(version.definition, version.model);
        if (!check.ok) throw new Error(check.issues[0]?.message ?? 'invalid definition');
        for (const [name, text] of Object.entries(version.definition))
          writeFileSync(join(modelDir, name), text);
        const engine = await openModelEngine(deps.dataDir, version.model);
        await deps.registry.add(engine, check.model, version.versionNo);
        return { ok: true };
      } catch (error) {
        cleanUp();
        return {
          ok: false,
          detail: String((error as Error).message)
            .split('\n')[0]!
            .slice(0, 300),
        };
      }
    },
  };
}

export type UploadService = ReturnType<typeof uploadService>;
