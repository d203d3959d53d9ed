/**
 * Maps CSV record ordinals to the file line where each record starts. DuckDB skips blank lines
 * and quoted fields may span lines, so `ordinal + header` is only right for regular files: this
 * checks that cheaply (count newlines natively) and only scans quotes when the file is irregular.
 */
import { closeSync, openSync, readSync } from 'node:fs';

const CHUNK = 1 << 22;
const NL = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

function forEachChunk(path: string, fn: (buf: Buffer, len: number) => void): void {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(CHUNK);
    for (;;) {
      const len = readSync(fd, buf, 0, CHUNK, null);
      if (len === 0) break;
      fn(buf, len);
    }
  } finally {
    closeSync(fd);
  }
}

/** Physical lines in a file (a last line without a final newline counts). */
export function countLines(path: string): number {
  let newlines = 0;
  let last = -1;
  forEachChunk(path, (buf, len) => {
    const view = buf.subarray(0, len);
    for (let i = view.indexOf(NL); i !== -1; i = view.indexOf(NL, i + 1)) newlines++;
    last = view[len - 1]!;
  });
  return newlines + (last !== -1 && last !== NL ? 1 : 0);
}

/** Where wanted records and DuckDB's malformed rows start in the file. */
export interface RecordLines {
  /** 1-based record ordinal (as numbered by the ingest) → file line. */
  ordinals: Map<number, number>;
  /** DuckDB's line number of a malformed row → file line. */
  malformed: Map<number, number>;
}

/**
 * File lines for the wanted 1-based record ordinals. Records are counted the way DuckDB reads
 * them: blank lines and the header skipped, rows DuckDB rejected as malformed not counted. DuckDB
 * numbers a malformed row by records and blank lines seen (a multi-line record counts once), so
 * those numbers are translated to file lines too.
 */
export function recordLines(
  path: string,
  wanted: ReadonlySet<number>,
  header: boolean,
  malformedLines: ReadonlySet<number>,
): RecordLines {
  const ordinals = new Map<number, number>();
  const malformed = new Map<number, number>();
  let line = 1;
  let startLine = 1;
  let duckLine = 0;
  let hasContent = false;
  let inQuote = false;
  let headerPending = header;
  let ordinal = 0;
  const endLine = () => {
    duckLine++;
    if (!hasContent) return;
    if (headerPending) headerPending = false;
    else if (malformedLines.has(duckLine)) malformed.set(duckLine, startLine);
    else {
      ordinal++;
      if (wanted.has(ordinal)) ordinals.set(ordinal, startLine);
    }
    hasContent = false;
  };
  forEachChunk(path, (buf, len) => {
    for (let i = 0; i < len; i++) {
      const b = buf[i]!;
      if (b === NL) {
        if (!inQuote) endLine();
        line++;
        continue;
      }
      if (b === CR) continue;
      if (!hasContent) {
        hasContent = true;
        startLine = line;
      }
      // A doubled quote inside quotes toggles twice, so plain toggling tracks quoting correctly.
      if (b === QUOTE) inQuote = !inQuote;
    }
  });
  if (hasContent) endLine();
  return { ordinals, malformed };
}
