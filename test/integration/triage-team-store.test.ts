// The team store against a real PostgreSQL of the test's own (started here, stopped and restarted
// mid-session; the machine's shared PostgreSQL is never touched): two machines share a session —
// one starts it, the other sees it, joins and writes to it — and when the database goes away both
// keep working and catch up afterwards, with no entry or audit record twice.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audited, auditProfileOf } from '../../main/audit/audited-action';
import { PostgresTeamStore } from '../../main/triage/team-mirror';
import { buildTimeline } from '../../shared/triage/timeline';
import { startPrivatePostgres, whyNoPrivatePostgres, type PrivatePostgres } from '../support/private-postgres';
import { triageFixture, type TriageFixture } from '../support/triage';
import { eventually } from '../support/bridge-harness';

if (whyNoPrivatePostgres) console.warn(`team store tests skipped: ${whyNoPrivatePostgres}`);

interface Machine { fx: TriageFixture; team: PostgresTeamStore; dir: string }
let db: PrivatePostgres;
const machines: Machine[] = [];

function machine(name: string, url: string): Machine {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `sluice-team-${name}-`));
  const fx = triageFixture(dir, { machine: name });
  const team = new PostgresTeamStore({ url, triage: fx.triage, audit: fx.audit, dataDir: dir });
  const m = { fx, team, dir };
  machines.push(m);
  return m;
}

async function count(sql: string, params: unknown[] = []): Promise<number> {
  const client = new pg.Client(db.url);
  await client.connect();
  try {
    return Number((await client.query<{ n: string }>(sql, params)).rows[0]!.n);
  } finally {
    await client.end();
  }
}

const titles = (m: Machine) => buildTimeline(m.fx.triage.active()!.entries).items.map((i) => i.entry.title);

