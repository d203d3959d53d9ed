-- Revenue, completed orders and tickets by region in Q3 2026: each fact aggregated alone, then joined.
WITH o AS (
  SELECT c.region, SUM(o.amount) AS revenue, COUNT(*) AS orders
  FROM orders o JOIN customers c ON c.customer_id = o.customer_id
  WHERE o.status = 'completed' AND o.order_ts >= DATE '2026-07-01' AND o.order_ts < DATE '2026-10-01'
  GROUP BY c.region
), t AS (
  SELECT c.region, COUNT(*) AS tickets
  FROM tickets t JOIN customers c ON c.customer_id = t.customer_id
  WHERE t.created_ts >= DATE '2026-07-01' AND t.created_ts < DATE '2026-10-01'
  GROUP BY c.region
)
SELECT region, COALESCE(o.revenue, 0) AS revenue, COALESCE(o.orders, 0) AS orders, COALESCE(t.tickets, 0) AS tickets
FROM o FULL JOIN t USING (region)
ORDER BY region
