/** Key-driver analysis of churn (DOMAIN.md §5): see drivers-analysis.ts. */
export {
  type DriverFactor,
  type FactorScan,
  MIN_FACTOR_CUSTOMERS,
  type SuppressedFactor,
  scanFactors,
} from './driver-factors.ts';
export { driverRegression, type RegressionView } from './driver-regression.ts';
export { driversAnalysis, MAX_FACTOR_VALUES } from './drivers-analysis.ts';
