/**
 * Edits one member of a definition file (set or delete the value at a YAML path) through the `yaml`
 * Document API. The edit is spliced into the original text at the node's source range, so comments,
 * key order and the hand-made formatting of every other member stay byte for byte; a new map for an
 * existing map is applied key by key (only the keys whose values differ are touched, so one more synonym
 * changes one line); the result is re-parsed and must equal the Document API's own `setIn`/`deleteIn`,
 * or the whole document is re-serialised instead (comments still survive, formatting may not).
 */
import { Document, isCollection, isMap, isScalar, type Node, type Pair, parseDocument } from 'yaml';
import { sameValue } from './same-value.ts';

/** Outcome of an edit: the new text, or why the file cannot be edited member by member. */
export type YamlEditResult =
  | { ok: true; text: string; spliced: boolean }
  | { ok: false; code: 'yaml_syntax' | 'member_not_found' | 'not_a_map'; message: string };

/** Flow values longer than this (with their indentation) become blocks. */
const LINE_MAX = 100;

/**
 * Sets (or, with `value === undefined`, deletes) the value at `path` in YAML `text`.
 * @example setYamlMember(text, ['churn', 'window_days'], 120)
 */
export function setYamlMember(text: string, path: string[], value: unknown): YamlEditResult {
  const doc = parseDocument(text);
  if (doc.errors.length) {
    return { ok: false, code: 'yaml_syntax', message: doc.errors[0]!.message.split('\n')[0]! };
  }
  if (value === undefined && !doc.hasIn(path)) {
    return { ok: false, code: 'member_not_found', message: `${path.join('.')} does not exist` };
  }
  const expected = doc.clone();
  try {
    if (value === undefined) expected.deleteIn(path);
    else expected.setIn(path, expected.createNode(value));
  } catch (error) {
    return { ok: false, code: 'not_a_map', message: (error as Error).message };
  }
  const wanted = expected.toJS();
  const current = doc.getIn(path, true);
  if (isMap(current) && isPlainObject(value)) {
    const keyed = editKeyByKey(text, path, current.toJSON() as Record<string, unknown>, value);
    if (keyed !== null && sameValue(parseDocument(keyed).toJS(), wanted))
      return { ok: true, text: keyed, spliced: true };
  }
  const spliced = splice(doc, text, path, value, wanted);
  if (spliced !== null) {
    const check = parseDocument(spliced);
    if (!check.errors.length && sameValue(check.toJS(), wanted))
      return { ok: true, text: spliced, spliced: true };
  }
  return { ok: true, text: expected.toString({ lineWidth: 0, flowCollectionPadding: true }), spliced: false };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Applies a new map over an existing one key by key: unchanged keys keep their text; null if a step fails. */
function editKeyByKey(
  text: string,
  path: string[],
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): string | null {
  let next = text;
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  for (const key of keys) {
    if (Object.hasOwn(before, key) && Object.hasOwn(after, key) && sameValue(before[key], after[key]))
      continue;
    const step = setYamlMember(next, [...path, key], after[key]);
    if (!step.ok) return null;
    next = step.text;
  }
  return next;
}

/** The text with the member replaced in place, or null when no safe splice exists. */
function splice(doc: Document, text: string, path: string[], value: unknown, wanted: unknown): string | null {
  // The deepest existing map on the path; missing keys below it are added as one nested value.
  let depth = path.length - 1;
  while (depth > 0 && !isMap(doc.getIn(path.slice(0, depth), true))) depth--;
  const parentPath = path.slice(0, depth);
  const parent = depth === 0 ? doc.contents : doc.getIn(parentPath, true);
  if (!isMap(parent)) return null;
  const key = path[depth]!;
  const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === key) as
    | Pair<Node, Node | null>
    | undefined;
  if (parent.flow) {
    // Inside a flow map (`{ zh: [...], en: [...] }`) an existing scalar or flow value is replaced where it
    // stands (its line, even in a map spread over lines); anything else rewrites the map, one level up.
    const node = pair?.value;
    const inPlace =
      value !== undefined &&
      depth === path.length - 1 &&
      node?.range &&
      (isScalar(node) || (isCollection(node) && node.flow));
    if (inPlace) {
      const [start, end] = node.range!;
      return (
        text.slice(0, start) +
        (itemPerLineText(text.slice(start, end), value) ?? flowText(value)) +
        text.slice(end)
      );
    }
    return depth === 0 ? null : splice(doc, text, parentPath, jsAt(wanted, parentPath), wanted);
  }
  if (!pair) {
    if (value === undefined) return null;
    const nested = path.slice(depth + 1).reduceRight<unknown>((inner, k) => ({ [k]: inner }), value);
    return insertPair(text, parent.items as Pair<Node, Node>[], key, nested);
  }
  if (depth < path.length - 1) return replaceValue(text, pair, jsAt(wanted, path.slice(0, depth + 1)));
  if (value === undefined) return removePair(text, pair);
  return replaceValue(text, pair, value);
}

/**
 * A flow list laid out one item per line (Biome's and Prettier's style for long lists) keeps that layout,
 * so one more item is one more line; null when the old text is not such a list or the new value not a list.
 */
