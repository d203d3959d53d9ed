import type { TermInfo } from './lexicon-types.ts';

interface TrieNode {
  next: Map<number, TrieNode>;
  info?: TermInfo;
}

/** A dictionary of terms matched over raw text (no word segmentation needed for Chinese). */
export interface TermMatcher {
  /** The longest term starting at `start`, with its end offset; undefined when none matches. */
  longestAt(text: string, start: number): { info: TermInfo; end: number } | undefined;
}

/** True for ASCII letters and digits, which form English words that must match whole (an apostrophe ends a match: "competitor's"). */
export function isWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
}

/** Builds a character trie over the terms; later duplicates of a term are merged into the first. */
export function buildTermMatcher(infos: Iterable<TermInfo>): TermMatcher {
  const root: TrieNode = { next: new Map() };
  for (const info of infos) {
    let node = root;
    for (let i = 0; i < info.term.length; i++) {
      const code = info.term.charCodeAt(i);
      let child = node.next.get(code);
      if (!child) {
        child = { next: new Map() };
        node.next.set(code, child);
      }
      node = child;
    }
    node.info = info;
  }
  return {
    longestAt(text, start) {
      let node: TrieNode | undefined = root;
      let best: { info: TermInfo; end: number } | undefined;
      for (let i = start; i < text.length && node; i++) {
        node = node.next.get(text.charCodeAt(i));
        if (node?.info) {
          // An English term must end at a word boundary ("no" must not match inside "now").
          const last = text.charCodeAt(i);
          const following = i + 1 < text.length ? text.charCodeAt(i + 1) : 32;
          if (!(isWordChar(last) && isWordChar(following))) best = { info: node.info, end: i + 1 };
        }
      }
      return best;
    },
  };
}
