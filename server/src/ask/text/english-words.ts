import { createRequire } from 'node:module';

let english: Set<string> | undefined;

/**
 * A word of the English dictionary (~275k words, `an-array-of-english-words`): never taken for a typo of
 * another word ("growth" is not "grow", "break" is not the city "Brea").
 */
export function isEnglishWord(word: string): boolean {
  english ??= new Set(createRequire(import.meta.url)('an-array-of-english-words') as string[]);
  return english.has(word.toLowerCase());
}
