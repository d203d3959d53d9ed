-- Retention of the January-June 2026 first-order cohorts: the share still active at the end of their
-- k-th month, for the month ends reached by the as-of date (2026-10-01). Spells of one customer never
-- overlap, so a customer has at most one spell valid at a month end.
WITH members AS (
  SELECT customer_id, CAST(date_trunc('month', first_activity_date) AS DATE) AS cohort
  FROM customer_snapshot
  WHERE first_activity_date >= DATE '2026-01-01' AND first_activity_date < DATE '2026-07-01'
), reached AS (
  SELECT * FROM (
    SELECT m.customer_id, m.cohort, CAST(r.k AS INTEGER) AS k,
      CAST(m.cohort + to_months(CAST(r.k + 1 AS INTEGER)) AS DATE) AS at_end
    FROM members m CROSS JOIN range(0, 13) AS r(k)
  ) WHERE at_end <= DATE '2026-10-01'
), active AS (
  SELECT g.customer_id, g.k
  FROM reached g JOIN customer_spells s ON s.customer_id = g.customer_id
  WHERE s.spell_start < g.at_end AND (s.churn_date IS NULL OR s.churn_date >= g.at_end)
)
SELECT g.cohort, g.k AS period_number, COUNT(*) AS cohort_size, COUNT(a.customer_id) AS retained,
  CAST(COUNT(a.customer_id) AS DOUBLE) / COUNT(*) AS cohort_retention
FROM reached g
LEFT JOIN active a ON a.customer_id = g.customer_id AND a.k = g.k
GROUP BY g.cohort, g.k
ORDER BY g.cohort, g.k
