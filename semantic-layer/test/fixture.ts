/**
 * A hand-made CRM small enough to check by hand, with the edge cases of the churn definition
 * (window 90 days; as-of 2026-10-01 = the day after the last order):
 * - C01 华南 last order 05-20 → churns 08-18 (Q3).            - C02 华南 gaps ≤ 90 → never churns.
 * - C03 华东 one order 06-01 → churns 08-30 (Q3).             - C04 华东 acquired in Q3 → not in Q3's denominator.
 * - C05 华北 last 02-15 → churns 05-16 (Q2).                  - C06 华北 churns 06-18 (Q2), returns 09-10 (reactivated Q3).
 * - C07 华南 completed 04-05 (a refunded 06-01 is no activity) → churns 07-04 (Q3).
 * - C08 华东 a gap of exactly 90 days continues the spell.     - C09 华南 never ordered (zombie).
 * - C10 华东 gap of 96 days → churned 2025-12-30, back 01-05, churns again 09-26 (Q3).
 * - C11 华北 order 04-02 → active at Q3 start, churns 07-01, the first day of Q3.
 * - C12 华南 order 04-01 → acquired in Q2, churns 06-30: in neither Q2's nor Q3's denominator.
 * Q3 2026: active at start 7 (C01 C02 C03 C07 C08 C10 C11), churned 5 (C01 C03 C07 C10 C11).
 * Q2 2026: active at start 6 (C01 C02 C05 C06 C08 C10), churned 2 (C05 C06).
 */

export interface FixtureTable {
  name: string;
  columns: [name: string, type: string][];
  rows: unknown[][];
}

const customer = (id: string, region: string, signup: string, birth = 1990): unknown[] => [
  id,
  `客户${id}`,
  'female',
  birth,
  region,
  region === '华南' ? '广州' : region === '华东' ? '上海' : '北京',
  'organic_search',
  signup,
  'B2C',
  null,
  null,
];

let orderNo = 0;
const order = (
  customerId: string,
  day: string,
  amount: number,
  status = 'completed',
  category = '母婴',
): unknown[] => [
  `O${String(++orderNo).padStart(3, '0')}`,
  customerId,
  `${day} 10:00:00`,
  amount,
  0,
  category,
  'online',
  status,
  2,
];

export const FIXTURE_AS_OF = '2026-10-01';

