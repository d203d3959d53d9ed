-- Repeat purchase rate (buyers with two or more completed orders in the month) by month, April-September 2026.
WITH per_buyer AS (
  SELECT CAST(date_trunc('month', order_ts) AS DATE) AS period, customer_id, COUNT(*) AS n
  FROM orders
  WHERE status = 'completed' AND order_ts >= DATE '2026-04-01' AND order_ts < DATE '2026-10-01'
  GROUP BY 1, 2
)
SELECT period, CAST(COUNT(*) FILTER (WHERE n >= 2) AS DOUBLE) / COUNT(*) AS repeat_purchase_rate
FROM per_buyer
GROUP BY period
ORDER BY period
