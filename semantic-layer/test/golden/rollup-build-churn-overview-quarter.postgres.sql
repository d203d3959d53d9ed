-- rollup_churn_overview_quarter_g3 (postgres), as of 2026-10-01
DROP TABLE IF EXISTS rollup_churn_overview_quarter_g3;
CREATE TABLE rollup_churn_overview_quarter_g3 AS WITH periods(period, p_start, p_end, p_index) AS (VALUES (CAST('2023-01-01' AS DATE), CAST('2023-01-01' AS DATE), CAST('2023-04-01' AS DATE), 1), (CAST('2023-04-01' AS DATE), CAST('2023-04-01' AS DATE), CAST('2023-07-01' AS DATE), 2), (CAST('2023-07-01' AS DATE), CAST('2023-07-01' AS DATE), CAST('2023-10-01' AS DATE), 3), (CAST('2023-10-01' AS DATE), CAST('2023-10-01' AS DATE), CAST('2024-01-01' AS DATE), 4), (CAST('2024-01-01' AS DATE), CAST('2024-01-01' AS DATE), CAST('2024-04-01' AS DATE), 5), (CAST('2024-04-01' AS DATE), CAST('2024-04-01' AS DATE), CAST('2024-07-01' AS DATE), 6), (CAST('2024-07-01' AS DATE), CAST('2024-07-01' AS DATE), CAST('2024-10-01' AS DATE), 7), (CAST('2024-10-01' AS DATE), CAST('2024-10-01' AS DATE), CAST('2025-01-01' AS DATE), 8), (CAST('2025-01-01' AS DATE), CAST('2025-01-01' AS DATE), CAST('2025-04-01' AS DATE), 9), (CAST('2025-04-01' AS DATE), CAST('2025-04-01' AS DATE), CAST('2025-07-01' AS DATE), 10), (CAST('2025-07-01' AS DATE), CAST('2025-07-01' AS DATE), CAST('2025-10-01' AS DATE), 11), (CAST('2025-10-01' AS DATE), CAST('2025-10-01' AS DATE), CAST('2026-01-01' AS DATE), 12), (CAST('2026-01-01' AS DATE), CAST('2026-01-01' AS DATE), CAST('2026-04-01' AS DATE), 13), (CAST('2026-04-01' AS DATE), CAST('2026-04-01' AS DATE), CAST('2026-07-01' AS DATE), 14), (CAST('2026-07-01' AS DATE), CAST('2026-07-01' AS DATE), CAST('2026-10-01' AS DATE), 15), (CAST('2026-10-01' AS DATE), CAST('2026-10-01' AS DATE), CAST('2027-01-01' AS DATE), 16))
SELECT p.period AS period,
    r."region",
    r."value_tier",
    r."acquisition_channel",
    r."sales_channel",
    COALESCE(SUM(r.m_active_count), 0) AS m_active_count,
    COALESCE(SUM(r.m_churned_count) FILTER (WHERE r.__b_to = p.p_index), 0) AS m_churned_count,
    SUM(r.m_lost_revenue_sum) FILTER (WHERE r.__b_to = p.p_index) AS m_lost_revenue_sum
  FROM (SELECT CASE WHEN t0.__from IS NULL THEN 17 WHEN t0.__from < CAST('2023-01-01' AS DATE) THEN 0 WHEN t0.__from < CAST('2023-04-01' AS DATE) THEN 1 WHEN t0.__from < CAST('2023-07-01' AS DATE) THEN 2 WHEN t0.__from < CAST('2023-10-01' AS DATE) THEN 3 WHEN t0.__from < CAST('2024-01-01' AS DATE) THEN 4 WHEN t0.__from < CAST('2024-04-01' AS DATE) THEN 5 WHEN t0.__from < CAST('2024-07-01' AS DATE) THEN 6 WHEN t0.__from < CAST('2024-10-01' AS DATE) THEN 7 WHEN t0.__from < CAST('2025-01-01' AS DATE) THEN 8 WHEN t0.__from < CAST('2025-04-01' AS DATE) THEN 9 WHEN t0.__from < CAST('2025-07-01' AS DATE) THEN 10 WHEN t0.__from < CAST('2025-10-01' AS DATE) THEN 11 WHEN t0.__from < CAST('2026-01-01' AS DATE) THEN 12 WHEN t0.__from < CAST('2026-04-01' AS DATE) THEN 13 WHEN t0.__from < CAST('2026-07-01' AS DATE) THEN 14 WHEN t0.__from < CAST('2026-10-01' AS DATE) THEN 15 WHEN t0.__from < CAST('2027-01-01' AS DATE) THEN 16 ELSE 17 END AS __b_from,
    CASE WHEN t0.__to IS NULL THEN 17 WHEN t0.__to < CAST('2023-01-01' AS DATE) THEN 0 WHEN t0.__to < CAST('2023-04-01' AS DATE) THEN 1 WHEN t0.__to < CAST('2023-07-01' AS DATE) THEN 2 WHEN t0.__to < CAST('2023-10-01' AS DATE) THEN 3 WHEN t0.__to < CAST('2024-01-01' AS DATE) THEN 4 WHEN t0.__to < CAST('2024-04-01' AS DATE) THEN 5 WHEN t0.__to < CAST('2024-07-01' AS DATE) THEN 6 WHEN t0.__to < CAST('2024-10-01' AS DATE) THEN 7 WHEN t0.__to < CAST('2025-01-01' AS DATE) THEN 8 WHEN t0.__to < CAST('2025-04-01' AS DATE) THEN 9 WHEN t0.__to < CAST('2025-07-01' AS DATE) THEN 10 WHEN t0.__to < CAST('2025-10-01' AS DATE) THEN 11 WHEN t0.__to < CAST('2026-01-01' AS DATE) THEN 12 WHEN t0.__to < CAST('2026-04-01' AS DATE) THEN 13 WHEN t0.__to < CAST('2026-07-01' AS DATE) THEN 14 WHEN t0.__to < CAST('2026-10-01' AS DATE) THEN 15 WHEN t0.__to < CAST('2027-01-01' AS DATE) THEN 16 ELSE 17 END AS __b_to,
    t1."d_region" AS "region",
    t2."d_value_tier" AS "value_tier",
    t1."d_acquisition_channel" AS "acquisition_channel",
    t2."d_sales_channel" AS "sales_channel",
    COUNT(*) AS m_active_count,
    COUNT(*) AS m_churned_count,
    SUM(t0.m_lost_revenue_sum) AS m_lost_revenue_sum
  FROM (SELECT *, (spell_start) AS "__from", (churn_date) AS "__to", (trailing_revenue) AS "m_lost_revenue_sum" FROM "customer_spells") AS t0
  LEFT JOIN (SELECT *, (region) AS "d_region", (acquisition_channel) AS "d_acquisition_channel" FROM "customers") AS t1 ON t0."customer_id" = t1."customer_id"
  LEFT JOIN (SELECT *, (value_tier) AS "d_value_tier", (main_sales_channel) AS "d_sales_channel" FROM "customer_snapshot") AS t2 ON t1."customer_id" = t2."customer_id"
  GROUP BY 1, 2, 3, 4, 5, 6) AS r
  JOIN periods AS p ON r.__b_from < p.p_index AND r.__b_to >= p.p_index
  GROUP BY 1, 2, 3, 4, 5
