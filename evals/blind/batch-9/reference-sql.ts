/**
 * Hand-written reference SQL for blind batch 9 (README.md here): per case id, the query whose result is the
 * table the answer must show. Written from DOMAIN.md §3-4, CONVENTIONS.md and the model definitions over the
 * canonical tables, never from the product's answers. Reuses batches 2-8's blocks; this batch's few
 * additions are in building-blocks.ts.
 */
import {
  every,
  HOURS,
  newCustomersSql,
  ordersSql,
  Q3,
  Q3_LY,
  type Reference,
  SEP,
  ticketsSql,
  Y2025,
  YTD,
} from '../batch-2/reference-sql.ts';
import { DAYS_90, pair, ranked, retail } from '../batch-3/reference-sql.ts';
import {
  AOV,
  churnedBy,
  churnedCount,
  DOUBLE_11_2025,
  DOUBLE_11_DAY,
  MID_YEAR_618,
  revenue,
} from '../batch-4/building-blocks.ts';
import { money, ranking, table } from '../batch-6/building-blocks.ts';
import { MID_YEAR_618_2025 } from '../batch-7/building-blocks.ts';
import { ordersByPeriod } from './building-blocks.ts';

const ORDERS = 'count(*) AS orders';
const moneyTable = { ...table, ...money };
const LOGISTICS = "ticket_category = 'logistics'";

export const REFERENCES: Record<string, Reference> = {
  // supply-chain planner (zh)
  'b9-sp-01': retail([], ordersSql(SEP, ORDERS)),
  'b9-sp-02': retail(
    ['category'],
    ranked(ordersSql(SEP, `category, ${ORDERS}`, 'TRUE', 'category'), 'orders', 'DESC'),
    ranking,
  ),
  'b9-sp-03': retail([], ordersSql(DOUBLE_11_2025, ORDERS)),
  'b9-sp-04': retail([], ordersSql(DOUBLE_11_DAY, ORDERS)),
  'b9-sp-05': retail([], ordersSql(MID_YEAR_618, ORDERS, "category = '家电'")),
  'b9-sp-06': retail(
    [],
    pair(
      'orders',
      ordersSql(MID_YEAR_618, ORDERS, "category = '家电'"),
      ordersSql(MID_YEAR_618_2025, ORDERS, "category = '家电'"),
    ),
  ),
  'b9-sp-07': retail(['period'], ordersByPeriod(Q3, 'month'), table),
  'b9-sp-08': retail([], ticketsSql(Q3, 'count(*) AS tickets', LOGISTICS)),
  'b9-sp-09': retail([], ticketsSql(DAYS_90, `${HOURS} AS avg_resolution_hours`, LOGISTICS)),
  'b9-sp-10': retail(
    ['region'],
    ordersSql(Q3, `region, ${AOV}`, "region IN ('华南', '西南')", 'region'),
    moneyTable,
  ),
  'b9-sp-11': retail(['period'], ordersByPeriod(Y2025, 'quarter'), table),
  'b9-sp-12': retail([], revenue(Q3, "category = '数码'"), money),
  'b9-sp-13': retail(
    [],
    pair('revenue', revenue(Q3, "category = '数码'"), revenue(Q3_LY, "category = '数码'")),
    money,
  ),
  'b9-sp-14': retail([], churnedCount(Q3, "churn_reason = 'logistics'")),
  'b9-sp-15': retail(['region'], churnedBy(Q3, 'region', "churn_reason = 'logistics'"), table),
  'b9-sp-19': retail(
    ['sales_channel'],
    ordersSql(SEP, `sales_channel, ${ORDERS}`, "sales_channel IN ('app', 'store')", 'sales_channel'),
    table,
  ),
  'b9-sp-20': retail([], revenue(SEP, "region = '华东' AND category = '服饰'"), money),
  'b9-sp-22': retail(['period'], newCustomersSql(every(YTD, 'MONTH'), 'TRUE', '', true), table),
};
