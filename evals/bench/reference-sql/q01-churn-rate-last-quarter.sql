-- Churn rate in Q3 2026: customers active at its start (a spell begun before it and not churned before it)
-- who churned during it. Spells of one customer never overlap, so each active customer has one row.
SELECT CAST(COUNT(*) FILTER (WHERE churn_date < DATE '2026-10-01') AS DOUBLE) / COUNT(*) AS churn_rate
FROM customer_spells
WHERE spell_start < DATE '2026-07-01' AND (churn_date IS NULL OR churn_date >= DATE '2026-07-01')
