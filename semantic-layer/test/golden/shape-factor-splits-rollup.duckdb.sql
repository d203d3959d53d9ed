-- shape-factor-splits-rollup (duckdb)
-- query: {"model":"retail","metrics":["snapshot_churned_customers","snapshot_active_customers"],"dimensions":["region","gender","acquisition_channel"],"timeRange":{"start":"2026-07-01","end":"2026-10-01"}}
-- attributes: {"region":["华南"]}
-- params: ["2026-07-01","2026-10-01","华南"]
SELECT "region", "gender", "acquisition_channel",
  GROUPING("region") AS "__grouped_0", GROUPING("gender") AS "__grouped_1", GROUPING("acquisition_channel") AS "__grouped_2",
  SUM("snapshot_churned_customers") AS "snapshot_churned_customers", SUM("snapshot_active_customers") AS "snapshot_active_customers"
FROM (
WITH g1 AS (
  SELECT t1."d_region" AS "region",
    t1."d_gender" AS "gender",
    t1."d_acquisition_channel" AS "acquisition_channel",
    COUNT(DISTINCT t0.m_history_churned_count) FILTER (WHERE t0.f_history_churned_count) AS m_history_churned_count,
    COUNT(DISTINCT t0.m_history_active_count) FILTER (WHERE t0.f_history_active_count) AS m_history_active_count
  FROM (SELECT *, (snapshot_date) AS "__time", (customer_id) AS "m_history_churned_count", (active AND churned_next_quarter) AS "f_history_churned_count", (customer_id) AS "m_history_active_count", (active) AS "f_history_active_count" FROM "customer_history") AS t0
  LEFT JOIN (SELECT *, (region) AS "d_region", (gender) AS "d_gender", (acquisition_channel) AS "d_acquisition_channel" FROM "customers") AS t1 ON t0."customer_id" = t1."customer_id"
  WHERE t0.__time >= CAST($1 AS DATE)
    AND t0.__time < CAST($2 AS DATE)
    AND t1."d_region" IN ($3)
  GROUP BY 1, 2, 3
),
core AS (
  SELECT g1."region", g1."gender", g1."acquisition_channel", COALESCE(g1.m_history_churned_count, 0) AS "snapshot_churned_customers", COALESCE(g1.m_history_active_count, 0) AS "snapshot_active_customers" FROM g1
),
result AS (
  SELECT c."region",
    c."gender",
    c."acquisition_channel",
    c."snapshot_churned_customers" AS "snapshot_churned_customers",
    c."snapshot_active_customers" AS "snapshot_active_customers"
  FROM core AS c
)
SELECT * FROM result
) AS combos
GROUP BY GROUPING SETS (("region"), ("gender"), ("acquisition_channel"))
