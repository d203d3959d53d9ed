export { type ChurnForecast, forecastChurn, poissonBinomial } from './churn-forecast.ts';
export { churnForecastAnalysis } from './forecast-analysis.ts';
