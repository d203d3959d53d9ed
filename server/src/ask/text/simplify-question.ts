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
    const byChar = from.map((c) => [...simplifyChinese(c)][0] ?? c).join('');
    for (const w of modelWords) {
      if (w.length < 2) continue;
      for (let at = byChar.indexOf(w); at >= 0; at = byChar.indexOf(w, at + 1)) {
        // the model's word read character by character (新增會員 → 新增会员), never rewritten as a phrase
        if (to.slice(at, at + w.length).join('') !== w) to.splice(at, w.length, ...w);
      }
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
