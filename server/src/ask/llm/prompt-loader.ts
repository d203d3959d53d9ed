import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

/** A prompt template as stored in prompts/<name>.md: its version, declared variables and body. */
export interface PromptTemplate {
  name: string;
  /** `<name>`, e.g. `interpret.v1`: recorded with every answer that used it. */
  version: string;
  variables: string[];
  body: string;
}

/** A filled prompt: the text to send and the version it came from. */
export interface FilledPrompt {
  text: string;
  version: string;
}

const PROMPTS_DIR = fileURLToPath(new URL('../../../../prompts/', import.meta.url));
const PLACEHOLDER = /\{\{\s*([a-z_][a-z0-9_]*)\s*\}\}/g;
const cache = new Map<string, PromptTemplate>();

/** Splits the YAML front matter (which lists the variables) from the template body. */
export function parsePromptTemplate(name: string, source: string): PromptTemplate {
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source.replace(/\r\n/g, '\n'));
  if (!m) throw new Error(`prompt ${name}: missing front matter with its variables`);
  const meta = parseYaml(m[1]) as { variables?: Record<string, string> | string[] } | null;
  const declared = meta?.variables;
  const variables = Array.isArray(declared) ? declared : Object.keys(declared ?? {});
  const body = m[2];
  const used = new Set([...body.matchAll(PLACEHOLDER)].map((x) => x[1]));
  const undeclared = [...used].filter((v) => !variables.includes(v));
  if (undeclared.length) throw new Error(`prompt ${name}: undeclared variables ${undeclared.join(', ')}`);
  return { name, version: name, variables, body };
}

/** Reads prompts/<name>.md once (templates ship with the code, so a missing one is a bug). */
export function readPromptTemplate(name: string, dir = PROMPTS_DIR): PromptTemplate {
  const key = `${dir}|${name}`;
  let template = cache.get(key);
  if (!template) {
    template = parsePromptTemplate(name, readFileSync(`${dir}${name}.md`, 'utf8'));
    cache.set(key, template);
  }
  return template;
}

/** Fills every `{{variable}}`; a declared variable left unset is a programming error and throws. */
export function fillPrompt(template: PromptTemplate, vars: Record<string, string>): FilledPrompt {
  const missing = template.variables.filter((v) => typeof vars[v] !== 'string');
  if (missing.length) throw new Error(`prompt ${template.name}: missing variables ${missing.join(', ')}`);
  const extra = Object.keys(vars).filter((v) => !template.variables.includes(v));
  if (extra.length) throw new Error(`prompt ${template.name}: unknown variables ${extra.join(', ')}`);
  // A replacer function, so `$` in values (e.g. "$1") is not read as a replacement pattern.
  const text = template.body.replace(PLACEHOLDER, (_, v: string) => vars[v]);
  return { text, version: template.version };
}

/**
 * Loads a versioned prompt and fills its variables.
 * @example loadPrompt('interpret.v1', { model_label, as_of, language, catalog, conversation, conventions })
 */
export function loadPrompt(name: string, vars: Record<string, string>): FilledPrompt {
  return fillPrompt(readPromptTemplate(name), vars);
}
