-- Churn rate in Q3 2026 by region.
SELECT c.region,
  CAST(COUNT(*) FILTER (WHERE s.churn_date < DATE '2026-10-01') AS DOUBLE) / COUNT(*) AS churn_rate
FROM customer_spells s
JOIN customers c ON c.customer_id = s.customer_id
WHERE s.spell_start < DATE '2026-07-01' AND (s.churn_date IS NULL OR s.churn_date >= DATE '2026-07-01')
GROUP BY c.region
ORDER BY c.region
