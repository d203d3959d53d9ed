import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startScriptNodeFlags } from './server-process.ts';

const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '../../..');

describe('the load test starts the server like npm start', () => {
  it('with the start script’s V8 heap limit (issue 21 §3: 512 MB of old space)', () => {
    expect(startScriptNodeFlags(ROOT)).toEqual(['--max-old-space-size=512']);
  });
});
