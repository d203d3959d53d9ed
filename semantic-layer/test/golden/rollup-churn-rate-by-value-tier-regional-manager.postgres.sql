-- rollup-churn-rate-by-value-tier-regional-manager (postgres)
-- query: {"model":"retail","metrics":["churn_rate"],"dimensions":["value_tier"],"timeRange":{"start":"2026-07-01","end":"2026-10-01"}}
-- attributes: {"region":["华东"]}
-- rollups built: month, quarter, year; answered from: {"kind":"rollup","rollup":"churn_overview","grain":"quarter","tables":["rollup_churn_overview_quarter_g3"]}
-- params: ["2026-07-01","2026-10-01","华东"]
WITH g1 AS (
  SELECT t."value_tier" AS "value_tier",
    CAST(SUM(t.m_churned_count) AS BIGINT) AS m_churned_count,
    CAST(SUM(t.m_active_count) AS BIGINT) AS m_active_count
  FROM "rollup_churn_overview_quarter_g3" AS t
  WHERE t.period >= CAST($1 AS DATE)
    AND t.period < CAST($2 AS DATE)
    AND t."region" IN ($3)
  GROUP BY 1
),
core AS (
  SELECT g1."value_tier", COALESCE(g1.m_churned_count, 0) AS "churned_customers", COALESCE(g1.m_active_count, 0) AS "active_customers", (CAST(COALESCE(g1.m_churned_count, 0) AS DOUBLE PRECISION) / NULLIF(CAST(COALESCE(g1.m_active_count, 0) AS DOUBLE PRECISION), 0)) AS "churn_rate" FROM g1
),
result AS (
  SELECT c."value_tier",
    c."churn_rate" AS "churn_rate"
  FROM core AS c
)
SELECT * FROM result
ORDER BY "value_tier" ASC NULLS LAST
