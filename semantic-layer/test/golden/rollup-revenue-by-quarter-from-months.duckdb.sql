-- rollup-revenue-by-quarter-from-months (duckdb)
-- query: {"model":"retail","metrics":["revenue","avg_order_value"],"dimensions":["sales_channel"],"time":{"dimension":"metric_time","grain":"quarter"},"timeRange":{"start":"2026-01-01","end":"2026-10-01"},"compare":"previous_period"}
-- rollups built: month; answered from: {"kind":"rollup","rollup":"churn_overview","grain":"month","tables":["rollup_churn_overview_month_g4"]}
-- params: ["2026-01-01","2026-10-01","2025-10-01","2026-07-01"]
WITH g1 AS (
  SELECT CAST(date_trunc('quarter', t.period) AS DATE) AS period,
    t."sales_channel" AS "sales_channel",
    SUM(t.m_revenue_sum) AS m_revenue_sum,
    CAST(SUM(t.m_order_count) AS BIGINT) AS m_order_count
  FROM "rollup_churn_overview_month_g4" AS t
  WHERE t.period >= CAST($1 AS DATE)
    AND t.period < CAST($2 AS DATE)
  GROUP BY 1, 2
),
core AS (
  SELECT g1."period", g1."sales_channel", COALESCE(g1.m_revenue_sum, 0) AS "revenue", COALESCE(g1.m_order_count, 0) AS "orders", (CAST(COALESCE(g1.m_revenue_sum, 0) AS DOUBLE) / NULLIF(CAST(COALESCE(g1.m_order_count, 0) AS DOUBLE), 0)) AS "avg_order_value" FROM g1
),
g1_prev AS (
  SELECT CAST(date_trunc('quarter', t.period) AS DATE) AS period,
    t."sales_channel" AS "sales_channel",
    SUM(t.m_revenue_sum) AS m_revenue_sum,
    CAST(SUM(t.m_order_count) AS BIGINT) AS m_order_count
  FROM "rollup_churn_overview_month_g4" AS t
  WHERE t.period >= CAST($3 AS DATE)
    AND t.period < CAST($4 AS DATE)
  GROUP BY 1, 2
),
core_prev AS (
  SELECT g1_prev."period", g1_prev."sales_channel", COALESCE(g1_prev.m_revenue_sum, 0) AS "revenue", COALESCE(g1_prev.m_order_count, 0) AS "orders", (CAST(COALESCE(g1_prev.m_revenue_sum, 0) AS DOUBLE) / NULLIF(CAST(COALESCE(g1_prev.m_order_count, 0) AS DOUBLE), 0)) AS "avg_order_value" FROM g1_prev
),
result AS (
  SELECT c."period",
    c."sales_channel",
    c."revenue" AS "revenue",
    c."avg_order_value" AS "avg_order_value",
    p."revenue" AS "revenue__previous",
    c."revenue" - p."revenue" AS "revenue__change",
    (c."revenue" - p."revenue") / NULLIF(ABS(CAST(p."revenue" AS DOUBLE)), 0) AS "revenue__change_pct",
    p."avg_order_value" AS "avg_order_value__previous",
    c."avg_order_value" - p."avg_order_value" AS "avg_order_value__change",
    (c."avg_order_value" - p."avg_order_value") / NULLIF(ABS(CAST(p."avg_order_value" AS DOUBLE)), 0) AS "avg_order_value__change_pct"
  FROM core AS c LEFT JOIN core_prev AS p ON c.period = CAST(p.period + to_months(CAST(3 AS INTEGER)) AS DATE) AND c."sales_channel" IS NOT DISTINCT FROM p."sales_channel"
)
SELECT * FROM result
ORDER BY "period" ASC NULLS LAST, "sales_channel" ASC NULLS LAST