describe.skipIf(!!whyNoPrivatePostgres)('the team store (PostgreSQL)', () => {
  beforeAll(async () => { db = await startPrivatePostgres(); }, 120_000);
  afterAll(async () => {
    for (const m of machines) {
      await m.team.close();
      m.fx.close();
      fs.rmSync(m.dir, { recursive: true, force: true });
    }
    db?.destroy();
  });

  it('shares a session between machines, survives the database going away, and catches up without duplicates', async () => {
    const a = machine('laptop-a', db.url);
    const b = machine('laptop-b', db.url);

    const { id } = a.fx.triage.start({ title: 'Shared incident', severity: 'SEV1', who: 'ana' });
    a.fx.triage.note('ana: lag on the ledger writer', null);
    await audited(a.fx.audit, { profile: auditProfileOf(a.fx.profiles.get(a.fx.developmentId)), action: 'groups.resetOffsets', endpoint: 'x', target: { groupId: 'ledger-writer' }, command: 'kafka-consumer-groups --execute' }, async () => undefined);
    await a.team.sync();
    expect(a.team.status()).toMatchObject({ configured: true, reachable: true, pending: 0, problem: null });

    // Machine B sees the session live, reads it without joining, then joins and writes.
    await b.team.sync();
    expect((await b.team.sessions()).map((s) => s.id)).toEqual([id]);
    const remote = await b.team.view(id, { limit: 100, now: Date.now() });
    expect(remote?.items.map((i) => i.entry.title)).toContain('ana: lag on the ledger writer');
    const session = await b.team.pull(id);
    b.fx.triage.join(session, 'bo');
    b.fx.triage.note('bo: the verifier is stopped too', null);
    await b.team.sync();
    await a.team.sync();
    expect(titles(a)).toEqual(expect.arrayContaining(['bo joined from laptop-b', 'bo: the verifier is stopped too']));
    expect(buildTimeline(a.fx.triage.active()!.entries).state?.participants).toEqual(['ana', 'bo']);

    // The database goes away mid-session: both machines keep recording locally.
    db.stop();
    a.fx.triage.note('ana: written while the database is down', null);
    await audited(a.fx.audit, { profile: auditProfileOf(a.fx.profiles.get(a.fx.developmentId)), action: 'groups.delete', endpoint: 'x', target: { groupId: 'stale-group' } }, async () => undefined);
    b.fx.triage.note('bo: also written while it is down', null);
    await a.team.sync();
    await b.team.sync();
    // A's note, the deletion's two mirrored entries and its two audit records wait to be sent.
    expect(a.team.status()).toMatchObject({ reachable: false, pending: 5 });
    expect(a.team.status().problem).toBeTruthy();
    expect(titles(a)).toContain('ana: written while the database is down');
    await expect(b.team.view(id, { limit: 10, now: Date.now() })).rejects.toMatchObject({ code: 'SERVICE_UNREACHABLE' });

    // It comes back: everything is caught up, once.
    db.start();
    await a.team.sync();
    await b.team.sync();
    await a.team.sync();
    expect(a.team.status()).toMatchObject({ reachable: true, pending: 0 });
    expect(titles(a)).toContain('bo: also written while it is down');
    expect(titles(b)).toContain('ana: written while the database is down');

    const local = (m: Machine) => new Set(m.fx.triage.active()!.entries.map((e) => e.id));
    const union = new Set([...local(a), ...local(b)]);
    expect(local(a)).toEqual(union);
    expect(local(b)).toEqual(union);
    expect(await count('SELECT count(*) AS n FROM sluice_triage_entries WHERE session_id = $1', [id])).toBe(union.size);
    expect(await count('SELECT count(*) AS n FROM sluice_audit_records')).toBe(a.fx.audit.read().records.length + b.fx.audit.read().records.length);

    // A lost sync cursor (say, the state file deleted) sends everything again: still no duplicates.
    await a.team.close();
    fs.rmSync(path.join(a.dir, 'triage', 'team-sync.json'));
    const again = new PostgresTeamStore({ url: db.url, triage: a.fx.triage, audit: a.fx.audit, dataDir: a.dir });
    machines.push({ ...a, team: again });
    await again.sync();
    expect(again.status()).toMatchObject({ reachable: true, pending: 0 });
    expect(await count('SELECT count(*) AS n FROM sluice_triage_entries WHERE session_id = $1', [id])).toBe(union.size);
    expect(await count('SELECT count(*) AS n FROM sluice_audit_records')).toBe(a.fx.audit.read().records.length + b.fx.audit.read().records.length);

    // Ending on one machine ends it on the other.
    a.fx.triage.end({ summary: 'done together', findings: [], followUps: [] });
    await again.sync();
    await b.team.sync();
    expect(b.fx.triage.active()).toBeNull();
    expect(b.fx.triage.store.list()[0]).toMatchObject({ id, summary: 'done together' });
  }, 180_000);

  it('brings a teammate’s entry in as it is written (LISTEN/NOTIFY), not at the next poll, also after the database restarts', async () => {
    // Polls a minute apart: only a notification can bring an entry in within the waits below.
    const a = machine('desk-a', db.url);
    const b = machine('desk-b', db.url);
    const teams = [a, b].map((m) => new PostgresTeamStore({ url: db.url, triage: m.fx.triage, audit: m.fx.audit, dataDir: m.dir, intervalMs: 60_000 }));
    for (const [i, m] of [a, b].entries()) { await m.team.close(); m.team = teams[i]!; }
    const [ta, tb] = teams as [PostgresTeamStore, PostgresTeamStore];
    const { id } = a.fx.triage.start({ title: 'Live incident', severity: 'SEV2', who: 'ana' });
    await ta.sync();
    await tb.sync();
    b.fx.triage.join(await tb.pull(id), 'bo');
    ta.start();
    tb.start();
    await eventually('both to LISTEN', async () => ta.listening && tb.listening, 10_000, 100);

    const arrival = async (note: string) => {
      const written = Date.now();
      a.fx.triage.note(note, null);
      await eventually(`"${note}" on the other machine`, async () => titles(b).includes(note), 10_000, 50);
      return Date.now() - written;
    };
    const first = await arrival('ana: the writer is back');
    db.stop();
    await eventually('the listener to notice', async () => !tb.listening, 20_000, 100);
    db.start();
    // The first local write after the database is back syncs, and LISTENs again.
    b.fx.triage.note('bo: database back', null);
    await eventually('B to LISTEN again', async () => tb.listening, 20_000, 100);
    await eventually('A to LISTEN again', async () => { await ta.sync(); return ta.listening; }, 20_000, 200);
    const second = await arrival('ana: and again after the restart');
    console.log(`[team] a teammate's note arrived ${first} ms after it was written; ${second} ms after the database restarted (polls 60 s apart)`);
  }, 120_000);
});
