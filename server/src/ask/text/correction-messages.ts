import type { Lang } from '../../../../semantic-layer/src/catalog.ts';

/** How a reading of dialect or regional wording is named back, in Chinese and English. */
export const correctionMessages = {
  dialect: (changes: string[], lang: Lang) =>
    lang === 'zh'
      ? `粤语按普通话理解（${changes.join('、')}）`
      : `Cantonese read as Mandarin (${changes.join(', ')})`,
  regional: (changes: string[], lang: Lang) =>
    lang === 'zh'
      ? `方言按普通话理解（${changes.join('、')}）`
      : `Regional wording read as standard Mandarin (${changes.join(', ')})`,
};
