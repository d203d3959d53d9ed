-- churn-rate-frequent-small-basket-by-region (duckdb)
-- query: {"model":"retail","metrics":["churn_rate"],"dimensions":["region"],"timeRange":{"start":"2026-07-01","end":"2026-10-01"},"filters":[{"member":"frequent_small_basket","op":"eq","values":[true]}]}
-- params: [true,"2026-07-01","2026-10-01"]
WITH g1 AS (
  SELECT t1."d_region" AS "region",
    COUNT(*) FILTER (WHERE t0.__to < CAST($3 AS DATE)) AS m_churned_count,
    COUNT(*) AS m_active_count
  FROM (SELECT *, (spell_start) AS "__from", (churn_date) AS "__to" FROM "customer_spells") AS t0
  LEFT JOIN (SELECT *, (region) AS "d_region" FROM "customers") AS t1 ON t0."customer_id" = t1."customer_id"
  LEFT JOIN (SELECT *, (CASE WHEN ((frequency_12m) >= 16) AND ((frequency_12m) > 0 AND (monetary_12m) < 100 * (frequency_12m)) THEN TRUE ELSE FALSE END) AS "d_frequent_small_basket" FROM "customer_snapshot") AS t2 ON t1."customer_id" = t2."customer_id"
  WHERE t2."d_frequent_small_basket" = $1
    AND t0.__from < CAST($2 AS DATE)
    AND (t0.__to IS NULL OR t0.__to >= CAST($2 AS DATE))
  GROUP BY 1
),
core AS (
  SELECT g1."region", COALESCE(g1.m_churned_count, 0) AS "churned_customers", COALESCE(g1.m_active_count, 0) AS "active_customers", (CAST(COALESCE(g1.m_churned_count, 0) AS DOUBLE) / NULLIF(CAST(COALESCE(g1.m_active_count, 0) AS DOUBLE), 0)) AS "churn_rate" FROM g1
),
result AS (
  SELECT c."region",
    c."churn_rate" AS "churn_rate"
  FROM core AS c
)
SELECT * FROM result
ORDER BY "region" ASC NULLS LAST
