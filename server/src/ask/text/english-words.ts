import { createRequire } from 'node:module';

let english: Set<string> | undefined;

/**
 * The English dictionary (~275k words, `an-array-of-english-words`), loaded on first use: a synchronous JSON
 * read and a Set of every word (~0.15 s idle, 0.3 s and more on a loaded machine), so `warmInterpreter` loads
 * it when a model version is activated rather than during someone's question (issue 21 §1).
 */
export function englishWords(): Set<string> {
  english ??= new Set(createRequire(import.meta.url)('an-array-of-english-words') as string[]);
  return english;
}

/** A word of the English dictionary: never taken for a typo of another word ("growth" is not "grow", "break" is not the city "Brea"). */
export function isEnglishWord(word: string): boolean {
  return englishWords().has(word.toLowerCase());
}
