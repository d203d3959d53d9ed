/**
 * CHATBI_PGLITE_SHARED_BUFFERS (issue 21 §3, opt-in): a small shared_buffers keeps PGlite's WebAssembly memory at its
 * 128 MB initial size instead of ~190 MB, inline and in the worker; unset, PGlite keeps Postgres' 128MB.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from './open-store.ts';
import { pgliteSharedBuffers, pgliteStartParams } from './pglite-settings.ts';

const dir = mkdtempSync(join(tmpdir(), 'pglite-settings-'));
afterAll(() => {
  delete process.env.CHATBI_PGLITE_SHARED_BUFFERS;
  rmSync(dir, { recursive: true, force: true });
});

describe('PGlite settings', () => {
  it('reads CHATBI_PGLITE_SHARED_BUFFERS, unset by default, and refuses anything but a size', () => {
    expect(pgliteSharedBuffers({})).toBeUndefined();
    expect(pgliteStartParams(undefined)).toBeUndefined();
    expect(pgliteSharedBuffers({ CHATBI_PGLITE_SHARED_BUFFERS: ' 64MB ' })).toBe('64MB');
    expect(pgliteSharedBuffers({ CHATBI_PGLITE_SHARED_BUFFERS: '512kB' })).toBe('512kB');
    expect(() => pgliteSharedBuffers({ CHATBI_PGLITE_SHARED_BUFFERS: '16 MB; drop' })).toThrow(
      /CHATBI_PGLITE_SHARED_BUFFERS must be a size/,
    );
    const params = pgliteStartParams('32MB')!;
    expect(params.slice(-2)).toEqual(['-c', 'shared_buffers=32MB']);
    expect(params).toContain('--single');
  });

  it('opens the inline store with 16MB of shared buffers and a 128 MB WebAssembly memory', async () => {
    process.env.CHATBI_PGLITE_SHARED_BUFFERS = '16MB';
    const store = await openStore({ dataDir: join(dir, 'inline') });
    try {
      const shown = await store.db.execute(sql`show shared_buffers`);
      expect((shown as unknown as { rows: { shared_buffers: string }[] }).rows[0]!.shared_buffers).toBe(
        '16MB',
      );
      expect(store.pgliteWasmBytes?.()).toBe(128 * 1024 * 1024);
    } finally {
      await store.close();
    }
  });

  it('gives the worker the same setting; its memory is not the server thread’s to report', async () => {
    process.env.CHATBI_PGLITE_SHARED_BUFFERS = '16MB';
    const store = await openStore({ dataDir: join(dir, 'worker'), pgliteWorker: true });
    try {
      const shown = await store.db.execute(sql`show shared_buffers`);
      expect((shown as unknown as { rows: { shared_buffers: string }[] }).rows[0]!.shared_buffers).toBe(
        '16MB',
      );
      expect(store.pgliteWasmBytes?.()).toBeUndefined();
    } finally {
      await store.close();
    }
  });
});

it('keeps Postgres’ 128MB shared buffers when the variable is unset', async () => {
  delete process.env.CHATBI_PGLITE_SHARED_BUFFERS;
  const store = await openStore({ dataDir: join(dir, 'default') });
  try {
    const shown = await store.db.execute(sql`show shared_buffers`);
    expect((shown as unknown as { rows: { shared_buffers: string }[] }).rows[0]!.shared_buffers).toBe(
      '128MB',
    );
  } finally {
    await store.close();
  }
});
