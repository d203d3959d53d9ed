import type { CueHit, QuestionAnalysis } from './analyse-question.ts';

/** Determiners that never part a cue from its words ("excluding the high value tier", "by all regions"). */
const DETERMINERS = /\b(?:the|all|any|our|those|these)\b/gi;

/** True when only spaces (and 的, or a determiner) stand between a cue and the words after it. */
export function adjacent(original: string, cueEnd: number, start: number, maxGap = 1): boolean {
  if (cueEnd > start) return false;
  const gap = original.slice(cueEnd, start).replace(DETERMINERS, '').replace(/\s+/g, '');
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
