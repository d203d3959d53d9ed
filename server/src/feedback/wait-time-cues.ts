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

// Waits of days or weeks, as retail customers report them: after a waiting verb ("等了一个星期", "拖了五天",
// "took a whole week", "after five days") or before 还/才/都 ("一周了还在仓库", "五天才到"). "用了两天就坏了" is a
// use, not a wait. A day-scale wait is a complaint about whatever is late (a parcel, a reply, a refund), so it
// hints at logistics only weakly.
const ZH_NUMBER = '(?:\\d+|[一二两三四五六七八九十俩仨几]+)';
const ZH_SPAN = `${ZH_NUMBER}\\s*(?:个)?\\s*(?:多|半)?\\s*(?:个)?\\s*(?:天|日|周|星期|礼拜|月|工作日)`;
const ZH_DAY_WAITS = new RegExp(
  `(?:等了|等|拖了|拖|查了|催了|过了|晚了|延迟了|延误了)\\s*(?:整整|快|将近|差不多)?\\s*(?:半个月|${ZH_SPAN})|(?:半个月|${ZH_SPAN})(?:了)?(?=还|才|都|仍|也没)`,
  'g',
);
const EN_NUMBER = '(?:\\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a few|a couple of)';
const EN_DAY_WAITS = new RegExp(
  `\\b(?:took|takes|taking|waited|waiting|after|for|over|been)\\s+(?:a whole|a full|almost|nearly|more than|over)?\\s*${EN_NUMBER}\\s+(?:days?|weeks?|months?)\\b`,
  'g',
);
const DAY_WAIT: TermInfo = { term: 'wait ≥ 1 day', polarity: -1.5, topics: [['logistics', 1]] };

/** Finds waits of an hour or more (a delivery complaint in food reviews) and of days or weeks (any late service). */
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
  for (const regex of [ZH_DAY_WAITS, EN_DAY_WAITS]) {
    for (const match of text.matchAll(regex)) {
      const start = match.index ?? 0;
      cues.push({ start, end: start + match[0].length, info: { ...DAY_WAIT, term: match[0] } });
    }
  }
  return cues.sort((a, b) => a.start - b.start);
}
