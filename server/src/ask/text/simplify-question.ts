import { simplifyChinese } from '../../feedback/simplify-chinese.ts';
import type { Correction } from './correct-question.ts';

/**
 * Traditional characters → simplified (OpenCC with the Taiwan phrase table: 網路 → 网络), the changed
 * characters named back. Two things are kept as written: Cantonese 嗰, which OpenCC writes as the rare
 * variant 𠮶, and a word of the model, read character by character, that the phrase table would rewrite
 * (新增會員 is 新增会员, never the Taiwan phrase 添加会员).
 */
export function simplifyQuestion(text: string, corrections: Correction[], modelWords: Set<string>): string {
  const from = [...text];
  const to = [...simplifyChinese(text).replace(/𠮶/gu, '嗰')];
  if (to.join('') === text) return text;
  if (to.length === from.length) {
    // one code point per character: astral results (𠮶) and emoji stay one element
    const byChar = from.map((c) => {
      const one = [...simplifyChinese(c)];
      return one.length === 1 ? one[0] : c;
    });
    for (let at = 0; at < from.length; at++)
      for (let length = Math.min(8, from.length - at); length >= 2; length--) {
        const word = byChar.slice(at, at + length).join('');
        const phrase = to.slice(at, at + length).join('');
        // a word of the model the phrase table turned into something the model does not know (新增 → 添加);
        // when the phrase table's word is the model's too (寬頻 → 宽带, 支援 → 支持) it stands
        if (word === phrase || !modelWords.has(word) || modelWords.has(phrase)) continue;
        to.splice(at, length, ...byChar.slice(at, at + length));
        at += length - 1;
        break;
      }
  }
  const simple = to.join('');
  if (simple === text) return text;
  const changed: string[] = [];
  if (from.length === to.length) {
    for (let i = 0; i < from.length; i++) {
      const pair = `${from[i]}→${to[i]}`;
      if (from[i] !== to[i] && !changed.includes(pair)) changed.push(pair);
    }
  }
  corrections.push({ kind: 'traditional', from: text, to: changed.join('、') || simple });
  return simple;
}
