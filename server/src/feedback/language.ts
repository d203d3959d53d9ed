/** Languages the feedback classifier handles. */
export type FeedbackLanguage = 'zh' | 'en';

/** Share of CJK characters among the letters of a text, and the language it implies. */
export interface LanguageGuess {
  language: FeedbackLanguage;
  cjkShare: number;
  /** Letters counted (CJK characters plus Latin letters); 0 means the text has no words at all. */
  letters: number;
}

/**
 * Guesses zh or en from the share of CJK characters. One CJK character carries about as much as a short
 * English word, so Latin letters count a quarter each: "APP又crash了" is Chinese with English words in it.
 */
export function detectLanguage(text: string): LanguageGuess {
  let cjk = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf)) cjk++;
    else if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) latin++;
  }
  const weighted = cjk + latin / 4;
  const cjkShare = weighted === 0 ? 0 : cjk / weighted;
  return { language: cjk > 0 && cjkShare >= 0.3 ? 'zh' : 'en', cjkShare, letters: cjk + latin };
}
