// A child process for the kill -9 test: resumes (or starts) the triage session in the data folder
// given as its argument and appends entries as fast as it can — notes of varying size, and every
// fifth time an audited action (two audit records, two mirrored entries) — printing "ACK <id>" only
// after each append returned, until it is killed.
import { audited, auditProfileOf } from '../../main/audit/audited-action';
import { triageFixture } from './triage';

const dataDir = process.argv[2]!;
const fx = triageFixture(dataDir);
if (!fx.triage.active()) fx.triage.start({ title: 'Kill test', severity: 'SEV1' });
process.stdout.write(`SESSION ${fx.triage.active()!.id}\n`);

let n = 0;
async function loop() {
  for (;;) {
    n++;
    if (n % 5 === 0) {
      await audited(fx.audit, { profile: auditProfileOf(fx.profiles.get(fx.developmentId)), action: 'groups.resetOffsets', endpoint: 'x', target: { groupId: `g${n}` } }, async () => undefined);
      process.stdout.write(`AUDIT g${n}\n`);
    } else {
      const entry = fx.triage.note(`note ${n} ${'x'.repeat((n * 997) % 16_000)}`, null);
      process.stdout.write(`ACK ${entry.id}\n`);
    }
  }
}
void loop();
