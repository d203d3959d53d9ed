import type { Catalog } from '../../../../semantic-layer/src/catalog.ts';
import { NUMBER_PATTERN, parseNumber } from '../text/numerals.ts';
import type { CueHit, QuestionAnalysis } from './analyse-question.ts';

/** Ranking asked by a question (CONVENTIONS.md "Ranking"). */
export interface Ranking {
  dir?: 'asc' | 'desc';
  limit?: number;
  /** The member ordered by, when not the first metric (a customer list by 12-month spend). */
  member?: string;
  /** Where the number of the limit was written (so it is not named back as unknown). */
  span?: { start: number; end: number };
}

const N = `(${NUMBER_PATTERN})`;
/** [pattern, direction, only in a ranking question ("流失最多的五个地区", "the 5 cities with the lowest AOV")]. */
const LIMIT_PATTERNS: [RegExp, 'asc' | 'desc', boolean][] = [
  [new RegExp(`前\\s*${N}\\s*(?:名|个|位|大|强)?`, 'g'), 'desc', false],
  [new RegExp(`\\btop\\s*${N}\\b`, 'g'), 'desc', false],
  [new RegExp(`\\bbottom\\s*${N}\\b`, 'g'), 'asc', false],
  [new RegExp(`\\b(?:highest|most|largest|biggest|best|worst)\\s+${N}\\b`, 'g'), 'desc', false],
  [new RegExp(`\\b(?:lowest|least|fewest|smallest)\\s+${N}\\b`, 'g'), 'asc', false],
  [new RegExp(`哪\\s*${N}\\s*(?:个|家|类)`, 'g'), 'desc', false],
  // "which one is highest" is singular: no limit (CONVENTIONS.md "Ranking")
  [new RegExp(`\\b(?:which|the)\\s+(?!one\\b)${N}\\s+(?=[a-z])`, 'g'), 'desc', true],
  [new RegExp(`(?<![\\d.])${N}\\s*(?:个|大)(?!月|季度|星期|礼拜)`, 'g'), 'desc', true],
];

/** Direction from 最多/最少/top/lowest (best/worst read through lowerIsBetter) and a limit when a number is given. */
export function detectRanking(
  analysis: QuestionAnalysis,
  catalog: Catalog,
  metric: string | undefined,
): Ranking {
  const direction = analysis.cues.filter((c) => c.cue === 'rankAsc' || c.cue === 'rankDesc');
  // "from the most to the fewest" is one descending cue: a direction word inside a longer one is not its own
  const insideLonger = (c: CueHit) =>
    direction.some(
      (d) => d !== c && d.start <= c.start && d.end >= c.end && d.end - d.start > c.end - c.start,
    );
  const has = (cue: string) =>
    analysis.cues.some((c) => c.cue === cue && !c.insideCatalog && !insideLonger(c));
  const lowerIsBetter = catalog.metrics.find((m) => m.id === metric)?.lowerIsBetter ?? false;
  let dir: Ranking['dir'];
  if (has('rankAsc')) dir = 'asc';
  else if (has('rankDesc')) dir = 'desc';
  else if (has('rankBest')) dir = lowerIsBetter ? 'asc' : 'desc';
  else if (has('rankWorst')) dir = lowerIsBetter ? 'desc' : 'asc';
  const limit = findLimit(analysis, dir !== undefined);
  if (limit && !dir) dir = limit.dir;
  return { dir, limit: limit?.n, span: limit?.span };
}

function findLimit(
  analysis: QuestionAnalysis,
  ranked: boolean,
): { n: number; dir: 'asc' | 'desc'; span: { start: number; end: number } } | undefined {
  const taken = [...analysis.timeTokens, ...analysis.matches];
  for (const [re, dir, rankedOnly] of LIMIT_PATTERNS) {
    if (rankedOnly && !ranked) continue;
    re.lastIndex = 0;
    for (let m = re.exec(analysis.folded); m; m = re.exec(analysis.folded)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some((t) => start < t.end && end > t.start)) continue;
      const n = parseNumber(m[1]);
      // "哪一个渠道最高" is "which one", singular: no limit
      if (n === 1 && /哪\s*$/.test(analysis.folded.slice(0, start + m[0].indexOf(m[1])))) continue;
      // "the highest one", Singlish "churn the most one ah": "one" after a rank word is singular, no limit
      if (n === 1 && /^one$/i.test(m[1]!) && !/^(?:top|bottom)/i.test(m[0])) continue;
      if (n && n > 0 && n <= 1000) return { n, dir, span: { start, end } };
    }
  }
  return undefined;
}
