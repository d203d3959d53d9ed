import { describe, expect, it } from 'vitest';
import { customerTurns } from './customer-turns.ts';
import { simplifyChinese } from './simplify-chinese.ts';

describe('customerTurns keeps what the customer said in a two-sided transcript', () => {
  it('drops the agent turns (English and Chinese, after NFKC and lower case)', () => {
    expect(
      customerTurns('agent: can i help? customer: my bill is wrong. agent: sorry. customer: fix it'),
    ).toBe('my bill is wrong.\nfix it');
    expect(customerTurns('客服:您好 用户:退款呢? 客服:在处理 用户:上周也这么说')).toBe(
      '退款呢?\n上周也这么说',
    );
  });

  it('leaves other texts alone: one side only, ticket notes, colons that are not speakers', () => {
    for (const text of [
      'customer: hello',
      'cust reports the unit is faulty',
      'note: 3 items missing',
      '时间:明天',
    ])
      expect(customerTurns(text)).toBe(text);
  });
});

describe('simplifyChinese', () => {
  it('turns traditional characters and Taiwan phrases into simplified ones, and leaves simplified text as it is', () => {
    expect(simplifyChinese('軟體更新後一直當機，簡訊也收不到')).toBe('软件更新后一直当机，短信也收不到');
    const simplified = '简体中文不变';
    expect(simplifyChinese(simplified)).toBe(simplified);
  });
});
