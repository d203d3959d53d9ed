import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * RESULTS.md has two writers: measure.ts (waimai figures, then error-analysis.md) and measure-demo.ts (the demo
 * section, kept in demo-results.md and demo-error-analysis.md). Everything after this marker is the demo section,
 * so each script rewrites its own part and keeps the other's.
 */
export const DEMO_SECTION_MARKER = '<!-- measure-demo.ts writes everything below this line -->';

/** Replaces (or adds) the demo section of the results file at `path`, keeping what comes before it. */
export function writeDemoSection(path: string, section: string): void {
  const previous = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const cut = previous.indexOf(DEMO_SECTION_MARKER);
  const head = (cut >= 0 ? previous.slice(0, cut) : previous).trimEnd();
  writeFileSync(path, `${head}\n\n${DEMO_SECTION_MARKER}\n\n${section.trimEnd()}\n`);
}

/** The demo section last written by measure-demo.ts (empty when it never ran), to append after the waimai part. */
export function savedDemoSection(demoMarkdown: string, demoAnalysis: string): string {
  if (!existsSync(demoMarkdown)) return '';
  const analysis = existsSync(demoAnalysis) ? `\n${readFileSync(demoAnalysis, 'utf8')}` : '';
  return `\n${DEMO_SECTION_MARKER}\n\n${readFileSync(demoMarkdown, 'utf8')}${analysis}`;
}
