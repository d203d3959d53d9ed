/**
 * PGlite starts with a small shared_buffers (issue 21 §3): its WebAssembly memory stays at its 128 MB initial size
 * instead of growing to ~190 MB, inline and in the worker; the setting is read from the environment.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from './open-store.ts';
import { DEFAULT_PGLITE_SHARED_BUFFERS, pgliteSharedBuffers, pgliteStartParams } from './pglite-settings.ts';

const dir = mkdtempSync(join(tmpdir(), 'pglite-settings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('PGlite settings', () => {
  it('reads CHATBI_PGLITE_SHARED_BUFFERS, 16MB by default, and refuses anything but a size', () => {
    expect(DEFAULT_PGLITE_SHARED_BUFFERS).toBe('16MB');
    expect(pgliteSharedBuffers({})).toBe('16MB');
    expect(pgliteSharedBuffers({ CHATBI_PGLITE_SHARED_BUFFERS: ' 64MB ' })).toBe('64MB');
    expect(pgliteSharedBuffers({ CHATBI_PGLITE_SHARED_BUFFERS: '512kB' })).toBe('512kB');
    expect(() => pgliteSharedBuffers({ CHATBI_PGLITE_SHARED_BUFFERS: '16 MB; drop' })).toThrow(
      /CHATBI_PGLITE_SHARED_BUFFERS must be a size/,
    );
    const params = pgliteStartParams('32MB');
    expect(params.slice(-2)).toEqual(['-c', 'shared_buffers=32MB']);
    expect(params).toContain('--single');
  });

  it('opens the inline store with 16MB of shared buffers and a 128 MB WebAssembly memory', async () => {
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
