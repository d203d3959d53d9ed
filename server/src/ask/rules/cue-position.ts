import type { CueHit, QuestionAnalysis } from './analyse-question.ts';

/** True when only spaces (and 的) stand between a cue and the words after it. */
export function adjacent(original: string, cueEnd: number, start: number, maxGap = 1): boolean {
  if (cueEnd > start) return false;
  const gap = original.slice(cueEnd, start).replace(/\s+/g, '');
  return gap.length <= maxGap && /^[的]?$/.test(gap);
}

/** Whether a cue of the given kind stands right before a span. */
export function cueBefore(
  analysis: QuestionAnalysis,
  kind: CueHit['cue'],
  start: number,
  maxGap = 1,
): boolean {
  return analysis.cues.some(
    (c) => c.cue === kind && !c.insideCatalog && adjacent(analysis.original, c.end, start, maxGap),
  );
}
