/**
 * Where the team's public datasets live (IBM Telco, CDNOW, waimai reviews, …): `CHATBI_SHARED_DATA`
 * when set, else `../shared/data` next to the project root. Ingest mappings refer to it as
 * `${CHATBI_SHARED_DATA}/telco_churn_ibm/…`, so a clone anywhere finds the files.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export function sharedDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.CHATBI_SHARED_DATA || resolve(PROJECT_ROOT, '../shared/data'));
}

/** Path of a file under the shared data directory. */
export function sharedDataPath(...parts: string[]): string {
  return resolve(sharedDataDir(), ...parts);
}

/**
 * Expands `${NAME}` in a mapping's file path from the environment; `CHATBI_SHARED_DATA` has the
 * default above. Returns the names that are unset so the caller can report them with their path.
 */
export function expandPathVariables(
  path: string,
  env: NodeJS.ProcessEnv = process.env,
): { path: string; unset: string[] } {
  const unset: string[] = [];
  const expanded = path.replace(/\$\{([A-Z_][A-Z0-9_]*)\}/g, (_, name: string) => {
    if (name === 'CHATBI_SHARED_DATA') return sharedDataDir(env);
    const value = env[name];
    if (value === undefined) unset.push(name);
    return value ?? '';
  });
  return { path: expanded, unset };
}
