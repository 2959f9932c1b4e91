// A session survives kill -9: a child process appends entries (and audited actions) as fast as it
// can and is killed with SIGKILL mid-stream, three times over. Every entry it acknowledged is in the
// file, the audit chain is intact, and once the session is opened again no torn line remains. Each
// restart resumes the same session.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../../../../main/audit/audit-log';
import { SessionStore } from '../../../../main/triage/session-store';

const child = path.resolve(__dirname, '../../../support/triage-append-child.ts');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sluice-kill-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Run { session: string; acked: string[]; audited: string[] }

/** Runs the child until it has acknowledged `count` entries, then kills it with SIGKILL. */
function runAndKill(count: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, dir], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, SLUICE_LOG_LEVEL: 'error' } });
    const run: Run = { session: '', acked: [], audited: [] };
    let buffer = '';
    let stderr = '';
    proc.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
    proc.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        const [word, value] = line.split(' ');
        if (word === 'SESSION') run.session = value!;
        if (word === 'ACK') run.acked.push(value!);
        if (word === 'AUDIT') run.audited.push(value!);
      }
      if (run.acked.length >= count && proc.exitCode === null && !proc.killed) proc.kill('SIGKILL');
    });
    proc.once('exit', (code, signal) => (signal === 'SIGKILL' ? resolve(run) : reject(new Error(`child exited with ${code}: ${stderr}`))));
  });
}

describe('a triage session under kill -9', () => {
  it('keeps every acknowledged entry, leaves no torn line once reopened, and resumes the same session', async () => {
    const runs: Run[] = [];
    for (let round = 0; round < 3; round++) runs.push(await runAndKill(150 + round * 50));
    expect(new Set(runs.map((r) => r.session)).size).toBe(1);
    const session = runs[0]!.session;
    const file = path.join(dir, 'triage', 'sessions', `${session}.jsonl`);

    const raw = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);
    const ids = new Set(raw.flatMap((line) => { try { return [(JSON.parse(line) as { id: string }).id]; } catch { return []; } }));
    for (const run of runs) for (const id of run.acked) expect(ids.has(id)).toBe(true);

    // Opening the session (what a restart does) cuts an unfinished tail; every line is then an entry.
    const opened = new SessionStore(dir).open(session);
    expect(fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).every((line) => { try { JSON.parse(line); return true; } catch { return false; } })).toBe(true);
    expect(opened.damagedLines).toBe(0);
    expect(opened.entries.filter((e) => e.kind === 'session' && e.data.event === 'resumed')).toHaveLength(2);

    // Every audited action the child finished is in the chained audit log and mirrored in the session.
    const audit = new AuditLog(path.join(dir, 'audit.jsonl'));
    const outcomes = new Set(audit.read().records.filter((r) => r.phase === 'outcome').map((r) => (r.target as { groupId: string }).groupId));
    for (const run of runs) for (const group of run.audited) expect(outcomes.has(group)).toBe(true);
    expect(audit.verify().firstProblem?.kind ?? 'none').toMatch(/none|truncated|torn/);
    const mirrored = new Set(opened.entries.flatMap((e) => (e.kind === 'action' && e.data.phase === 'outcome' ? [(e.data.target as { groupId: string }).groupId] : [])));
    for (const run of runs) for (const group of run.audited) expect(mirrored.has(group)).toBe(true);
  }, 120_000);
});
