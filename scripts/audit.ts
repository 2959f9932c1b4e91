// `npm run audit -- verify [file]`: checks the audit log's hash chain and names the first removed,
// altered, reordered or truncated record. Without a file it checks the current log of the data
// folder (SLUICE_DATA_DIR, else ~/.config/sluice). Exit code 0: intact (or empty); 1: broken; 2: usage.
import path from 'node:path';
import { AuditLog } from '../main/audit/audit-log';
import { defaultDataDir } from '../main/services';

const [command, file] = process.argv.slice(2);
if (command !== 'verify') {
  console.error('Usage: npm run audit -- verify [path/to/audit.jsonl]');
  process.exit(2);
}
const current = path.join(defaultDataDir(), 'audit.jsonl');
const target = path.resolve(file ?? current);
// The head file beside the current log lets verify see records cut off its end.
const report = new AuditLog(path.resolve(file ? path.join(path.dirname(target), 'audit.jsonl') : current)).verify(target);
if (report.state === 'empty') console.log(`${target}: no records.`);
else if (report.state === 'intact') console.log(`${target}: intact — ${report.records} chained record(s)${report.unchained ? `, ${report.unchained} older unchained` : ''}.`);
else {
  console.log(`${target}: BROKEN — ${report.problems} problem(s). First: ${report.firstProblem!.message}`);
  console.log(`  kind: ${report.firstProblem!.kind}, record: ${report.firstProblem!.seq ?? 'n/a'}, line: ${report.firstProblem!.line}`);
}
process.exit(report.state === 'broken' ? 1 : 0);
