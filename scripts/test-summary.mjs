// Prints the one closing line CI reads, `N passed, N failed`, from vitest's JSON report plus the
// results of the non-vitest gates (lint, typecheck) passed as name=exitCode arguments.
import { existsSync, readFileSync } from 'node:fs';

const [reportPath, ...gates] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
if (reportPath && existsSync(reportPath)) {
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0);
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  for (const file of report.testResults ?? []) {
    // A test file that failed to load has no assertions but must count as a failure.
    if (file.status === 'failed' && (file.assertionResults ?? []).length === 0) failed += 1;
  }
} else {
  console.log(`test report ${reportPath} missing: the test run did not finish`);
  failed += 1;
}
for (const gate of gates) {
  const [name, code] = gate.split('=');
  if (code === '0') passed += 1;
  else {
    failed += 1;
    console.log(`gate failed: ${name}`);
  }
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
