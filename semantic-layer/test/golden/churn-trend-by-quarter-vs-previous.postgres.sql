-- churn-trend-by-quarter-vs-previous (postgres)
-- query: {"model":"retail","metrics":["churn_rate","churned_customers"],"time":{"dimension":"metric_time","grain":"quarter"},"timeRange":{"start":"2025-10-01","end":"2026-10-01"},"compare":"previous_period"}
-- params: ["2025-10-01","2025-10-01","2026-01-01","2026-01-01","2026-01-01","2026-04-01","2026-04-01","2026-04-01","2026-07-01","2026-07-01","2026-07-01","2026-10-01","2025-10-01","2026-01-01","2026-04-01","2026-07-01","2026-10-01","2025-07-01","2025-07-01","2025-10-01","2025-10-01","2025-10-01","2026-01-01","2026-01-01","2026-01-01","2026-04-01","2026-04-01","2026-04-01","2026-07-01","2025-07-01","2025-10-01","2026-01-01","2026-04-01","2026-07-01"]
WITH periods(period, p_start, p_end, p_index) AS (VALUES (CAST($1 AS DATE), CAST($2 AS DATE), CAST($3 AS DATE), 1), (CAST($4 AS DATE), CAST($5 AS DATE), CAST($6 AS DATE), 2), (CAST($7 AS DATE), CAST($8 AS DATE), CAST($9 AS DATE), 3), (CAST($10 AS DATE), CAST($11 AS DATE), CAST($12 AS DATE), 4)),
g1 AS (
  SELECT p.period AS period,
    COALESCE(SUM(r.m_churned_count) FILTER (WHERE r.__b_to = p.p_index), 0) AS m_churned_count,
    COALESCE(SUM(r.m_active_count), 0) AS m_active_count
  FROM (SELECT CASE WHEN t0.__from IS NULL THEN 5 WHEN t0.__from < CAST($13 AS DATE) THEN 0 WHEN t0.__from < CAST($14 AS DATE) THEN 1 WHEN t0.__from < CAST($15 AS DATE) THEN 2 WHEN t0.__from < CAST($16 AS DATE) THEN 3 WHEN t0.__from < CAST($17 AS DATE) THEN 4 ELSE 5 END AS __b_from,
    CASE WHEN t0.__to IS NULL THEN 5 WHEN t0.__to < CAST($13 AS DATE) THEN 0 WHEN t0.__to < CAST($14 AS DATE) THEN 1 WHEN t0.__to < CAST($15 AS DATE) THEN 2 WHEN t0.__to < CAST($16 AS DATE) THEN 3 WHEN t0.__to < CAST($17 AS DATE) THEN 4 ELSE 5 END AS __b_to,
    COUNT(*) AS m_churned_count,
    COUNT(*) AS m_active_count
  FROM (SELECT *, (spell_start) AS "__from", (churn_date) AS "__to" FROM "customer_spells") AS t0
  GROUP BY 1, 2) AS r
  JOIN periods AS p ON r.__b_from < p.p_index AND r.__b_to >= p.p_index
  GROUP BY 1
),
core AS (
  SELECT g1."period", COALESCE(g1.m_churned_count, 0) AS "churned_customers", COALESCE(g1.m_active_count, 0) AS "active_customers", (CAST(COALESCE(g1.m_churned_count, 0) AS DOUBLE PRECISION) / NULLIF(CAST(COALESCE(g1.m_active_count, 0) AS DOUBLE PRECISION), 0)) AS "churn_rate" FROM g1
),
periods_prev(period, p_start, p_end, p_index) AS (VALUES (CAST($18 AS DATE), CAST($19 AS DATE), CAST($20 AS DATE), 1), (CAST($21 AS DATE), CAST($22 AS DATE), CAST($23 AS DATE), 2), (CAST($24 AS DATE), CAST($25 AS DATE), CAST($26 AS DATE), 3), (CAST($27 AS DATE), CAST($28 AS DATE), CAST($29 AS DATE), 4)),
g1_prev AS (
  SELECT p.period AS period,
    COALESCE(SUM(r.m_churned_count) FILTER (WHERE r.__b_to = p.p_index), 0) AS m_churned_count,
    COALESCE(SUM(r.m_active_count), 0) AS m_active_count
  FROM (SELECT CASE WHEN t0.__from IS NULL THEN 5 WHEN t0.__from < CAST($30 AS DATE) THEN 0 WHEN t0.__from < CAST($31 AS DATE) THEN 1 WHEN t0.__from < CAST($32 AS DATE) THEN 2 WHEN t0.__from < CAST($33 AS DATE) THEN 3 WHEN t0.__from < CAST($34 AS DATE) THEN 4 ELSE 5 END AS __b_from,
    CASE WHEN t0.__to IS NULL THEN 5 WHEN t0.__to < CAST($30 AS DATE) THEN 0 WHEN t0.__to < CAST($31 AS DATE) THEN 1 WHEN t0.__to < CAST($32 AS DATE) THEN 2 WHEN t0.__to < CAST($33 AS DATE) THEN 3 WHEN t0.__to < CAST($34 AS DATE) THEN 4 ELSE 5 END AS __b_to,
    COUNT(*) AS m_churned_count,
    COUNT(*) AS m_active_count
  FROM (SELECT *, (spell_start) AS "__from", (churn_date) AS "__to" FROM "customer_spells") AS t0
  GROUP BY 1, 2) AS r
  JOIN periods_prev AS p ON r.__b_from < p.p_index AND r.__b_to >= p.p_index
  GROUP BY 1
),
core_prev AS (
  SELECT g1_prev."period", COALESCE(g1_prev.m_churned_count, 0) AS "churned_customers", COALESCE(g1_prev.m_active_count, 0) AS "active_customers", (CAST(COALESCE(g1_prev.m_churned_count, 0) AS DOUBLE PRECISION) / NULLIF(CAST(COALESCE(g1_prev.m_active_count, 0) AS DOUBLE PRECISION), 0)) AS "churn_rate" FROM g1_prev
),
result AS (
  SELECT c."period",
    c."churn_rate" AS "churn_rate",
    c."churned_customers" AS "churned_customers",
    p."churn_rate" AS "churn_rate__previous",
    c."churn_rate" - p."churn_rate" AS "churn_rate__change",
    (c."churn_rate" - p."churn_rate") / NULLIF(ABS(CAST(p."churn_rate" AS DOUBLE PRECISION)), 0) AS "churn_rate__change_pct",
    p."churned_customers" AS "churned_customers__previous",
    c."churned_customers" - p."churned_customers" AS "churned_customers__change",
    (c."churned_customers" - p."churned_customers") / NULLIF(ABS(CAST(p."churned_customers" AS DOUBLE PRECISION)), 0) AS "churned_customers__change_pct"
  FROM core AS c LEFT JOIN core_prev AS p ON c.period = CAST(p.period + make_interval(months => CAST(3 AS INTEGER)) AS DATE)
)
SELECT * FROM result
ORDER BY "period" ASC NULLS LAST
