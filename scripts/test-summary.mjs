// Prints one closing line for the whole test command, "N passed, N failed, N skipped", summed
// over the vitest JSON reports of the unit, integration and e2e runs.
import fs from 'node:fs';
import path from 'node:path';

const dir = 'test-results';
let passed = 0, failed = 0, skipped = 0;
for (const file of fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')) : []) {
  const report = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
