/**
 * Command-line options of `npm run demo`: parsed and validated into a value (never thrown), so
 * the command prints clear errors and exits with a usage code.
 */
import { existsSync } from 'node:fs';
import { MAX_DEMO_CUSTOMERS } from './generate-demo.ts';

export interface DemoArgs {
  customers: number;
  seed: number;
  scenario?: string;
  out: string;
  help: boolean;
}

export interface DemoArgError {
  code: 'unknown_option' | 'missing_value' | 'invalid_value' | 'file_not_found';
  /** The option the error is about, e.g. `--customers`. */
  option: string;
  message: string;
}

export type DemoArgsResult = { ok: true; args: DemoArgs } | { ok: false; errors: DemoArgError[] };

export const DEMO_DEFAULTS = { customers: 10_000, seed: 42, out: '.data/retail.duckdb' } as const;

export const DEMO_USAGE = `usage: npm run demo -- [--customers N] [--seed N] [--scenario file.yaml] [--out path.duckdb]

  --customers N     customers to generate (default ${DEMO_DEFAULTS.customers}; 1..${MAX_DEMO_CUSTOMERS})
  --seed N          random seed; the same seed gives the same data (default ${DEMO_DEFAULTS.seed})
  --scenario FILE   planted churn causes (default server/src/data/demo/scenarios/default.yaml)
  --out PATH        DuckDB file to (re)create (default ${DEMO_DEFAULTS.out}); the truth JSON goes beside it`;

const OPTIONS = new Set(['--customers', '--seed', '--scenario', '--out']);

function parseInteger(raw: string): number | null {
  const cleaned = raw.replaceAll('_', '').replaceAll(',', '');
  if (!/^-?\d+$/.test(cleaned)) return null;
  const n = Number(cleaned);
  return Number.isSafeInteger(n) ? n : null;
}

/** Parses `--name value` and `--name=value` options. */
export function parseDemoArgs(argv: readonly string[]): DemoArgsResult {
  const errors: DemoArgError[] = [];
  const values = new Map<string, string>();
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === '--help' || token === '-h') {
      help = true;
      continue;
    }
    const [name, inline] = token.includes('=')
      ? [token.slice(0, token.indexOf('=')), token.slice(token.indexOf('=') + 1)]
      : [token, undefined];
    if (!OPTIONS.has(name)) {
      errors.push({ code: 'unknown_option', option: name, message: `unknown option ${name}` });
      continue;
    }
    const value = inline ?? argv[i + 1];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) {
      errors.push({ code: 'missing_value', option: name, message: `${name} needs a value` });
      continue;
    }
    if (inline === undefined) i++;
    values.set(name, value);
  }

  const customers = values.has('--customers')
    ? parseInteger(values.get('--customers')!)
    : DEMO_DEFAULTS.customers;
  if (customers === null || customers < 1 || customers > MAX_DEMO_CUSTOMERS) {
    errors.push({
      code: 'invalid_value',
      option: '--customers',
      message: `--customers must be a whole number from 1 to ${MAX_DEMO_CUSTOMERS}, got "${values.get('--customers')}"`,
    });
  }
  const seed = values.has('--seed') ? parseInteger(values.get('--seed')!) : DEMO_DEFAULTS.seed;
  if (seed === null) {
    errors.push({
      code: 'invalid_value',
      option: '--seed',
      message: `--seed must be a whole number, got "${values.get('--seed')}"`,
    });
  }
  const scenario = values.get('--scenario');
  if (scenario !== undefined && !existsSync(scenario)) {
    errors.push({
      code: 'file_not_found',
      option: '--scenario',
      message: `scenario file not found: ${scenario}`,
    });
  }
  const out = values.get('--out') ?? DEMO_DEFAULTS.out;
  if (!out.trim() || out.endsWith('/')) {
    errors.push({
      code: 'invalid_value',
      option: '--out',
      message: `--out must be a file path, got "${out}"`,
    });
  }
  if (errors.length) return { ok: false, errors };
  return { ok: true, args: { customers: customers!, seed: seed!, scenario, out, help } };
}
