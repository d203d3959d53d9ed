/**
 * Tokens of a model SQL expression (sql-expression.ts parses them). Only what an expression over one
 * row needs: words, double-quoted identifiers, single-quoted strings ('' escapes), numbers, operators.
 * Anything else (`;`, comments, `$1`, `E'…'`, dollar quotes, `[`…) is an error naming the offset.
 */

export type Token =
  | { kind: 'word'; text: string; upper: string; at: number }
  | { kind: 'ident'; text: string; at: number }
  | { kind: 'string'; text: string; at: number }
  | { kind: 'number'; text: string; at: number }
  | { kind: 'op'; text: string; at: number }
  | { kind: 'end'; text: ''; at: number };

const OPERATORS = [
  '::',
  '<>',
  '!=',
  '<=',
  '>=',
  '||',
  '=',
  '<',
  '>',
  '+',
  '-',
  '*',
  '/',
  '%',
  '(',
  ')',
  ',',
  '.',
];
const WORD = /[A-Za-z_][A-Za-z0-9_]*/y;
const NUMBER = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;

/** The tokens of `text`, or the offset and reason of the first character that cannot start one. */
export function tokenize(
  text: string,
): { ok: true; tokens: Token[] } | { ok: false; at: number; reason: string } {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (text.startsWith('--', i) || text.startsWith('/*', i))
      return { ok: false, at: i, reason: 'comments are not allowed' };
    WORD.lastIndex = i;
    const word = WORD.exec(text);
    if (word) {
      if (text[i + word[0].length] === "'")
        return { ok: false, at: i, reason: `prefixed string ${word[0]}'…' is not allowed` };
      tokens.push({ kind: 'word', text: word[0], upper: word[0].toUpperCase(), at: i });
      i += word[0].length;
      continue;
    }
    NUMBER.lastIndex = i;
    const number = NUMBER.exec(text);
    if (number) {
      tokens.push({ kind: 'number', text: number[0], at: i });
      i += number[0].length;
      continue;
    }
    if (ch === "'" || ch === '"') {
      const quoted = readQuoted(text, i, ch);
      if (quoted === null) return { ok: false, at: i, reason: 'unterminated quote' };
      tokens.push({ kind: ch === "'" ? 'string' : 'ident', text: quoted.value, at: i });
      i = quoted.next;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (!op) return { ok: false, at: i, reason: `character ${JSON.stringify(ch)} is not allowed` };
    tokens.push({ kind: 'op', text: op, at: i });
    i += op.length;
  }
  tokens.push({ kind: 'end', text: '', at: text.length });
  return { ok: true, tokens };
}

/** A quoted string or identifier starting at `start` (doubled quotes escape a quote). */
function readQuoted(text: string, start: number, quote: string): { value: string; next: number } | null {
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === quote) {
      if (text[i + 1] === quote) {
        value += quote;
        i += 2;
        continue;
      }
      return { value, next: i + 1 };
    }
    value += text[i];
    i++;
  }
  return null;
}
