-- at-risk-by-risk-tier (duckdb)
-- query: {"model":"retail","metrics":["at_risk_customers"],"dimensions":["risk_tier"]}
-- params: []
WITH g1 AS (
  SELECT t0."d_risk_tier" AS "risk_tier",
    COUNT(*) FILTER (WHERE t0.f_at_risk_count) AS m_at_risk_count
  FROM (SELECT *, (risk_tier) AS "d_risk_tier", (at_risk) AS "f_at_risk_count" FROM "customer_snapshot") AS t0
  GROUP BY 1
),
core AS (
  SELECT g1."risk_tier", COALESCE(g1.m_at_risk_count, 0) AS "at_risk_customers" FROM g1
),
result AS (
  SELECT c."risk_tier",
    c."at_risk_customers" AS "at_risk_customers"
  FROM core AS c
)
SELECT * FROM result
ORDER BY "risk_tier" ASC NULLS LAST
