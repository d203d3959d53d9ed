-- revenue-orders-tickets-by-region (duckdb)
-- query: {"model":"retail","metrics":["revenue","orders","tickets"],"dimensions":["region"],"timeRange":{"start":"2026-07-01","end":"2026-10-01"}}
-- params: ["2026-07-01","2026-10-01","2026-07-01","2026-10-01"]
WITH g1 AS (
  SELECT t1."d_region" AS "region",
    SUM(t0.m_revenue_sum) AS m_revenue_sum,
    COUNT(*) AS m_order_count
  FROM (SELECT *, (order_ts) AS "__time", (amount) AS "m_revenue_sum" FROM "orders" WHERE status = 'completed') AS t0
  LEFT JOIN (SELECT *, (region) AS "d_region" FROM "customers") AS t1 ON t0."customer_id" = t1."customer_id"
  WHERE t0.__time >= CAST($1 AS DATE)
    AND t0.__time < CAST($2 AS DATE)
  GROUP BY 1
),
g2 AS (
  SELECT t1."d_region" AS "region",
    COUNT(*) AS m_ticket_count
  FROM (SELECT *, (created_ts) AS "__time" FROM "tickets") AS t0
  LEFT JOIN (SELECT *, (region) AS "d_region" FROM "customers") AS t1 ON t0."customer_id" = t1."customer_id"
  WHERE t0.__time >= CAST($3 AS DATE)
    AND t0.__time < CAST($4 AS DATE)
  GROUP BY 1
),
core AS (
  SELECT k."region", COALESCE(g1.m_revenue_sum, 0) AS "revenue", COALESCE(g1.m_order_count, 0) AS "orders", COALESCE(g2.m_ticket_count, 0) AS "tickets" FROM (SELECT "region" FROM g1 UNION SELECT "region" FROM g2) AS k LEFT JOIN g1 ON g1."region" IS NOT DISTINCT FROM k."region" LEFT JOIN g2 ON g2."region" IS NOT DISTINCT FROM k."region"
),
result AS (
  SELECT c."region",
    c."revenue" AS "revenue",
    c."orders" AS "orders",
    c."tickets" AS "tickets"
  FROM core AS c
)
SELECT * FROM result
ORDER BY "region" ASC NULLS LAST
