// `npm test`: lint, types, unit tests, then integration and e2e tests against the sandbox broker
// (started here when none is running, stopped afterwards), then one summary line. Every step
// runs even after a failure, so one red run shows everything that is wrong.
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import { kafkaRunning, sandbox } from './sandbox-control.mjs';

fs.rmSync('test-results', { recursive: true, force: true });
const run = (script) => spawnSync('npm', ['run', '-s', script], { stdio: 'inherit' }).status === 0;
const failures = [];
for (const step of ['lint', 'typecheck', 'test:unit']) if (!run(step)) failures.push(step);

const startedHere = !kafkaRunning();
if (startedHere && sandbox('start', '--no-traffic').status !== 0) failures.push('sandbox start');
else {
  for (const step of ['test:integration', 'test:e2e']) if (!run(step)) failures.push(step);
  if (startedHere) sandbox('stop');
}
const summary = spawnSync(process.execPath, ['scripts/test-summary.mjs'], { stdio: 'inherit' });
if (failures.length > 0) console.error(`Failed: ${failures.join(', ')}`);
process.exit(failures.length > 0 || summary.status !== 0 ? 1 : 0);
