-- shape-churn-verbatims (duckdb)
-- query: {"model":"retail","metrics":["churned_customers"],"dimensions":["customer_id","churn_reason"],"timeRange":{"start":"2026-07-01","end":"2026-10-01"},"filters":[{"member":"churn_reason","op":"in","values":["price","service"]},{"member":"churned_customers","op":"gt","values":[0]}]}
-- attributes: {"region":["华南"]}
-- params: ["price","service","华南","2026-07-01","2026-10-01",0,"华南","华南","2026-07-01","2026-10-01",2000]
WITH churners AS (
WITH g1 AS (
  SELECT t1."d_customer_id" AS "customer_id",
    t0."d_churn_reason" AS "churn_reason",
    COUNT(*) FILTER (WHERE t0.__to < CAST($5 AS DATE)) AS m_churned_count
  FROM (SELECT *, (spell_start) AS "__from", (churn_date) AS "__to", (reason_category) AS "d_churn_reason" FROM "customer_spells") AS t0
  LEFT JOIN (SELECT *, (customer_id) AS "d_customer_id", (region) AS "d_region" FROM "customers") AS t1 ON t0."customer_id" = t1."customer_id"
  WHERE t0."d_churn_reason" IN ($1, $2)
    AND t1."d_region" IN ($3)
    AND t0.__from < CAST($4 AS DATE)
    AND (t0.__to IS NULL OR t0.__to >= CAST($4 AS DATE))
  GROUP BY 1, 2
),
core AS (
  SELECT g1."customer_id", g1."churn_reason", COALESCE(g1.m_churned_count, 0) AS "churned_customers" FROM g1
),
result AS (
  SELECT c."customer_id",
    c."churn_reason",
    c."churned_customers" AS "churned_customers"
  FROM core AS c
)
SELECT * FROM result
WHERE "churned_customers" > $6
ORDER BY "customer_id" ASC NULLS LAST, "churn_reason" ASC NULLS LAST
)
SELECT c."churn_reason" AS "reason", f."text" AS "text", f."topic" AS "topic", COUNT(*) AS "mentions"
FROM churners AS c
JOIN "customer_spells" AS s ON s."customer_id" = c."customer_id"
  AND s."churn_date" >= CAST($9 AS DATE) AND s."churn_date" < CAST($10 AS DATE)
JOIN "feedback" AS f ON f."customer_id" = c."customer_id"
  AND f."ts" >= CAST(s."churn_date" + to_days(-90) AS DATE) AND f."ts" < s."churn_date"
WHERE f."text" IS NOT NULL
  AND (f."topic" IS NULL OR (f."topic" = c."churn_reason" AND (sentiment = 'negative')))
  AND (s."customer_id" IN (SELECT rls1."customer_id" FROM "customers" AS rls1 WHERE (region) IN ($7))) AND (f."customer_id" IN (SELECT rls1."customer_id" FROM "customers" AS rls1 WHERE (region) IN ($8)))
GROUP BY 1, 2, 3
ORDER BY "mentions" DESC, "reason", "text"
LIMIT $11
