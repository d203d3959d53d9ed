-- Average order value by sales channel in Q3 2026 against Q3 2025.
WITH cur AS (
  SELECT sales_channel, SUM(amount) / COUNT(*) AS aov FROM orders
  WHERE status = 'completed' AND order_ts >= DATE '2026-07-01' AND order_ts < DATE '2026-10-01'
  GROUP BY sales_channel
), prev AS (
  SELECT sales_channel, SUM(amount) / COUNT(*) AS aov FROM orders
  WHERE status = 'completed' AND order_ts >= DATE '2025-07-01' AND order_ts < DATE '2025-10-01'
  GROUP BY sales_channel
)
SELECT sales_channel, cur.aov AS avg_order_value, prev.aov AS avg_order_value__previous,
  cur.aov - prev.aov AS avg_order_value__change,
  (cur.aov - prev.aov) / NULLIF(ABS(prev.aov), 0) AS avg_order_value__change_pct
FROM cur LEFT JOIN prev USING (sales_channel)
ORDER BY sales_channel
