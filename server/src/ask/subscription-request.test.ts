import { describe, expect, it } from 'vitest';
import { recogniseSubscription } from './subscription-request.ts';

describe('scheduled-delivery requests in the chat', () => {
  it.each([
    ['每周一早上9点把上周流失情况发给我', '0 9 * * 1', '上周流失情况', 'inbox'],
    ['每周一提醒我华南的流失率', '0 9 * * 1', '华南的流失率', 'inbox'],
    ['每天下午3点半通过邮件把流失率发给我', '30 15 * * *', '流失率', 'email'],
    ['每月1号提醒我上月流失原因', '0 9 1 * *', '上月流失原因', 'inbox'],
    ["Send me last week's churn every Monday at 9am", '0 9 * * 1', "last week's churn", 'inbox'],
    [
      'Remind me of the churn rate in South China every Monday',
      '0 9 * * 1',
      'the churn rate in South China',
      'inbox',
    ],
    ['email me the churn rate daily at 8:30', '30 8 * * *', 'the churn rate', 'email'],
  ])('%s', (text, cron, question, channel) => {
    const p = recogniseSubscription(text);
    expect(p).toMatchObject({ cron, question, channel });
  });

  it('ignores ordinary questions and schedules with nothing to send', () => {
    expect(recogniseSubscription('上季度华南的流失率是多少')).toBeNull();
    expect(recogniseSubscription('what was the churn rate last month?')).toBeNull();
    expect(recogniseSubscription('每周一提醒我')).toBeNull();
  });

  it("states the schedule for the confirmation in the user's language", () => {
    expect(recogniseSubscription('每周一早上9点把上周流失情况发给我')?.scheduleText).toBe('每周一 9:00');
    expect(recogniseSubscription('send me the churn rate every Friday at 5pm')?.scheduleText).toBe(
      'every Friday at 17:00',
    );
  });
});
