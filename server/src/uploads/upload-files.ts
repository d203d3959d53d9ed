/**
 * Uploaded tables on disk, under the uploads folder (neither the data folder the analytic engines read nor
 * the app-state folder): `<uploadsDir>/<uploadId>/table.csv` with `upload.json` beside it (who uploaded what,
 * the table's profile, and once submitted the model and version it became). Approved uploads get a model
 * folder `<uploadsDir>/models/<id>/` (definitions + `ingest/<id>.yaml`) that later starts serve.
 */
import { randomUUID } from 'node:crypto';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { TableProfile } from '../data/scaffold/profile-table.ts';

export interface UploadRecord {
  id: string;
  fileName: string;
  /** Absolute path of the stored table. */
  file: string;
  bytes: number;
  createdBy: string;
  createdAt: string;
  profile: TableProfile;
  /** Set when submitted: the new model, its draft version and the ingest mapping approval runs. */
  model?: string;
  versionNo?: number;
  mapping?: string;
}

const ID = /^[0-9a-f-]{36}$/;

/** Thrown while streaming when the body passes the limit. */
export class UploadTooLarge extends Error {}

export function uploadFiles(uploadsDir: string) {
  const dirOf = (id: string) => join(uploadsDir, id);
  return {
    uploadsDir,
    modelsDir: join(uploadsDir, 'models'),

    /** Streams a body into a new upload folder; refuses (and removes it) past `maxBytes`. */
    async receive(
      body: ReadableStream<Uint8Array>,
      maxBytes: number,
    ): Promise<{ id: string; file: string; bytes: number }> {
      const id = randomUUID();
      mkdirSync(dirOf(id), { recursive: true });
      const file = join(dirOf(id), 'table.csv');
      let bytes = 0;
      const count = new Transform({
        transform(chunk: Buffer, _enc, done) {
          bytes += chunk.length;
          done(bytes > maxBytes ? new UploadTooLarge() : null, chunk);
        },
      });
      try {
        await pipeline(Readable.fromWeb(body as never), count, createWriteStream(file));
      } catch (error) {
        rmSync(dirOf(id), { recursive: true, force: true });
        throw error;
      }
      return { id, file, bytes };
    },

    save(record: UploadRecord): void {
      writeFileSync(join(dirOf(record.id), 'upload.json'), JSON.stringify(record, null, 1));
    },

    get(id: string): UploadRecord | null {
      if (!ID.test(id)) return null;
      const path = join(dirOf(id), 'upload.json');
      return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as UploadRecord) : null;
    },

    /** The submitted upload that became `model` (the newest when there are several). */
    forModel(model: string): UploadRecord | null {
      if (!existsSync(uploadsDir)) return null;
      const found = readdirSync(uploadsDir)
        .filter((d) => ID.test(d))
        .map((d) => this.get(d))
        .filter((r): r is UploadRecord => r?.model === model)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      return found[0] ?? null;
    },

    remove(id: string): void {
      if (ID.test(id)) rmSync(dirOf(id), { recursive: true, force: true });
    },
  };
}

export type UploadFiles = ReturnType<typeof uploadFiles>;
