-- rollup-not-covering-half-year-churn (duckdb)
-- query: {"model":"retail","metrics":["churn_rate"],"timeRange":{"start":"2026-01-01","end":"2026-07-01"}}
-- rollups built: month, quarter, year; answered from: {"kind":"base"}
-- params: ["2026-01-01","2026-07-01"]
WITH g1 AS (
  SELECT COUNT(*) FILTER (WHERE t0.__to < CAST($2 AS DATE)) AS m_churned_count,
    COUNT(*) AS m_active_count
  FROM (SELECT *, (spell_start) AS "__from", (churn_date) AS "__to" FROM "customer_spells") AS t0
  WHERE t0.__from < CAST($1 AS DATE)
    AND (t0.__to IS NULL OR t0.__to >= CAST($1 AS DATE))
),
core AS (
  SELECT COALESCE(g1.m_churned_count, 0) AS "churned_customers", COALESCE(g1.m_active_count, 0) AS "active_customers", (CAST(COALESCE(g1.m_churned_count, 0) AS DOUBLE) / NULLIF(CAST(COALESCE(g1.m_active_count, 0) AS DOUBLE), 0)) AS "churn_rate" FROM g1
),
result AS (
  SELECT c."churn_rate" AS "churn_rate"
  FROM core AS c
)
SELECT * FROM result
