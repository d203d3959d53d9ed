import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';

/**
 * The dependency rules of the repository, checked on every import specifier (static, `export … from`,
 * dynamic `import()`), so an upward import fails CI (`scripts/layers/import-layers.test.ts`).
 *
 * Areas: web → HTTP API → server → semantic-layer; evals on top; test support beside its area.
 * Inside `server/src`, product files may import only lower folders (SERVER_RANKS); tests may import any.
 */

/** Folders of server/src, lowest first; a product file may import a folder of a strictly lower rank. */
export const SERVER_RANKS: Record<string, number> = {
  calendar: 0,
  canonical: 0,
  i18n: 0,
  loop: 0,
  answer: 1,
  feedback: 1,
  store: 1,
  mail: 1,
  data: 2,
  models: 3,
  analysis: 4,
  ask: 4,
  pipeline: 5,
  governance: 6,
  monitors: 6,
  boards: 6,
  campaigns: 5,
  http: 7,
  channels: 7,
  uploads: 7,
  server: 8,
  'cli-support': 9,
  commands: 10,
  '(root)': 11,
};

type Area = 'sl' | 'sl-test' | 'server' | 'server-test' | 'web' | 'web-test' | 'evals' | 'scripts' | 'other';

/** Which areas each area may import (type-only imports from web are checked separately). */
const ALLOWED: Record<Area, Area[]> = {
  sl: ['sl'],
  'sl-test': ['sl', 'sl-test'],
  server: ['server', 'sl'],
  'server-test': ['server', 'server-test', 'sl', 'sl-test'],
  web: ['web'],
  'web-test': ['web', 'web-test', 'server', 'server-test', 'sl', 'sl-test'],
  evals: ['evals', 'server', 'server-test', 'sl', 'sl-test'],
  scripts: ['scripts', 'evals', 'server', 'server-test', 'sl', 'sl-test', 'web', 'web-test'],
  other: ['sl', 'sl-test', 'server', 'server-test', 'web', 'web-test', 'evals', 'scripts', 'other'],
};

/** The only server module the browser app may load at run time (number formatting shared with narratives). */
const WEB_RUNTIME_FROM_SERVER = ['server/src/answer/format.ts'];

const isTest = (file: string) => file.endsWith('.test.ts');

function areaOf(file: string): Area {
  if (file.startsWith('semantic-layer/src/')) return 'sl';
  if (file.startsWith('semantic-layer/')) return 'sl-test';
  if (file.startsWith('server/src/')) return isTest(file) ? 'server-test' : 'server';
  if (file.startsWith('server/')) return 'server-test';
  if (file.startsWith('web/src/')) return 'web';
  if (file.startsWith('web/')) return 'web-test';
  if (file.startsWith('evals/')) return 'evals';
  if (file.startsWith('scripts/')) return 'scripts';
  return 'other';
}

function serverFolder(file: string): string {
  const parts = file.slice('server/src/'.length).split('/');
  return parts.length > 1 ? parts[0]! : '(root)';
}

export interface ImportViolation {
  file: string;
  line: number;
  specifier: string;
  rule: string;
}

const SPECIFIER =
  /(?:^|\s)(import|export)\s+(type\s+)?[^'"]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)|^\s*import\s+'([^']+)'/gm;

/** The violations of one file, given its repository path and text. */
export function checkFile(file: string, text: string): ImportViolation[] {
  const out: ImportViolation[] = [];
  const from = areaOf(file);
  for (const m of text.matchAll(SPECIFIER)) {
    const spec = m[3] ?? m[4] ?? m[5]!;
    const typeOnly = Boolean(m[2]);
    const line = text.slice(0, m.index + m[0].lastIndexOf(spec)).split('\n').length;
    const fail = (rule: string) => out.push({ file, line, specifier: spec, rule });
    if (!spec.startsWith('.')) {
      if (
        (spec === 'vitest' || spec.startsWith('vitest/')) &&
        (from === 'server' || from === 'sl' || from === 'web')
      )
        fail('product code must not import vitest (test support belongs under */test/)');
      continue;
    }
    const target = normalize(join(dirname(file), spec))
      .split(sep)
      .join('/');
    const to = areaOf(target);
    if (from === 'web' && (to === 'server' || to === 'sl')) {
      if (!typeOnly && !WEB_RUNTIME_FROM_SERVER.includes(target))
        fail('web/src may import server or semantic-layer code only as `import type` (or answer/format.ts)');
      continue;
    }
    if (!ALLOWED[from].includes(to)) {
      fail(`${from} may not import ${to}`);
      continue;
    }
    if (from === 'server' && to === 'server' && !typeOnly) {
      const a = serverFolder(file);
      const b = serverFolder(target);
      const ra = SERVER_RANKS[a];
      const rb = SERVER_RANKS[b];
      if (ra === undefined)
        fail(`server/src/${a} has no rank in SERVER_RANKS (scripts/layers/import-layers.ts)`);
      else if (a !== b && (rb === undefined || rb >= ra))
        fail(`server/src/${a} (rank ${ra}) may not import server/src/${b} (rank ${rb ?? '?'})`);
    }
  }
  return out;
}

/** Every TypeScript file under `root` (skipping node_modules, dist and dot folders), as repo paths. */
export function sourceFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.name.startsWith('.') || e.name === 'node_modules' || e.name === 'dist') continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name)) files.push(relative(root, p).split(sep).join('/'));
    }
  };
  walk(root);
  return files.sort();
}

/** The violations of a whole tree. */
export function checkTree(root: string): ImportViolation[] {
  return sourceFiles(root).flatMap((f) => checkFile(f, readFileSync(join(root, f), 'utf8')));
}

/** One line per violation, `file:line specifier — rule`. */
export function formatViolations(v: ImportViolation[]): string {
  return v.map((x) => `${x.file}:${x.line} ${x.specifier} — ${x.rule}`).join('\n');
}
