import { describe, expect, it } from 'vitest';
import { changePhrase } from './format.ts';

describe('changePhrase (words from answer/messages)', () => {
  it('says a rate rises or falls and an amount increases or decreases in Chinese, up or down in English', () => {
    expect(changePhrase(0.023, 'percent', 'zh')).toBe('上升 2.3 个百分点');
    expect(changePhrase(0.023, 'percent', 'en')).toBe('up 2.3 pp');
    expect(changePhrase(-0.5, 'hours', 'zh')).toBe('下降 0.5 小时');
    expect(changePhrase(1234, 'currency', 'zh')).toBe('增加 ¥1,234');
    expect(changePhrase(-98765, 'count', 'zh')).toBe('减少 9.9万');
    expect(changePhrase(-98765, 'count', 'en')).toBe('down 98,765');
    expect(changePhrase(12_345_678, 'count', 'en')).toBe('up 12.35M');
    expect(changePhrase(0, undefined, 'zh')).toBe('持平');
    expect(changePhrase(0, undefined, 'en')).toBe('unchanged');
  });
});
