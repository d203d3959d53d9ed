-- NPS by region in Q3 2026: % promoters (9-10) minus % detractors (0-6) among NPS answers.
SELECT c.region,
  100.0 * (COUNT(*) FILTER (WHERE f.nps >= 9) - COUNT(*) FILTER (WHERE f.nps <= 6)) / COUNT(f.nps) AS nps
FROM feedback f
JOIN customers c ON c.customer_id = f.customer_id
WHERE f.ts >= DATE '2026-07-01' AND f.ts < DATE '2026-10-01'
GROUP BY c.region
ORDER BY c.region