function itemPerLineText(old: string, value: unknown): string | null {
  const lines = old.split('\n');
  if (!Array.isArray(value) || lines.length < 3 || lines[0]!.trim() !== '[') return null;
  const itemIndent = /^ */.exec(lines[1]!)![0];
  const closing = lines.at(-1)!;
  if (!/^ *\]$/.test(closing)) return null;
  return ['[', ...value.map((item) => `${itemIndent}${flowText(item)},`), closing].join('\n');
}

function jsAt(root: unknown, path: string[]): unknown {
  let current = root;
  for (const key of path) current = (current as Record<string, unknown> | undefined)?.[key];
  return current;
}

function replaceValue(text: string, pair: Pair<Node, Node | null>, value: unknown): string | null {
  const node = pair.value;
  if (!node?.range || !pair.key?.range) return null;
  const [start, end] = node.range;
  const keyColumn = columnOf(text, pair.key.range[0]);
  if (isCollection(node) && !node.flow) {
    // A block value starts on its own line at `start` and its range ends after its last newline.
    const column = columnOf(text, start);
    const body = isBlockWorthy(value, column) ? blockText(value, column) : `${flowText(value)}\n`;
    return text.slice(0, start) + body + text.slice(end);
  }
  if (isBlockWorthy(value, keyColumn)) {
    return `${text.slice(0, pair.key.range[1])}:\n${' '.repeat(keyColumn + 2)}${blockText(value, keyColumn + 2).trimEnd()}${text.slice(end)}`;
  }
  const flow = flowText(value);
  const keyEnd = pair.key.range[1];
  const between = text.slice(keyEnd, start);
  if (
    between.includes('\n') &&
    /^:\s*$/.test(between) &&
    columnOf(text, keyEnd) + 2 + flow.length <= LINE_MAX
  ) {
    // A value that wrapped onto the next lines (Prettier's long flow maps) comes back beside its key.
    return `${text.slice(0, keyEnd)}: ${flow}${text.slice(end)}`;
  }
  return text.slice(0, start) + flow + text.slice(end);
}

function removePair(text: string, pair: Pair<Node, Node | null>): string | null {
  if (!pair.key?.range || !pair.value?.range) return null;
  const from = lineStart(text, pair.key.range[0]);
  const valueEnd = pair.value.range[1];
  const to = text[valueEnd - 1] === '\n' ? valueEnd : lineEnd(text, valueEnd);
  return text.slice(0, from) + text.slice(to);
}

function insertPair(text: string, items: Pair<Node, Node>[], key: string, value: unknown): string | null {
  const last = items.at(-1);
  const first = items[0];
  if (!last?.value?.range || !first?.key?.range) return null;
  const column = columnOf(text, first.key.range[0]);
  const valueEnd = last.value.range[1];
  const at = text[valueEnd - 1] === '\n' ? valueEnd : lineEnd(text, valueEnd);
  const head = `${' '.repeat(column)}${flowText(key)}:`;
  const entry = isBlockWorthy(value, column)
    ? `${head}\n${' '.repeat(column + 2)}${blockText(value, column + 2)}`
    : `${head} ${flowText(value)}\n`;
  const before = text.slice(0, at);
  return (before.endsWith('\n') || before === '' ? before : `${before}\n`) + entry + text.slice(at);
}

/** Objects and lists too long for one line are written as blocks. */
function isBlockWorthy(value: unknown, column: number): boolean {
  if (value === null || typeof value !== 'object' || Object.keys(value).length === 0) return false;
  return column + flowText(value).length > LINE_MAX;
}

/** One-line flow YAML in the house style: `{ zh: [a, b], en: [c] }`, scalars quoted only where needed. */
export function flowText(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(flowText).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (!entries.length) return '{}';
    return `{ ${entries.map(([k, v]) => `${scalarText(k)}: ${flowText(v)}`).join(', ')} }`;
  }
  return scalarText(value);
}

/** A scalar as the `yaml` package writes it inside a flow sequence (so `,`, `[`, `:` get quoted). */
function scalarText(value: unknown): string {
  const doc = new Document([value]);
  (doc.contents as { flow?: boolean }).flow = true;
  return doc.toString({ lineWidth: 0 }).trim().slice(1, -1).trim();
}

/**
 * Block YAML whose first line goes where the old value started (already indented) and whose other lines
 * are indented to `column`; collections that fit on a line stay in flow style like the hand-written files.
 */
function blockText(value: unknown, column: number): string {
  const lines = blockLines(value, column);
  return `${lines.map((line, i) => (i === 0 ? line.trimStart() : line)).join('\n')}\n`;
}

function blockLines(value: unknown, column: number): string[] {
  const pad = ' '.repeat(column);
  const entries: [string, unknown][] = Array.isArray(value)
    ? value.map((item) => ['-', item])
    : Object.entries(value as object).map(([k, v]) => [`${scalarText(k)}:`, v]);
  return entries.flatMap(([head, item]) =>
    isBlockWorthy(item, column + head.length + 1)
      ? [`${pad}${head}`, ...blockLines(item, column + 2)]
      : [`${pad}${head} ${flowText(item)}`],
  );
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEnd(text: string, offset: number): number {
  const at = text.indexOf('\n', offset);
  return at < 0 ? text.length : at + 1;
}

function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}
