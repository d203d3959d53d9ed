import { readFileSync } from 'node:fs';
import { sharedDataPath } from '../../server/src/data/shared-data.ts';

/** Path of the real waimai_10k review file (read-only shared data). */
export const WAIMAI_PATH = sharedDataPath('cn_waimai_10k', 'waimai_10k.csv');

/** One labelled review: `row` is the 1-based data row (header excluded), label 1 positive / 0 negative. */
export interface WaimaiReview {
  row: number;
  label: 0 | 1;
  review: string;
}

/** Parses one CSV line with optional double-quoted fields (the file has no embedded newlines). */
function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return fields;
}

/** Reads every review of waimai_10k.csv in file order. */
export function readWaimai(path = WAIMAI_PATH): WaimaiReview[] {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/);
  const reviews: WaimaiReview[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    const [label, ...rest] = parseCsvLine(line);
    reviews.push({ row: i, label: label === '1' ? 1 : 0, review: rest.join(',') });
  }
  return reviews;
}
