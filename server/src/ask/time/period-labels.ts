import type { Lang } from '../../../../semantic-layer/src/catalog.ts';
import { MONTH_NAMES } from '../lexicon/time-words.ts';

/** How a resolved period is named back to the user, in their language. */

const cap = (s: string) => s[0].toUpperCase() + s.slice(1);

/** "2026Q3" / "2026 Q3". */
export function quarterName(year: number, quarter: number, lang: Lang): string {
  return lang === 'zh' ? `${year}Q${quarter}` : `${year} Q${quarter}`;
}

/** "2026年7月" / "July 2026". */
export function monthName(year: number, month: number, lang: Lang): string {
  return lang === 'zh' ? `${year}年${month}月` : `${cap(MONTH_NAMES[month - 1])} ${year}`;
}

/** "2025年上半年" / "H1 2025". */
export function halfName(year: number, half: 1 | 2, lang: Lang): string {
  if (lang === 'zh') return `${year}年${half === 1 ? '上' : '下'}半年`;
  return `H${half} ${year}`;
}

/** Both languages at once, for tokens resolved before the answer language is known. */
export function bilingual(make: (lang: Lang) => string): { zh: string; en: string } {
  return { zh: make('zh'), en: make('en') };
}
