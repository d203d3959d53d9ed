import type { TermInfo } from './lexicon-types.ts';

/** A long wait found in the text: where it is and the term it acts as. */
export interface WaitTimeCue {
  start: number;
  end: number;
  info: TermInfo;
}

// An hour or more ("一个多小时", "两个半小时", "2小时", "3 hours") or 60+ minutes ("96分钟"); "半小时" alone
// is not a complaint (reviews praise "半小时不到就送来了").
const HOURS =
  /(?:\d+(?:\.\d+)?|[一二两三四五六七八九十俩仨]+)\s*(?:个)?\s*(?:多|半)?\s*(?:个)?\s*(?:小时|钟头|hours?|hrs?)/g;
const MINUTES = /(\d{2,3})\s*(?:分钟|minutes?|mins?)/g;

const LONG_WAIT: TermInfo = { term: 'wait ≥ 1h', polarity: -1.5, topics: [['logistics', 3]] };

/** Finds waits of an hour or more, which reviews mention as a delivery complaint. */
export function findWaitTimeCues(text: string): WaitTimeCue[] {
  const cues: WaitTimeCue[] = [];
  for (const match of text.matchAll(HOURS)) {
    const start = match.index ?? 0;
    cues.push({ start, end: start + match[0].length, info: { ...LONG_WAIT, term: match[0] } });
  }
  for (const match of text.matchAll(MINUTES)) {
    if (Number(match[1]) < 60) continue;
    const start = match.index ?? 0;
    cues.push({ start, end: start + match[0].length, info: { ...LONG_WAIT, term: match[0] } });
  }
  return cues.sort((a, b) => a.start - b.start);
}
