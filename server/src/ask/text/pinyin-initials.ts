import { pinyin } from 'pinyin-pro';

/**
 * Pinyin initials typed as abbreviations of the model's Chinese words ("lsl" = 流失率, "kdj" = 客单价,
 * "kh" = 客户): each word's initials are derived from the catalog, never listed in code. A letter run
 * is read as a word only when exactly one word has those initials and the run is not English.
 */

/** 流失率 → "lsl". */
export function pinyinInitials(word: string): string {
  return pinyin(word, { pattern: 'first', toneType: 'none', type: 'array' }).join('').toLowerCase();
}

/** The model's Chinese words (2 to 5 characters) by their initials; a key shared by two words is ambiguous. */
export function initialsIndex(words: string[]): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const w of new Set(words)) {
    if (!/^\p{Script=Han}{2,5}$/u.test(w)) continue;
    const key = pinyinInitials(w);
    const list = index.get(key) ?? [];
    list.push(w);
    index.set(key, list);
  }
  return index;
}

/**
 * The one word a letter run abbreviates, if any. Several words may share initials when one is the
 * other's synonym reading (客户, 顾客?): only a single distinct word is accepted.
 */
export function wordForInitials(run: string, index: Map<string, string[]>): string | undefined {
  const words = index.get(run.toLowerCase());
  return words?.length === 1 ? words[0] : undefined;
}
