/**
 * Stored values of the retail demo (semantic-layer/models/VOCABULARY.md) with the weights the
 * generator draws them by. Weights are relative; they need not sum to 1.
 */

export type Weighted<T extends string = string> = readonly (readonly [T, number])[];

/** Calendar of the demo: data window and the as-of date ("today"). */
export const DEMO_CALENDAR = {
  dataStart: '2024-01-01',
  dataEnd: '2026-09-30',
  asOf: '2026-10-01',
  baseSignupStart: '2021-01-01',
} as const;

/** Inactivity window of the churn definition the demo is planted for (DOMAIN.md §3). */
export const CHURN_WINDOW_DAYS = 90;

/** Regions by customer share (华东 largest) and their cities by share within the region. */
export const REGIONS: readonly { region: string; weight: number; cities: Weighted }[] = [
  {
    region: '华东',
    weight: 32,
    cities: [
      ['上海', 22],
      ['杭州', 14],
      ['南京', 11],
      ['苏州', 11],
      ['宁波', 8],
      ['合肥', 8],
      ['济南', 7],
      ['青岛', 7],
      ['福州', 6],
      ['厦门', 6],
    ],
  },
  {
    region: '华南',
    weight: 18,
    cities: [
      ['广州', 30],
      ['深圳', 30],
      ['东莞', 13],
      ['佛山', 12],
      ['南宁', 9],
      ['海口', 6],
    ],
  },
  {
    region: '华北',
    weight: 15,
    cities: [
      ['北京', 45],
      ['天津', 22],
      ['石家庄', 14],
      ['太原', 11],
      ['呼和浩特', 8],
    ],
  },
  {
    region: '华中',
    weight: 12,
    cities: [
      ['武汉', 36],
      ['长沙', 28],
      ['郑州', 24],
      ['南昌', 12],
    ],
  },
  {
    region: '西南',
    weight: 11,
    cities: [
      ['成都', 40],
      ['重庆', 35],
      ['昆明', 14],
      ['贵阳', 11],
    ],
  },
  {
    region: '西北',
    weight: 6,
    cities: [
      ['西安', 50],
      ['兰州', 20],
      ['乌鲁木齐', 18],
      ['银川', 12],
    ],
  },
  {
    region: '东北',
    weight: 6,
    cities: [
      ['沈阳', 32],
      ['大连', 26],
      ['长春', 22],
      ['哈尔滨', 20],
    ],
  },
];

/** Product categories: share as a customer's main category, and price level relative to the mean. */
export const CATEGORIES: readonly { category: string; weight: number; priceLevel: number }[] = [
  { category: '服饰', weight: 20, priceLevel: 0.9 },
  { category: '食品', weight: 16, priceLevel: 0.45 },
  { category: '美妆', weight: 14, priceLevel: 0.8 },
  { category: '母婴', weight: 12, priceLevel: 1.0 },
  { category: '家居', weight: 12, priceLevel: 1.1 },
  { category: '数码', weight: 10, priceLevel: 2.4 },
  { category: '运动', weight: 8, priceLevel: 1.0 },
  { category: '家电', weight: 8, priceLevel: 3.0 },
];

export const ACQUISITION_CHANNELS: Weighted = [
  ['organic_search', 22],
  ['paid_search', 16],
  ['social', 17],
  ['referral', 12],
  ['offline_store', 11],
  ['live_stream', 14],
  ['app_store', 8],
];

export const SALES_CHANNELS: Weighted = [
  ['app', 45],
  ['online', 38],
  ['store', 17],
];

export const GENDERS: Weighted = [
  ['female', 56],
  ['male', 40],
  ['unknown', 4],
];

export const INDUSTRIES: Weighted = [
  ['零售', 30],
  ['餐饮', 20],
  ['制造', 15],
  ['教育', 10],
  ['医疗', 10],
  ['互联网', 15],
];

export const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';

/** Background mix of ticket / complaint reasons (the planted effects add to it). */
export const BACKGROUND_REASONS: Weighted = [
  ['logistics', 24],
  ['product_quality', 22],
  ['service', 15],
  ['price', 10],
  ['billing', 8],
  ['technical', 8],
  ['competitor', 4],
  ['other', 9],
];

