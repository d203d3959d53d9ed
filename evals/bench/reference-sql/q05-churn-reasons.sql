-- Customers active at the start of Q3 2026 who churned during it, by the reason of the churning spell
-- (the spells still active read as a reason of NULL with no churners, as the governed query shows them).
SELECT reason_category AS churn_reason,
  COUNT(*) FILTER (WHERE churn_date < DATE '2026-10-01') AS churned_customers
FROM customer_spells
WHERE spell_start < DATE '2026-07-01' AND (churn_date IS NULL OR churn_date >= DATE '2026-07-01')
GROUP BY reason_category
ORDER BY reason_category NULLS LAST
