-- clv-by-tenure-band (duckdb)
-- query: {"model":"retail","metrics":["clv","retention_rate"],"dimensions":["tenure_band"],"timeRange":{"start":"2026-07-01","end":"2026-10-01"}}
-- params: ["2026-07-01","2026-10-01","2026-07-01","2026-10-01"]
WITH g1 AS (
  SELECT t2."d_tenure_band" AS "tenure_band",
    SUM(t0.m_revenue_sum) AS m_revenue_sum
  FROM (SELECT *, (order_ts) AS "__time", (amount) AS "m_revenue_sum" FROM "orders" WHERE status = 'completed') AS t0
  LEFT JOIN (SELECT * FROM "customers") AS t1 ON t0."customer_id" = t1."customer_id"
  LEFT JOIN (SELECT *, CASE WHEN (tenure_days) IS NULL THEN NULL WHEN (tenure_days) < 90 THEN '0-3m' WHEN (tenure_days) < 180 THEN '3-6m' WHEN (tenure_days) < 365 THEN '6-12m' WHEN (tenure_days) < 730 THEN '12-24m' ELSE '24m+' END AS "d_tenure_band" FROM "customer_snapshot") AS t2 ON t1."customer_id" = t2."customer_id"
  WHERE t0.__time >= CAST($1 AS DATE)
    AND t0.__time < CAST($2 AS DATE)
  GROUP BY 1
),
g2 AS (
  SELECT t2."d_tenure_band" AS "tenure_band",
    COUNT(*) AS m_active_count,
    COUNT(*) FILTER (WHERE t0.__to < CAST($4 AS DATE)) AS m_churned_count
  FROM (SELECT *, (spell_start) AS "__from", (churn_date) AS "__to" FROM "customer_spells") AS t0
  LEFT JOIN (SELECT * FROM "customers") AS t1 ON t0."customer_id" = t1."customer_id"
  LEFT JOIN (SELECT *, CASE WHEN (tenure_days) IS NULL THEN NULL WHEN (tenure_days) < 90 THEN '0-3m' WHEN (tenure_days) < 180 THEN '3-6m' WHEN (tenure_days) < 365 THEN '6-12m' WHEN (tenure_days) < 730 THEN '12-24m' ELSE '24m+' END AS "d_tenure_band" FROM "customer_snapshot") AS t2 ON t1."customer_id" = t2."customer_id"
  WHERE t0.__from < CAST($3 AS DATE)
    AND (t0.__to IS NULL OR t0.__to >= CAST($3 AS DATE))
  GROUP BY 1
),
core AS (
  SELECT k."tenure_band", COALESCE(g1.m_revenue_sum, 0) AS "revenue", COALESCE(g2.m_active_count, 0) AS "active_customers", (CAST(COALESCE(g1.m_revenue_sum, 0) AS DOUBLE) / NULLIF(CAST(COALESCE(g2.m_active_count, 0) AS DOUBLE), 0)) AS "revenue_per_customer", COALESCE(g2.m_churned_count, 0) AS "churned_customers", (CAST(COALESCE(g2.m_churned_count, 0) AS DOUBLE) / NULLIF(CAST(COALESCE(g2.m_active_count, 0) AS DOUBLE), 0)) AS "churn_rate", (CAST((CAST(COALESCE(g1.m_revenue_sum, 0) AS DOUBLE) / NULLIF(CAST(COALESCE(g2.m_active_count, 0) AS DOUBLE), 0)) AS DOUBLE) * 0.3 * ( 1 - CAST((CAST(COALESCE(g2.m_churned_count, 0) AS DOUBLE) / NULLIF(CAST(COALESCE(g2.m_active_count, 0) AS DOUBLE), 0)) AS DOUBLE) ) / NULLIF(( 1 + 0.025 - ( 1 - CAST((CAST(COALESCE(g2.m_churned_count, 0) AS DOUBLE) / NULLIF(CAST(COALESCE(g2.m_active_count, 0) AS DOUBLE), 0)) AS DOUBLE) ) ), 0)) AS "clv", (1 - CAST((CAST(COALESCE(g2.m_churned_count, 0) AS DOUBLE) / NULLIF(CAST(COALESCE(g2.m_active_count, 0) AS DOUBLE), 0)) AS DOUBLE)) AS "retention_rate" FROM (SELECT "tenure_band" FROM g1 UNION SELECT "tenure_band" FROM g2) AS k LEFT JOIN g1 ON g1."tenure_band" IS NOT DISTINCT FROM k."tenure_band" LEFT JOIN g2 ON g2."tenure_band" IS NOT DISTINCT FROM k."tenure_band"
),
result AS (
  SELECT c."tenure_band",
    c."clv" AS "clv",
    c."retention_rate" AS "retention_rate"
  FROM core AS c
)
SELECT * FROM result
ORDER BY "tenure_band" ASC NULLS LAST