/** 春节 (Spring Festival) dates: orders dip during the holiday week, 年货 shopping moves before it. */
export const SPRING_FESTIVALS = ['2024-02-10', '2025-01-29', '2026-02-17'] as const;

export type CampaignKind = 'promo' | 'care' | 'winback';

export interface DemoCampaign {
  id: string;
  name: string;
  kind: CampaignKind;
  sendDate: string;
  /** Promotion window in which the campaign's extra orders fall (promo only). */
  windowStart: string;
  windowEnd: string;
  /** Share of eligible customers the campaign reaches. */
  reach: number;
  /** Probability that an active customer places an extra order in the window (promo only). */
  orderRate: number;
}

function promo(
  id: string,
  name: string,
  send: string,
  start: string,
  end: string,
  reach: number,
  rate: number,
) {
  return {
    id,
    name,
    kind: 'promo',
    sendDate: send,
    windowStart: start,
    windowEnd: end,
    reach,
    orderRate: rate,
  } as const;
}

function other(id: string, name: string, kind: CampaignKind, send: string, reach: number): DemoCampaign {
  return { id, name, kind, sendDate: send, windowStart: send, windowEnd: send, reach, orderRate: 0 };
}

/** Marketing calendar: 春节年货节, 618, 双11, 双12, quarterly member care and win-back campaigns. */
export const CAMPAIGNS: readonly DemoCampaign[] = [
  promo('cny_2024', '2024 年货节', '2024-01-18', '2024-01-20', '2024-02-05', 0.55, 0.25),
  promo('618_2024', '2024 618 年中大促', '2024-05-28', '2024-06-01', '2024-06-18', 0.65, 0.4),
  promo('d11_2024', '2024 双11 狂欢节', '2024-10-25', '2024-11-01', '2024-11-11', 0.7, 0.5),
  promo('d12_2024', '2024 双12 年终盛典', '2024-12-08', '2024-12-10', '2024-12-12', 0.5, 0.2),
  promo('cny_2025', '2025 年货节', '2025-01-06', '2025-01-08', '2025-01-24', 0.55, 0.25),
  promo('618_2025', '2025 618 年中大促', '2025-05-28', '2025-06-01', '2025-06-18', 0.65, 0.4),
  promo('d11_2025', '2025 双11 狂欢节', '2025-10-25', '2025-11-01', '2025-11-11', 0.7, 0.5),
  promo('d12_2025', '2025 双12 年终盛典', '2025-12-08', '2025-12-10', '2025-12-12', 0.5, 0.2),
  promo('cny_2026', '2026 年货节', '2026-01-26', '2026-01-28', '2026-02-12', 0.55, 0.25),
  promo('618_2026', '2026 618 年中大促', '2026-05-28', '2026-06-01', '2026-06-18', 0.65, 0.4),
  other('care_2025q1', '会员关怀 2025Q1', 'care', '2025-03-10', 0.3),
  other('care_2025q3', '会员关怀 2025Q3', 'care', '2025-09-10', 0.3),
  other('care_2026q1', '会员关怀 2026Q1', 'care', '2026-03-10', 0.3),
  other('care_2026q3', '会员关怀 2026Q3', 'care', '2026-08-20', 0.3),
  other('winback_2025h1', '老客召回 2025上半年', 'winback', '2025-04-15', 0.6),
  other('winback_2025h2', '老客召回 2025下半年', 'winback', '2025-10-15', 0.6),
  other('winback_2026h1', '老客召回 2026上半年', 'winback', '2026-04-15', 0.6),
  other('winback_2026q3', '老客召回 2026Q3', 'winback', '2026-08-15', 0.6),
];

/** Retention playbook actions recorded in `communications` (DOMAIN.md §6). */
export const RETENTION_ACTIONS = [
  'winback_offer',
  'care_message',
  'service_recovery',
  'shipping_voucher',
  'price_coupon',
  'account_manager_call',
] as const;
export type RetentionAction = (typeof RETENTION_ACTIONS)[number];
