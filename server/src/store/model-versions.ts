/**
 * Versions of semantic-model definitions and their review workflow:
 * draft → in_review → published | rejected; publishing supersedes the previously published version.
 */
import { createHash } from 'node:crypto';
import { and, desc, eq, inArray, max, sql } from 'drizzle-orm';
import { type AppDb, isUniqueViolation, isUuid } from './db.ts';
import { type ModelVersionStatus, modelVersions } from './schema.ts';

/** A stored model version. */
export type ModelVersion = typeof modelVersions.$inferSelect;

/** Outcome of a workflow step: expected refusals are values, not exceptions. */
export type TransitionResult =
  | { ok: true; version: ModelVersion }
  | { ok: false; code: 'not_found' | 'invalid_transition' | 'self_review' | 'conflict'; message: string };

/** Stable hash of a model's files (`{ path: yamlText }`), independent of key order. */
export function definitionHash(definition: Record<string, string>): string {
  const entries = Object.entries(definition).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha256').update(JSON.stringify(entries)).digest('hex');
}

type Transaction = Parameters<Parameters<AppDb['transaction']>[0]>[0];

/** Repository of {@link ModelVersion}s. */
export function modelVersionsRepository(db: AppDb) {
  /** Inserts with the next version number; runs inside a transaction that holds {@link lockModel}. */
  async function insertNext(
    tx: Transaction,
    values: Omit<typeof modelVersions.$inferInsert, 'versionNo' | 'contentHash'> & {
      definition: Record<string, string>;
    },
  ): Promise<ModelVersion> {
    await lockModel(tx, values.model);
    const [current] = await tx
      .select({ n: max(modelVersions.versionNo) })
      .from(modelVersions)
      .where(eq(modelVersions.model, values.model));
    const [row] = await tx
      .insert(modelVersions)
      .values({ ...values, versionNo: (current?.n ?? 0) + 1, contentHash: definitionHash(values.definition) })
      .returning();
    return row!;
  }

  /** Moves `id` from one of `from` to `to`, atomically with respect to concurrent reviewers. */
  async function transition(
    id: string,
    from: ModelVersionStatus[],
    to: ModelVersionStatus,
    patch: Partial<typeof modelVersions.$inferInsert> = {},
  ): Promise<TransitionResult> {
    if (!isUuid(id)) return { ok: false, code: 'not_found', message: `no model version ${id}` };
    const [row] = await db
      .update(modelVersions)
      .set({ ...patch, status: to })
      .where(and(eq(modelVersions.id, id), inArray(modelVersions.status, from)))
      .returning();
    if (row) return { ok: true, version: row };
    return refusal(id, to);
  }

  async function refusal(id: string, to: ModelVersionStatus): Promise<TransitionResult> {
    const existing = await repo.get(id);
    if (!existing) return { ok: false, code: 'not_found', message: `no model version ${id}` };
    return {
      ok: false,
      code: 'invalid_transition',
      message: `cannot move version ${existing.versionNo} of ${existing.model} from ${existing.status} to ${to}`,
    };
  }

  const repo = {
    /** Saves an author's edit as a new draft version. */
    async createDraft(input: {
      model: string;
      definition: Record<string, string>;
      authorId?: string | null;
      basedOnVersion?: number | null;
    }): Promise<ModelVersion> {
      return db.transaction((tx) =>
        insertNext(tx, {
          model: input.model,
          definition: input.definition,
          authorId: input.authorId ?? null,
          basedOnVersion: input.basedOnVersion ?? null,
          status: 'draft',
        }),
      );
    },

    /** The version with this id, or null. */
    async get(id: string): Promise<ModelVersion | null> {
      if (!isUuid(id)) return null;
      const [row] = await db.select().from(modelVersions).where(eq(modelVersions.id, id));
      return row ?? null;
    },

    /** Version `versionNo` of `model`, or null. */
    async getByNumber(model: string, versionNo: number): Promise<ModelVersion | null> {
      const [row] = await db
        .select()
        .from(modelVersions)
        .where(and(eq(modelVersions.model, model), eq(modelVersions.versionNo, versionNo)));
      return row ?? null;
    },

    /** The version currently in force for `model`, or null. */
    async published(model: string): Promise<ModelVersion | null> {
      const [row] = await db
        .select()
        .from(modelVersions)
        .where(and(eq(modelVersions.model, model), eq(modelVersions.status, 'published')));
      return row ?? null;
    },

    /** Versions, newest first, filtered by model and/or status (e.g. the review queue: `in_review`). */
    async list(filter: { model?: string; status?: ModelVersionStatus } = {}): Promise<ModelVersion[]> {
      return db
        .select()
        .from(modelVersions)
        .where(
          and(
            filter.model ? eq(modelVersions.model, filter.model) : undefined,
            filter.status ? eq(modelVersions.status, filter.status) : undefined,
          ),
        )
        .orderBy(modelVersions.model, desc(modelVersions.versionNo));
    },

    /** Sends a draft to review, with the author's note on why (when given). */
    async submit(id: string, note?: string | null): Promise<TransitionResult> {
      return transition(id, ['draft'], 'in_review', { submitNote: note ?? null });
    },

    /** Rejects a version in review, with the reviewer's comment. */
    async reject(
      id: string,
      review: { reviewerId: string; comment?: string | null; allowSelfReview?: boolean },
    ): Promise<TransitionResult> {
      const selfReview = await checkSelfReview(id, review.reviewerId, review.allowSelfReview);
      if (selfReview) return selfReview;
      return transition(id, ['in_review'], 'rejected', {
        reviewerId: review.reviewerId,
        reviewComment: review.comment ?? null,
      });
    },

    /**
     * Publishes a version in review and supersedes the one in force, in one transaction.
     * Authors cannot approve their own versions unless `allowSelfReview` (single-admin setups).
     */
    async approve(
      id: string,
      review: { reviewerId: string; comment?: string | null; allowSelfReview?: boolean },
    ): Promise<TransitionResult> {
      const selfReview = await checkSelfReview(id, review.reviewerId, review.allowSelfReview);
      if (selfReview) return selfReview;
      try {
        const published = await db.transaction(async (tx) => {
          const [candidate] = await tx
            .select()
            .from(modelVersions)
            .where(and(eq(modelVersions.id, id), eq(modelVersions.status, 'in_review')))
            .for('update');
          if (!candidate) return null;
          await lockModel(tx, candidate.model);
          await supersede(tx, candidate.model);
          const [row] = await tx
            .update(modelVersions)
            .set({
              status: 'published',
              reviewerId: review.reviewerId,
              reviewComment: review.comment ?? null,
              publishedAt: sql`now()`,
            })
            .where(eq(modelVersions.id, id))
            .returning();
          return row!;
        });
        return published ? { ok: true, version: published } : refusal(id, 'published');
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        return { ok: false, code: 'conflict', message: 'another version was published at the same time' };
      }
    },

    /**
     * Makes `definition` the published version of `model` (e.g. the YAML shipped on disk at boot) unless it
     * already is; bypasses review because it records what the operator deployed.
     */
    async ensurePublished(input: {
      model: string;
      definition: Record<string, string>;
      authorId?: string | null;
    }): Promise<{ version: ModelVersion; created: boolean }> {
      // Replicas booting together serialise on the model lock, and the later ones find the work done.
      return db.transaction(async (tx) => {
        await lockModel(tx, input.model);
        const [current] = await tx
          .select()
          .from(modelVersions)
          .where(and(eq(modelVersions.model, input.model), eq(modelVersions.status, 'published')));
        if (current && current.contentHash === definitionHash(input.definition)) {
          return { version: current, created: false };
        }
        await supersede(tx, input.model);
        const version = await insertNext(tx, {
          model: input.model,
          definition: input.definition,
          authorId: input.authorId ?? null,
          basedOnVersion: current?.versionNo ?? null,
          status: 'published',
          publishedAt: new Date(),
        });
        return { version, created: true };
      });
    },
  };

  async function checkSelfReview(
    id: string,
    reviewerId: string,
    allowSelfReview = false,
  ): Promise<TransitionResult | null> {
    if (allowSelfReview) return null;
    const version = await repo.get(id);
    if (!version) return { ok: false, code: 'not_found', message: `no model version ${id}` };
    if (version.authorId && version.authorId === reviewerId) {
      return { ok: false, code: 'self_review', message: 'authors cannot review their own versions' };
    }
    return null;
  }

  return repo;
}

async function supersede(tx: Transaction, model: string): Promise<void> {
  await tx
    .update(modelVersions)
    .set({ status: 'superseded' })
    .where(and(eq(modelVersions.model, model), eq(modelVersions.status, 'published')));
}

/**
 * Serialises numbering and publishing per model until the transaction ends (re-entrant within it), so
 * concurrent authors, reviewers and booting replicas take turns instead of colliding.
 */
async function lockModel(tx: Transaction, model: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`model_versions:${model}`}))`);
}
