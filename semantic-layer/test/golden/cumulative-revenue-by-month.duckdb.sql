-- cumulative-revenue-by-month (duckdb)
-- query: {"model":"retail","metrics":["revenue","cumulative_revenue"],"time":{"dimension":"metric_time","grain":"month"},"timeRange":{"start":"2026-01-01","end":"2026-10-01"}}
-- params: ["2026-01-01","2026-10-01"]
WITH g1 AS (
  SELECT CAST(date_trunc('month', r.__day) AS DATE) AS period,
    SUM(r.m_revenue_sum) AS m_revenue_sum
  FROM (SELECT CAST(t0.__time AS DATE) AS __day,
    SUM(t0.m_revenue_sum) AS m_revenue_sum
  FROM (SELECT *, (order_ts) AS "__time", (amount) AS "m_revenue_sum" FROM "orders" WHERE status = 'completed') AS t0
  WHERE t0.__time >= CAST($1 AS DATE)
    AND t0.__time < CAST($2 AS DATE)
  GROUP BY 1) AS r
  GROUP BY 1
),
core AS (
  SELECT g1."period", COALESCE(g1.m_revenue_sum, 0) AS "revenue", COALESCE(g1.m_revenue_sum, 0) AS "cumulative_revenue" FROM g1
),
result AS (
  SELECT c."period",
    c."revenue" AS "revenue",
    SUM(c."cumulative_revenue") OVER (ORDER BY c.period ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "cumulative_revenue"
  FROM core AS c
)
SELECT * FROM result
ORDER BY "period" ASC NULLS LAST
