-- aov-by-sales-channel-yoy (duckdb)
-- query: {"model":"retail","metrics":["avg_order_value"],"dimensions":["sales_channel"],"timeRange":{"start":"2026-07-01","end":"2026-10-01"},"compare":"same_period_last_year"}
-- params: ["2026-07-01","2026-10-01","2025-07-01","2025-10-01"]
WITH g1 AS (
  SELECT t0."d_sales_channel" AS "sales_channel",
    SUM(t0.m_revenue_sum) AS m_revenue_sum,
    COUNT(*) AS m_order_count
  FROM (SELECT *, (order_ts) AS "__time", (sales_channel) AS "d_sales_channel", (amount) AS "m_revenue_sum" FROM "orders" WHERE status = 'completed') AS t0
  WHERE t0.__time >= CAST($1 AS DATE)
    AND t0.__time < CAST($2 AS DATE)
  GROUP BY 1
),
core AS (
  SELECT g1."sales_channel", COALESCE(g1.m_revenue_sum, 0) AS "revenue", COALESCE(g1.m_order_count, 0) AS "orders", (CAST(COALESCE(g1.m_revenue_sum, 0) AS DOUBLE) / NULLIF(CAST(COALESCE(g1.m_order_count, 0) AS DOUBLE), 0)) AS "avg_order_value" FROM g1
),
g1_prev AS (
  SELECT t0."d_sales_channel" AS "sales_channel",
    SUM(t0.m_revenue_sum) AS m_revenue_sum,
    COUNT(*) AS m_order_count
  FROM (SELECT *, (order_ts) AS "__time", (sales_channel) AS "d_sales_channel", (amount) AS "m_revenue_sum" FROM "orders" WHERE status = 'completed') AS t0
  WHERE t0.__time >= CAST($3 AS DATE)
    AND t0.__time < CAST($4 AS DATE)
  GROUP BY 1
),
core_prev AS (
  SELECT g1_prev."sales_channel", COALESCE(g1_prev.m_revenue_sum, 0) AS "revenue", COALESCE(g1_prev.m_order_count, 0) AS "orders", (CAST(COALESCE(g1_prev.m_revenue_sum, 0) AS DOUBLE) / NULLIF(CAST(COALESCE(g1_prev.m_order_count, 0) AS DOUBLE), 0)) AS "avg_order_value" FROM g1_prev
),
result AS (
  SELECT c."sales_channel",
    c."avg_order_value" AS "avg_order_value",
    p."avg_order_value" AS "avg_order_value__previous",
    c."avg_order_value" - p."avg_order_value" AS "avg_order_value__change",
    (c."avg_order_value" - p."avg_order_value") / NULLIF(ABS(CAST(p."avg_order_value" AS DOUBLE)), 0) AS "avg_order_value__change_pct"
  FROM core AS c LEFT JOIN core_prev AS p ON c."sales_channel" IS NOT DISTINCT FROM p."sales_channel"
)
SELECT * FROM result
ORDER BY "sales_channel" ASC NULLS LAST
