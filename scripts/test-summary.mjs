// Prints the closing lines for the whole test command: each failed test, and each that passed only
// when run again, with the first lines of its error (so the tail of a CI log says what broke, not only that something did), then
// "N passed, N failed, N skipped", summed over the vitest JSON reports of the unit, integration
// and e2e runs.
import fs from 'node:fs';
import path from 'node:path';

const dir = 'test-results';
let passed = 0, failed = 0, skipped = 0;
const failures = [];
const flaky = [];
// The message and the test's own stack frames; vitest's and Node's frames say nothing here.
const firstLines = (text) => text.split('\n')
  .filter((line) => !/^\s+at (?:.*node_modules|new Promise|process\.processTicksAndRejections|async Promise\.all)/.test(line))
  .slice(0, 12).join('\n');
for (const file of fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')) : []) {
  const report = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  for (const suite of report.testResults ?? []) {
    const where = path.relative(process.cwd(), suite.name ?? '');
    const failedTests = (suite.assertionResults ?? []).filter((t) => t.status === 'failed');
    for (const test of failedTests) {
      failures.push(`✗ ${where} > ${test.fullName}\n${firstLines((test.failureMessages ?? []).join('\n'))}`);
    }
    // Vitest keeps a retried test's earlier errors: a pass with errors passed on its second try.
    for (const test of (suite.assertionResults ?? []).filter((t) => t.status === 'passed' && t.failureMessages?.length)) {
      flaky.push(`↻ ${where} > ${test.fullName}\n${firstLines(test.failureMessages[0])}`);
    }
    // A file that failed before any test ran (a syntax error, a hook that threw) has no failed test.
    if (failedTests.length === 0 && suite.status === 'failed') {
      failures.push(`✗ ${where}\n${firstLines(suite.message ?? '')}`);
    }
  }
}
if (flaky.length > 0) console.log(`\nPassed only when run a second time (a flake to fix):\n${flaky.join('\n\n')}\n`);
if (failures.length > 0) console.log(`\nFailures:\n${failures.join('\n\n')}\n`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 || failures.length > 0 ? 1 : 0);
