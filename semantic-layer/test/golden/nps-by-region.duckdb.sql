-- nps-by-region (duckdb)
-- query: {"model":"retail","metrics":["nps"],"dimensions":["region"],"timeRange":{"start":"2026-07-01","end":"2026-10-01"}}
-- params: ["2026-07-01","2026-10-01"]
WITH g1 AS (
  SELECT t1."d_region" AS "region",
    COUNT(*) FILTER (WHERE t0.f_nps_promoter_count) AS m_nps_promoter_count,
    COUNT(*) FILTER (WHERE t0.f_nps_detractor_count) AS m_nps_detractor_count,
    COUNT(*) FILTER (WHERE t0.f_nps_response_count) AS m_nps_response_count
  FROM (SELECT *, (ts) AS "__time", (nps >= 9) AS "f_nps_promoter_count", (nps <= 6) AS "f_nps_detractor_count", (nps IS NOT NULL) AS "f_nps_response_count" FROM "feedback") AS t0
  LEFT JOIN (SELECT *, (region) AS "d_region" FROM "customers") AS t1 ON t0."customer_id" = t1."customer_id"
  WHERE t0.__time >= CAST($1 AS DATE)
    AND t0.__time < CAST($2 AS DATE)
  GROUP BY 1
),
core AS (
  SELECT g1."region", COALESCE(g1.m_nps_promoter_count, 0) AS "nps_promoters", COALESCE(g1.m_nps_detractor_count, 0) AS "nps_detractors", COALESCE(g1.m_nps_response_count, 0) AS "nps_responses", (( CAST(COALESCE(g1.m_nps_promoter_count, 0) AS DOUBLE) - CAST(COALESCE(g1.m_nps_detractor_count, 0) AS DOUBLE) ) * 100 / NULLIF(CAST(COALESCE(g1.m_nps_response_count, 0) AS DOUBLE), 0)) AS "nps" FROM g1
),
result AS (
  SELECT c."region",
    c."nps" AS "nps"
  FROM core AS c
)
SELECT * FROM result
ORDER BY "region" ASC NULLS LAST
