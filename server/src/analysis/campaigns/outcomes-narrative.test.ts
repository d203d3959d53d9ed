import { describe, expect, it } from 'vitest';
import type { GroupOutcome } from './campaign-outcomes.ts';
import { outcomesNarrative } from './outcomes-narrative.ts';

const measured: GroupOutcome = {
  group: 'sms',
  treated: { customers: 400, returned: 100, rate: 0.25 },
  control: { customers: 100, returned: 15, rate: 0.15 },
  uplift: 0.1,
  interval: { lower: 0.02, upper: 0.18 },
  pValue: 0.031,
  cost: 200,
  retainedByCampaign: 40,
  costPerRetained: 5,
};
const unmeasured: GroupOutcome = {
  ...measured,
  group: 'email',
  control: null,
  uplift: null,
  interval: null,
  pValue: null,
  retainedByCampaign: null,
  costPerRetained: null,
};
const label = (g: string) => ({ sms: '短信', email: 'Email' })[g] ?? g;

describe('campaign-outcome narrative from the analysis catalogs', () => {
  it('names the best group with its interval, test and cost, and the groups without a control', () => {
    expect(outcomesNarrative([measured, unmeasured], 'message_channel', label, 'zh')).toBe(
      '效果最好的渠道是「短信」。渠道「短信」：实验组挽回率 25.0%（400 人），对照组 15.0%（100 人），增量 +10.0 个百分点，95% 区间 [+2.0, +18.0]，p=0.031（显著），每挽回一位客户成本 5.00 元。另有 1 个渠道没有对照组，效果未知。',
    );
    expect(outcomesNarrative([measured, unmeasured], 'message_channel', label, 'en')).toBe(
      'The most effective channel is "短信". Channel "短信": treated 25.0% (400) vs control 15.0% (100), uplift +10.0 pp, 95% CI [+2.0, +18.0], p=0.031 (significant), 5.00 per retained customer. 1 more without a control group: effect unknown.',
    );
  });

  it('says when nothing is significant or nothing was sent', () => {
    expect(outcomesNarrative([{ ...measured, pValue: 0.4 }], 'campaign', label, 'en')).toMatch(
      /^No campaign shows an uplift significant at the 5% level\. Campaign "短信": .*\(not significant\)/,
    );
    expect(outcomesNarrative([], 'retention_action', label, 'zh')).toBe(
      '所选范围内还没有挽留消息的触达记录，无法评估效果。',
    );
  });
});
