-- shape-scored-customers (duckdb)
-- query: {"model":"retail","metrics":["customers"],"dimensions":["customer_id","region","recency_days","risk_flags"],"filters":[{"member":"lifecycle_stage","op":"not_in","values":["churned"]}]}
-- params: ["churned",0.3]
SELECT * FROM (
SELECT *, 1.0 / (1.0 + exp(-least(greatest(CAST('-2.5' AS DOUBLE)
    + CAST('0.75' AS DOUBLE) * ((COALESCE(TRY_CAST("recency_days" AS DOUBLE), 0)) - CAST('40.5' AS DOUBLE))
    + CAST('-0.25' AS DOUBLE) * ((CASE WHEN "region" = '华南' THEN 1 ELSE 0 END) - CAST('0.5' AS DOUBLE)), -700), 700))) AS "risk" FROM (
WITH g1 AS (
  SELECT t0."d_customer_id" AS "customer_id",
    t0."d_region" AS "region",
    t1."d_recency_days" AS "recency_days",
    t1."d_risk_flags" AS "risk_flags",
    COUNT(*) AS m_customer_count
  FROM (SELECT *, (customer_id) AS "d_customer_id", (region) AS "d_region" FROM "customers") AS t0
  LEFT JOIN (SELECT *, (recency_days) AS "d_recency_days", (risk_flags) AS "d_risk_flags", (lifecycle_stage) AS "d_lifecycle_stage" FROM "customer_snapshot") AS t1 ON t0."customer_id" = t1."customer_id"
  WHERE (t1."d_lifecycle_stage" IS NULL OR t1."d_lifecycle_stage" NOT IN ($1))
  GROUP BY 1, 2, 3, 4
),
core AS (
  SELECT g1."customer_id", g1."region", g1."recency_days", g1."risk_flags", COALESCE(g1.m_customer_count, 0) AS "customers" FROM g1
),
result AS (
  SELECT c."customer_id",
    c."region",
    c."recency_days",
    c."risk_flags",
    c."customers" AS "customers"
  FROM core AS c
)
SELECT * FROM result
) AS governed
) AS selected WHERE ("risk" >= $2 OR COALESCE(regexp_matches(CAST("risk_flags" AS VARCHAR), '[^,]'), FALSE)) AND hash("customer_id") % 1000000 < 250000
