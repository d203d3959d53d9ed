-- high-value-churners-top-regions (duckdb)
-- query: {"model":"retail","metrics":["churned_customers"],"dimensions":["region"],"timeRange":{"start":"2026-07-01","end":"2026-10-01"},"filters":[{"member":"value_tier","op":"in","values":["high"]}],"order":[{"member":"churned_customers","dir":"desc"}],"limit":5}
-- params: ["high","2026-07-01","2026-10-01",5]
WITH g1 AS (
  SELECT t1."d_region" AS "region",
    COUNT(*) FILTER (WHERE t0.__to < CAST($3 AS DATE)) AS m_churned_count
  FROM (SELECT *, (spell_start) AS "__from", (churn_date) AS "__to" FROM "customer_spells") AS t0
  LEFT JOIN (SELECT *, (region) AS "d_region" FROM "customers") AS t1 ON t0."customer_id" = t1."customer_id"
  LEFT JOIN (SELECT *, (value_tier) AS "d_value_tier" FROM "customer_snapshot") AS t2 ON t1."customer_id" = t2."customer_id"
  WHERE t2."d_value_tier" IN ($1)
    AND t0.__from < CAST($2 AS DATE)
    AND (t0.__to IS NULL OR t0.__to >= CAST($2 AS DATE))
  GROUP BY 1
),
core AS (
  SELECT g1."region", COALESCE(g1.m_churned_count, 0) AS "churned_customers" FROM g1
),
result AS (
  SELECT c."region",
    c."churned_customers" AS "churned_customers"
  FROM core AS c
)
SELECT * FROM result
ORDER BY "churned_customers" DESC NULLS LAST, "region" ASC NULLS LAST
LIMIT $4
