export { winbackTimingAnalysis } from './winback-analysis.ts';
export { type WinbackTiming, winbackTiming } from './winback-timing.ts';
