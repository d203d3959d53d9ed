import { describe, expect, it } from 'vitest';
import { escapeRegex, wordAlternation } from './word-pattern.ts';

describe('word patterns', () => {
  it('escapes special characters so a word matches only itself', () => {
    expect(new RegExp(`^${escapeRegex('a.b+(c)')}$`).test('a.b+(c)')).toBe(true);
    expect(new RegExp(`^${escapeRegex('a.b')}$`).test('axb')).toBe(false);
  });
  it('puts the longest word first and lets spaces stretch when asked', () => {
    expect(wordAlternation(['月', '个月'])).toBe('个月|月');
    expect(
      new RegExp(`^(?:${wordAlternation(['in the last'], { spaces: true })})$`).test('in  the last'),
    ).toBe(true);
    expect(new RegExp(`^(?:${wordAlternation(['in the last'])})$`).test('in  the last')).toBe(false);
  });
});
