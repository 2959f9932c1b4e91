// Prints the closing lines for the whole test command: each failed test with the first lines of
// its error (so the tail of a CI log says what broke, not only that something did), then
// "N passed, N failed, N skipped", summed over the vitest JSON reports of the unit, integration
// and e2e runs.
import fs from 'node:fs';
import path from 'node:path';

const dir = 'test-results';
let passed = 0, failed = 0, skipped = 0;
const failures = [];
for (const file of fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')) : []) {
  const report = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  for (const suite of report.testResults ?? []) {
    const where = path.relative(process.cwd(), suite.name ?? '');
    const failedTests = (suite.assertionResults ?? []).filter((t) => t.status === 'failed');
    for (const test of failedTests) {
      const message = (test.failureMessages ?? []).join('\n').split('\n').slice(0, 12).join('\n');
      failures.push(`✗ ${where} > ${test.fullName}\n${message}`);
    }
    // A file that failed before any test ran (a syntax error, a hook that threw) has no failed test.
    if (failedTests.length === 0 && suite.status === 'failed') {
      failures.push(`✗ ${where}\n${(suite.message ?? '').split('\n').slice(0, 12).join('\n')}`);
    }
  }
}
if (failures.length > 0) console.log(`\nFailures:\n${failures.join('\n\n')}\n`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 || failures.length > 0 ? 1 : 0);
