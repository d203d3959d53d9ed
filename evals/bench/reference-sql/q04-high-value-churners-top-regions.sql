-- The five regions that lost the most high-value customers in Q3 2026. Counted over the high-value
-- customers active at its start, so a region with none lost reads 0, as the governed answer does
-- (filtering the churners first is about twice as fast but drops such regions).
SELECT c.region, COUNT(*) FILTER (WHERE s.churn_date < DATE '2026-10-01') AS churned_customers
FROM customer_spells s
JOIN customers c ON c.customer_id = s.customer_id
JOIN customer_snapshot cs ON cs.customer_id = s.customer_id
WHERE s.spell_start < DATE '2026-07-01'
  AND (s.churn_date IS NULL OR s.churn_date >= DATE '2026-07-01')
  AND cs.value_tier = 'high'
GROUP BY c.region
ORDER BY churned_customers DESC, c.region
LIMIT 5
