-- churn-reasons-regional-manager-adversarial (duckdb)
-- query: {"model":"retail","metrics":["churned_customers"],"dimensions":["churn_reason"],"timeRange":{"start":"2026-07-01","end":"2026-10-01"},"filters":[{"member":"city","op":"in","values":["广州' OR 1=1 --","深圳"]}]}
-- attributes: {"region":["华南"]}
-- params: ["广州' OR 1=1 --","深圳","华南","2026-07-01","2026-10-01"]
WITH g1 AS (
  SELECT t0."d_churn_reason" AS "churn_reason",
    COUNT(*) FILTER (WHERE t0.__to < CAST($5 AS DATE)) AS m_churned_count
  FROM (SELECT *, (spell_start) AS "__from", (churn_date) AS "__to", (reason_category) AS "d_churn_reason" FROM "customer_spells") AS t0
  LEFT JOIN (SELECT *, (city) AS "d_city", (region) AS "d_region" FROM "customers") AS t1 ON t0."customer_id" = t1."customer_id"
  WHERE t1."d_city" IN ($1, $2)
    AND t1."d_region" IN ($3)
    AND t0.__from < CAST($4 AS DATE)
    AND (t0.__to IS NULL OR t0.__to >= CAST($4 AS DATE))
  GROUP BY 1
),
core AS (
  SELECT g1."churn_reason", COALESCE(g1.m_churned_count, 0) AS "churned_customers" FROM g1
),
result AS (
  SELECT c."churn_reason",
    c."churned_customers" AS "churned_customers"
  FROM core AS c
)
SELECT * FROM result
ORDER BY "churn_reason" ASC NULLS LAST
