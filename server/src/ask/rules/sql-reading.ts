import type { Catalog } from '../../../../semantic-layer/src/catalog.ts';

/** SQL words a question may be typed in ("select … group by … order by … desc", "count(distinct …)"). */
const SQLISH = /\b(?:select|group by|order by|limit \d|grain\s*=)|\b(?:count|sum|avg)\s*\(/i;

/** SQL keywords onto the words the rules read (group by → by, order by … desc → sorted descending…). */
const REWRITES: [RegExp, string][] = [
  [/\s--\s?/g, ', '],
  [/\bselect\s+\*\s+from\b/gi, 'list'],
  [/\bselect\b/gi, ' '],
  [/\bfrom\b/gi, ' '],
  [/\bgroup by\b/gi, 'by'],
  [/\border by\s+([\w.]+)\s+desc\b/gi, 'sorted by $1 descending'],
  [/\border by\s+([\w.]+)\s+asc\b/gi, 'sorted by $1 ascending'],
  [/\border by\b/gi, 'sorted by'],
  [/\bdesc\b/gi, 'descending'],
  [/\basc\b/gi, 'ascending'],
  [/\blimit\s+(\d+)/gi, 'top $1'],
  [/\bcount\s*\(\s*distinct\s+customer(?:_id)?s?\s*\)/gi, 'number of customers'],
  [/\bcount\s*\(\s*(?:\*|1)\s*\)/gi, 'count'],
  [/\bcount\s*\(\s*distinct\s+(\w+)\s*\)/gi, 'number of $1'],
  [/\bcount\s*\(\s*(\w+)\s*\)/gi, 'number of $1'],
  [/\bsum\s*\(\s*(\w+)\s*\)/gi, 'total $1'],
  [/\bavg\s*\(\s*(\w+)\s*\)/gi, 'average $1'],
  [/\bgrain\s*=\s*'?(day|week|month|quarter|year)'?/gi, 'by $1'],
];

/**
 * "select churn_rate from last_quarter group by region order by churn_rate desc", "count(distinct
 * customer_id) where signup_date in 2025": SQL keywords mapped onto the same reading as words (group by →
 * a breakdown, where → filters, order by/limit → a ranking, top N), and snake_case words that name no
 * catalog member split into words (last_quarter → last quarter). Returns the text to read, or undefined
 * when the question has no SQL keyword or nothing in it maps. Data changes (UPDATE … SET) are left for the scope check.
 */
export function readSqlish(question: string, catalog: Catalog): string | undefined {
  if (!SQLISH.test(question)) return undefined;
  let text = question;
  for (const [re, to] of REWRITES) text = text.replace(re, to);
  const ids = new Set([...catalog.metrics.map((m) => m.id), ...catalog.dimensions.map((d) => d.id)]);
  text = text.replace(/\b[a-z]+(?:_[a-z0-9]+)+\b/gi, (w) =>
    ids.has(w.toLowerCase()) ? w : w.replaceAll('_', ' '),
  );
  const read = text.replace(/\s+/g, ' ').replace(/\s+,/g, ',').trim();
  // nothing left to map ("count(distnct …)", a keyword no rewrite reads): read as it is, never again
  return read === question.replace(/\s+/g, ' ').trim() ? undefined : read;
}
