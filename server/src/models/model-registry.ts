import { formatIssue, loadModel } from '../../../semantic-layer/src/index.ts';
import type { SemanticModel } from '../../../semantic-layer/src/model.ts';
import type { AnalyticsEngine } from '../data/analytics-engine.ts';
import { type MaterializeProgress, type ModelRuntime, prepareModel } from '../data/model-runtime.ts';

/** A model the server answers from: its runtime and the store version number it came from. */
export interface ActiveModel {
  runtime: ModelRuntime;
  /** `model_versions.version_no` in the app store (0 when not stored, e.g. in tests). */
  versionNo: number;
}

export type ModelListener = (modelId: string, active: ActiveModel) => void;

/**
 * The models the server answers from, one DuckDB engine each. Publishing a new definition version
 * swaps the runtime atomically after its derived tables are rebuilt, so questions in flight finish on
 * the old version and the next question uses the new one, without a restart.
 */
export class ModelRegistry {
  private readonly active = new Map<string, ActiveModel>();
  private readonly engines = new Map<string, AnalyticsEngine>();
  private readonly listeners: ModelListener[] = [];
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly defaultModelId: string) {}

  /** Registers a model's engine and activates its first definition. */
  async add(
    engine: AnalyticsEngine,
    model: SemanticModel,
    versionNo = 0,
    onProgress?: MaterializeProgress,
  ): Promise<ActiveModel> {
    this.engines.set(model.id, engine);
    return this.activate(model, versionNo, onProgress);
  }

  /** The active model (the default one when no id is given); throws for an unknown id. */
  get(modelId?: string): ActiveModel {
    const id = modelId ?? this.defaultModelId;
    const found = this.active.get(id);
    if (!found) throw new Error(`unknown model ${id}; available: ${[...this.active.keys()].join(', ')}`);
    return found;
  }

  has(modelId: string): boolean {
    return this.active.has(modelId);
  }

  list(): ActiveModel[] {
    return [...this.active.values()];
  }

  engineFor(modelId: string): AnalyticsEngine | undefined {
    return this.engines.get(modelId);
  }

  /**
   * Loads definition files (a published version from the store) and activates them. Activations run
   * one at a time so two publishes never rebuild the derived tables concurrently.
   */
  async activateFiles(
    files: Record<string, string>,
    versionNo: number,
    onProgress?: MaterializeProgress,
  ): Promise<ActiveModel> {
    const loaded = loadModel(files);
    if (!loaded.ok) throw new Error(`cannot activate model: ${loaded.issues.map(formatIssue).join('; ')}`);
    return this.activate(loaded.model, versionNo, onProgress);
  }

  /**
   * Replaces a served model's analytic database (new data loaded by `npm run ingest` into a staged file):
   * queued with activations; the old engine is closed, `swap` moves the files, `open` opens the new one and
   * the active definition is prepared on it (derived tables rebuilt). When that fails, `undo` restores the
   * files and the old data is served again. Questions running on the old engine during the swap fail and
   * may be asked again.
   */
  replaceDatabase(
    modelId: string,
    files: { swap: () => void; undo: () => void; open: () => Promise<AnalyticsEngine> },
  ): Promise<ActiveModel> {
    const run = this.queue.then(async () => {
      const current = this.active.get(modelId);
      const old = this.engines.get(modelId);
      if (!current || !old) throw new Error(`model ${modelId} is not served`);
      await old.close();
      files.swap();
      try {
        this.engines.set(modelId, await files.open());
        return await this.serve(current.runtime.model, current.versionNo);
      } catch (error) {
        await this.engines
          .get(modelId)
          ?.close()
          .catch(() => undefined);
        files.undo();
        this.engines.set(modelId, await files.open());
        await this.serve(current.runtime.model, current.versionNo);
        throw error;
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Prepares `model` on its registered engine and makes it the active version (listeners told). */
  private async serve(model: SemanticModel, versionNo: number, onProgress?: MaterializeProgress) {
    const engine = this.engines.get(model.id);
    if (!engine) throw new Error(`model ${model.id} has no analytic database registered`);
    const runtime = await prepareModel(engine, model, onProgress);
    // Materialised: DuckDB serves under its lower serving memory limit from now on (issue 21 §3).
    await engine.startServing();
    const next = { runtime, versionNo };
    this.active.set(model.id, next);
    for (const listener of this.listeners) listener(model.id, next);
    return next;
  }

  onActivate(listener: ModelListener): void {
    this.listeners.push(listener);
  }

  private activate(model: SemanticModel, versionNo: number, onProgress?: MaterializeProgress) {
    const run = this.queue.then(() => this.serve(model, versionNo, onProgress));
    this.queue = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    await this.queue;
    for (const engine of this.engines.values()) await engine.close();
    this.engines.clear();
    this.active.clear();
  }
}
