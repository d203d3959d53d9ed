import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkFile, checkTree, formatViolations } from './import-layers.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('import layers', () => {
  it('the repository has no upward import and no test code in product folders', () => {
    const violations = checkTree(ROOT);
    expect(formatViolations(violations)).toBe('');
  });

  it('fails a tree with an upward import, a product file importing vitest and the semantic layer importing the server', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chatbi-layers-'));
    const write = (file: string, text: string) => {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), text);
    };
    try {
      write('server/src/data/ingest.ts', "import { createApp } from '../http/app.ts';\n");
      write('server/src/http/app.ts', "import { ingest } from '../data/ingest.ts';\n");
      write('server/src/store/suite.ts', "import { it } from 'vitest';\n");
      write('semantic-layer/src/compile.ts', "import type { X } from '../../server/src/http/app.ts';\n");
      write('web/src/main.ts', "import { ingest } from '../../server/src/data/ingest.ts';\n");
      // The HTTP API may not reach up into the server's start-up, nor the server into the web app.
      write('server/src/http/routes/x.ts', "import { startServer } from '../../server/start-server.ts';\n");
      write('server/src/server/start-server.ts', "import { main } from '../../../web/src/main.ts';\n");
      const found = checkTree(dir).map((v) => `${v.file}:${v.line} ${v.rule}`);
      expect(found).toEqual([
        'semantic-layer/src/compile.ts:1 sl may not import server',
        'server/src/data/ingest.ts:1 server/src/data (rank 2) may not import server/src/http (rank 7)',
        'server/src/http/routes/x.ts:1 server/src/http (rank 7) may not import server/src/server (rank 8)',
        'server/src/server/start-server.ts:1 server may not import web',
        'server/src/store/suite.ts:1 product code must not import vitest (test support belongs under */test/)',
        'web/src/main.ts:1 web/src may import server or semantic-layer code only as `import type` (or answer/format.ts)',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads multi-line, re-exported and dynamic imports; allows type-only imports from the web', () => {
    const text = [
      'import {',
      '  a,',
      '  b,',
      "} from '../pipeline/answer-question.ts';",
      "export { c } from '../http/app.ts';",
      "const m = await import('../commands/serve.ts');",
    ].join('\n');
    expect(checkFile('server/src/data/x.ts', text).map((v) => [v.line, v.specifier])).toEqual([
      [4, '../pipeline/answer-question.ts'],
      [5, '../http/app.ts'],
      [6, '../commands/serve.ts'],
    ]);
    expect(
      checkFile(
        'web/src/api/types.ts',
        "import type { Answer } from '../../../server/src/answer/answer-schema.ts';",
      ),
    ).toEqual([]);
  });
});
