/**
 * Words that carry no content of their own (particles, question words, polite filler). What is left
 * of a question after matching, minus these, is named back as not understood.
 */
export { STOP_WORDS_EN } from './stop-words-en.ts';
export { STOP_WORDS_ZH } from './stop-words-zh.ts';