export const FIXTURE_TABLES: FixtureTable[] = [
  {
    name: 'customers',
    columns: [
      ['customer_id', 'VARCHAR'],
      ['name', 'VARCHAR'],
      ['gender', 'VARCHAR'],
      ['birth_year', 'INTEGER'],
      ['region', 'VARCHAR'],
      ['city', 'VARCHAR'],
      ['acquisition_channel', 'VARCHAR'],
      ['signup_date', 'DATE'],
      ['customer_type', 'VARCHAR'],
      ['industry', 'VARCHAR'],
      ['churn_label', 'BOOLEAN'],
    ],
    rows: [
      customer('C01', '华南', '2025-12-20'),
      customer('C02', '华南', '2026-01-20'),
      customer('C03', '华东', '2026-05-25'),
      customer('C04', '华东', '2026-07-10'),
      customer('C05', '华北', '2025-11-20'),
      customer('C06', '华北', '2026-03-01'),
      customer('C07', '华南', '2026-04-01'),
      customer('C08', '华东', '2026-02-20'),
      customer('C09', '华南', '2025-05-01'),
      customer('C10', '华东', '2025-09-15', 1975),
      customer('C11', '华北', '2026-04-01'),
      customer('C12', '华南', '2026-03-30'),
    ],
  },
  {
    name: 'orders',
    columns: [
      ['order_id', 'VARCHAR'],
      ['customer_id', 'VARCHAR'],
      ['order_ts', 'TIMESTAMP'],
      ['amount', 'DOUBLE'],
      ['discount_amount', 'DOUBLE'],
      ['category', 'VARCHAR'],
      ['sales_channel', 'VARCHAR'],
      ['status', 'VARCHAR'],
      ['delivery_days', 'DOUBLE'],
    ],
    rows: [
      order('C01', '2026-01-10', 120),
      order('C01', '2026-03-15', 80),
      order('C01', '2026-05-20', 60),
      order('C02', '2026-02-01', 90, 'completed', '食品'),
      order('C02', '2026-04-10', 110, 'completed', '食品'),
      order('C02', '2026-06-25', 100, 'completed', '食品'),
      order('C02', '2026-08-30', 100, 'completed', '食品'),
      order('C03', '2026-06-01', 300),
      order('C04', '2026-07-15', 200, 'completed', '数码'),
      order('C04', '2026-08-01', 150, 'completed', '数码'),
      order('C05', '2025-12-01', 40),
      order('C05', '2026-02-15', 45),
      order('C06', '2026-03-20', 70, 'completed', '服饰'),
      order('C06', '2026-09-10', 300, 'completed', '服饰'),
      order('C07', '2026-04-05', 55),
      order('C07', '2026-06-01', 999, 'refunded'),
      order('C08', '2026-03-01', 100, 'completed', '食品'),
      order('C08', '2026-05-30', 100, 'completed', '食品'),
      order('C08', '2026-08-20', 120, 'completed', '食品'),
      order('C10', '2025-10-01', 5000, 'completed', '家电'),
      order('C10', '2026-01-05', 5000, 'completed', '家电'),
      order('C10', '2026-04-01', 5000, 'completed', '家电'),
      order('C10', '2026-06-28', 5000, 'completed', '家电'),
      order('C11', '2026-04-02', 65),
      order('C12', '2026-04-01', 35),
      order('C02', '2026-09-30', 10, 'cancelled', '食品'),
    ],
  },
  {
    name: 'tickets',
    columns: [
      ['ticket_id', 'VARCHAR'],
      ['customer_id', 'VARCHAR'],
      ['created_ts', 'TIMESTAMP'],
      ['resolved_ts', 'TIMESTAMP'],
      ['category', 'VARCHAR'],
      ['priority', 'VARCHAR'],
      ['first_contact_resolved', 'BOOLEAN'],
      ['reopened_count', 'INTEGER'],
      ['satisfaction', 'INTEGER'],
      ['text', 'VARCHAR'],
    ],
    rows: [
      [
        'T1',
        'C01',
        '2026-07-01 09:00:00',
        '2026-07-02 09:00:00',
        'logistics',
        'normal',
        true,
        0,
        2,
        '快递太慢',
      ],
      ['T2', 'C01', '2026-07-20 09:00:00', null, 'logistics', 'high', false, 1, null, '还没到'],
      ['T3', 'C02', '2026-08-05 09:00:00', '2026-08-05 21:00:00', 'price', 'low', true, 0, 4, '涨价了'],
      [
        'T4',
        'C03',
        '2026-07-10 09:00:00',
        '2026-07-16 09:00:00',
        'product_quality',
        'normal',
        false,
        0,
        1,
        '质量差',
      ],
      [
        'T5',
        'C10',
        '2026-09-01 09:00:00',
        '2026-09-02 09:00:00',
        'service',
        'urgent',
        true,
        0,
        3,
        'slow reply',
      ],
    ],
  },
  {
    name: 'feedback',
    columns: [
      ['feedback_id', 'VARCHAR'],
      ['customer_id', 'VARCHAR'],
      ['ts', 'TIMESTAMP'],
      ['source', 'VARCHAR'],
      ['nps', 'INTEGER'],
      ['csat', 'INTEGER'],
      ['text', 'VARCHAR'],
      ['language', 'VARCHAR'],
      ['topic', 'VARCHAR'],
      ['sentiment', 'VARCHAR'],
    ],
    rows: [
      ['F1', 'C01', '2026-07-05 12:00:00', 'survey', 3, null, '太慢了', 'zh', 'logistics', 'negative'],
      ['F2', 'C02', '2026-07-06 12:00:00', 'survey', 9, null, '很好', 'zh', 'other', 'positive'],
      ['F3', 'C08', '2026-08-06 12:00:00', 'survey', 10, 5, 'great', 'en', 'other', 'positive'],
      ['F4', 'C07', '2026-06-20 12:00:00', 'review', null, 2, '隔壁便宜', 'zh', 'competitor', 'negative'],
      ['F5', 'C04', '2026-08-10 12:00:00', 'survey', 7, 4, '一般', 'zh', 'other', 'neutral'],
    ],
  },
];
