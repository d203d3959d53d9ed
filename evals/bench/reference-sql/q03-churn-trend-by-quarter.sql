-- Quarterly churn rate over the last four quarters.
WITH quarters(period, p_end) AS (
  VALUES (DATE '2025-10-01', DATE '2026-01-01'), (DATE '2026-01-01', DATE '2026-04-01'),
         (DATE '2026-04-01', DATE '2026-07-01'), (DATE '2026-07-01', DATE '2026-10-01')
)
SELECT q.period,
  CAST(COUNT(*) FILTER (WHERE s.churn_date < q.p_end) AS DOUBLE) / COUNT(*) AS churn_rate
FROM quarters q
JOIN customer_spells s ON s.spell_start < q.period AND (s.churn_date IS NULL OR s.churn_date >= q.period)
GROUP BY q.period
ORDER BY q.period
