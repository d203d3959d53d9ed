-- cohort-retention-2026-h1 (postgres)
-- query: {"model":"retail","metrics":["cohort_retention"],"timeRange":{"start":"2026-01-01","end":"2026-07-01"}}
-- params: ["2026-01-01","2026-07-01","2026-10-01"]
WITH members AS (SELECT c."customer_id" AS entity, CAST(date_trunc('month', CAST(c."first_activity_date" AS TIMESTAMP)) AS DATE) AS cohort FROM "customer_snapshot" AS c WHERE c."first_activity_date" IS NOT NULL AND c."first_activity_date" >= CAST($1 AS DATE) AND c."first_activity_date" < CAST($2 AS DATE)),
offsets(k) AS (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9), (10), (11), (12)),
grid AS (
  SELECT m.cohort, o.k, m.entity, CAST(m.cohort + make_interval(months => CAST((o.k + 1) * 1 AS INTEGER)) AS DATE) AS instant
  FROM members AS m CROSS JOIN offsets AS o
  WHERE TRUE AND CAST(m.cohort + make_interval(months => CAST((o.k + 1) * 1 AS INTEGER)) AS DATE) <= CAST($3 AS DATE)
),
retained AS (
  SELECT g.cohort, g.k,
    COUNT(*) AS cohort_size,
    COUNT(s."customer_id") AS retained
  FROM grid AS g
  LEFT JOIN "customer_spells" AS s ON s."customer_id" = g.entity
    AND s."spell_start" < g.instant AND COALESCE(s."churn_date", DATE '9999-12-31') >= g.instant
  GROUP BY 1, 2
)
SELECT cohort, k AS period_number, cohort_size, retained,
  CAST(retained AS DOUBLE PRECISION) / NULLIF(cohort_size, 0) AS "cohort_retention"
FROM retained
ORDER BY cohort, period_number
