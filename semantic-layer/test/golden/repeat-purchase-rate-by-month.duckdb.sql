-- repeat-purchase-rate-by-month (duckdb)
-- query: {"model":"retail","metrics":["repeat_purchase_rate"],"time":{"dimension":"metric_time","grain":"month"},"timeRange":{"start":"2026-04-01","end":"2026-10-01"}}
-- params: ["2026-04-01","2026-10-01"]
WITH g1 AS (
  SELECT "period", COUNT(e.entity) FILTER (WHERE e.n >= 2) AS m_repeat_buyer_count, COUNT(e.entity) AS m_buyer_count FROM (SELECT CAST(date_trunc('month', t0.__time) AS DATE) AS period, t0.m_repeat_buyer_count AS entity, COUNT(*) AS n
  FROM (SELECT *, (order_ts) AS "__time", (customer_id) AS "m_repeat_buyer_count", (customer_id) AS "m_buyer_count" FROM "orders" WHERE status = 'completed') AS t0
  WHERE t0.__time >= CAST($1 AS DATE)
    AND t0.__time < CAST($2 AS DATE)
  GROUP BY 1, 2) AS e GROUP BY "period"
),
core AS (
  SELECT g1."period", COALESCE(g1.m_repeat_buyer_count, 0) AS "repeat_buyers", COALESCE(g1.m_buyer_count, 0) AS "buyers", (CAST(COALESCE(g1.m_repeat_buyer_count, 0) AS DOUBLE) / NULLIF(CAST(COALESCE(g1.m_buyer_count, 0) AS DOUBLE), 0)) AS "repeat_purchase_rate" FROM g1
),
result AS (
  SELECT c."period",
    c."repeat_purchase_rate" AS "repeat_purchase_rate"
  FROM core AS c
)
SELECT * FROM result
ORDER BY "period" ASC NULLS LAST
