import type { CatalogEvent } from '../../../../semantic-layer/src/catalog.ts';
import { addDays, partsOf } from '../../calendar/calendar.ts';
import { EVENT_DAY_ASIDE, EVENT_DAY_WORDS, EVENT_WINDOW_WORDS } from '../lexicon/time-words.ts';
import { escapeRegex } from '../text/word-pattern.ts';
import type { TimeToken } from './scan-time.ts';

/** After an event's name, words that make it the name of something else ("Black Friday campaign", "双十一的营销活动方案"). */
const NOT_A_PERIOD = `\\s*(?:的\\s*)?(?:campaign|营销|活动方案|方案)`;
const YEAR = `(?:(\\d{4})\\s*年?|(今年|去年|前年|this year'?s|last year'?s))?\\s*(?:的\\s*)?`;

/**
 * Time tokens for the model's calendar ("双11期间", "去年618", "春节", "black friday"): a bare name or a
 * window word (期间, 大促) means the event's window, a day word (当天, 那天) its day; without a year the
 * latest occurrence that has begun by the as-of date. Always read back ("按 2025年双11（11月1日至11月11日）").
 */
export function calendarTokens(folded: string, asOf: string, events: CatalogEvent[]): Partial<TimeToken>[] {
  const tokens: Partial<TimeToken>[] = [];
  const dayWords = EVENT_DAY_WORDS.map(escapeRegex).join('|');
  const windowWords = EVENT_WINDOW_WORDS.map(escapeRegex).join('|');
  for (const event of events) {
    const names = [event.label.zh, event.label.en, ...event.synonyms.zh, ...event.synonyms.en]
      .map((n) => n.toLowerCase())
      .sort((a, b) => b.length - a.length)
      .map((n) => (/^[a-z]/.test(n) ? `\\b${escapeRegex(n)}\\b` : escapeRegex(n)));
    const re = new RegExp(
      `(?<![\\d.])${YEAR}(?:${names.join('|')})(?![\\d])(?!${NOT_A_PERIOD})(?:\\s*(?:的\\s*)?(?:(${dayWords})|(${windowWords})))?`,
      'g',
    );
    for (let m = re.exec(folded); m; m = re.exec(folded)) {
      const aside =
        m[3] === undefined && m[4] === undefined ? EVENT_DAY_ASIDE.exec(folded.slice(re.lastIndex)) : null;
      const token = eventToken(event, m, asOf, m[3] !== undefined || aside !== null, aside?.[1]);
      const end = re.lastIndex + (aside?.[0].length ?? 0);
      if (token)
        tokens.push({ start: m.index, end, text: folded.slice(m.index, end), kind: 'range', ...token });
    }
  }
  return tokens;
}

function eventToken(
  event: CatalogEvent,
  m: RegExpExecArray,
  asOf: string,
  day: boolean,
  yearAfter?: string,
): Partial<TimeToken> | null {
  const asOfYear = partsOf(asOf).year;
  const yearWord = m[2] ?? (yearAfter && !/^\d/.test(yearAfter) ? yearAfter : undefined);
  const yearDigits = m[1] ?? (yearAfter && /^\d/.test(yearAfter) ? yearAfter : undefined);
  const year = yearDigits
    ? Number(yearDigits)
    : yearWord
      ? asOfYear - (/去年|last/.test(yearWord) ? 1 : /前年/.test(yearWord) ? 2 : 0)
      : undefined;
  const started = event.occurrences.filter((o) => o.window.start < asOf);
  const found =
    year !== undefined
      ? event.occurrences.find((o) => partsOf(o.day.start).year === year)
      : started[started.length - 1];
  if (!found) return null;
  const range = day ? found.day : found.window;
  const last = addDays(range.end, -1);
  const y = partsOf(found.day.start).year;
  const span = (lang: 'zh' | 'en') =>
    range.start === last
      ? range.start
      : lang === 'zh'
        ? `${range.start} 至 ${last}`
        : `${range.start} to ${last}`;
  return {
    range,
    reading: {
      zh: `${y}年${event.label.zh}${day ? '当天' : ''}（${span('zh')}）`,
      en: `${event.label.en} ${y}${day ? ', the day' : ''} (${span('en')})`,
    },
  };
}
