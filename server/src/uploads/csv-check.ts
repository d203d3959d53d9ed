/**
 * Checks an uploaded CSV before it is profiled, so a bad file is refused naming the line: every record must
 * have as many fields as the header (quoted fields may hold the delimiter and line breaks), no quote may be
 * left open, and there must be a header and at least one row.
 */

export type CsvProblem =
  | { kind: 'empty' }
  | { kind: 'no_rows' }
  | { kind: 'field_count'; line: number; expected: number; found: number }
  | { kind: 'open_quote'; line: number };

const DELIMITERS = [',', ';', '\t', '|'];

/** The delimiter of a header line: the candidate that occurs most often outside quotes. */
export function delimiterOf(header: string): string {
  const outside = header.replace(/"[^"]*"/g, '');
  let best = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const count = outside.split(d).length - 1;
    if (count > bestCount) [best, bestCount] = [d, count];
  }
  return best;
}

/** The first problem of a CSV text, or null when every record has the header's field count. */
export function checkCsv(text: string): CsvProblem | null {
  const body = text.replace(/^\uFEFF/, '');
  if (!body.trim()) return { kind: 'empty' };
  const delimiter = delimiterOf(body.slice(0, body.search(/\r?\n|$/)));
  let line = 1;
  let recordLine = 1;
  let fields = 1;
  let quoted = false;
  let expected = -1;
  let records = 0;
  let blank = true;
  const endRecord = (): CsvProblem | null => {
    if (!blank) {
      if (expected < 0) expected = fields;
      else {
        records++;
        if (fields !== expected) return { kind: 'field_count', line: recordLine, expected, found: fields };
      }
    }
    fields = 1;
    blank = true;
    return null;
  };
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"') {
        if (body[i + 1] === '"') i++;
        else quoted = false;
      } else if (ch === '\n') line++;
      continue;
    }
    if (ch === '"') {
      quoted = true;
      blank = false;
    } else if (ch === delimiter) {
      fields++;
      blank = false;
    } else if (ch === '\n') {
      const problem = endRecord();
      if (problem) return problem;
      line++;
      recordLine = line;
    } else if (ch !== '\r' && ch !== ' ') blank = false;
  }
  if (quoted) return { kind: 'open_quote', line: recordLine };
  const problem = endRecord();
  if (problem) return problem;
  return records === 0 ? { kind: 'no_rows' } : null;
}
