// The audit log's chain and its behaviour when the disk cannot take a write.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AuditLog } from '../../../../main/audit/audit-log';
import type { AuditRecord } from '../../../../shared/audit/audit-record';
import { canMountTmpfs, mountSmallDisk, whyNoTmpfs, type SmallDisk } from '../../../support/small-disk';

if (!canMountTmpfs) console.warn(`audit-log full-disk tests: ${whyNoTmpfs}`);

vi.mock('../../../../main/platform/logger', () => ({ createLogger: () => ({ debug() {}, info() {}, warn() {}, error() {} }) }));

let dir: string;
beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sluice-audit-')); });
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const entry = (n: number) => ({ profile: { id: 'p', name: 'Payments', production: false }, action: 'groups.resetOffsets', target: { groupId: `g${n}` }, phase: 'intent' as const });
const lines = (file: string) => fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);
const writeLines = (file: string, rows: string[]) => fs.writeFileSync(file, rows.map((l) => `${l}\n`).join(''));

function logWith(count: number) {
  const file = path.join(dir, 'audit.jsonl');
  const audit = new AuditLog(file);
  for (let i = 0; i < count; i++) audit.append(entry(i));
  return { file, audit };
}

describe('AuditLog chain', () => {
  it('chains each record to the one before and verifies intact', () => {
    const { file, audit } = logWith(5);
    const records = lines(file).map((l) => JSON.parse(l) as AuditRecord);
    expect(records.map((r) => r.seq)).toEqual([0, 1, 2, 3, 4]);
    for (let i = 1; i < records.length; i++) expect(records[i]!.prevHash).toBe(records[i - 1]!.hash);
    expect(audit.verify()).toMatchObject({ state: 'intact', records: 5, problems: 0, firstProblem: null });
  });

  it('continues the chain after a restart', () => {
    const { file } = logWith(2);
    const again = new AuditLog(file);
    again.append(entry(9));
    expect(again.verify()).toMatchObject({ state: 'intact', records: 3 });
  });

  it('names a removed record', () => {
    const { file, audit } = logWith(5);
    const rows = lines(file);
    writeLines(file, [...rows.slice(0, 2), ...rows.slice(3)]);
    expect(audit.verify().firstProblem).toMatchObject({ kind: 'removed', seq: 2 });
  });

  it('names an altered record, even when its own hash was recomputed', () => {
    const { file, audit } = logWith(4);
    const rows = lines(file);
    const changed = JSON.parse(rows[1]!) as AuditRecord;
    changed.target = { groupId: 'someone-else' };
    writeLines(file, [rows[0]!, JSON.stringify(changed), ...rows.slice(2)]);
    expect(audit.verify().firstProblem).toMatchObject({ kind: 'altered', seq: 1 });
  });

  it('names reordered records', () => {
    const { file, audit } = logWith(4);
    const rows = lines(file);
    writeLines(file, [rows[0]!, rows[2]!, rows[1]!, rows[3]!]);
    expect(audit.verify().firstProblem).toMatchObject({ kind: 'removed' });
    expect(audit.verify().problems).toBeGreaterThan(1);
    writeLines(file, [rows[0]!, rows[1]!, rows[3]!, rows[2]!]);
    expect(audit.verify().firstProblem?.kind).toMatch(/removed|reordered/);
    writeLines(file, [rows[0]!, rows[1]!, rows[1]!, rows[2]!, rows[3]!]);
    expect(audit.verify().firstProblem).toMatchObject({ kind: 'reordered', seq: 1 });
  });

  it('names records cut off the end, using the head file', () => {
    const { file, audit } = logWith(5);
    writeLines(file, lines(file).slice(0, 3));
    expect(audit.verify().firstProblem).toMatchObject({ kind: 'truncated', seq: 3 });
  });

  it('skips and reports a torn line instead of losing the next record', () => {
    const { file } = logWith(2);
    fs.appendFileSync(file, '{"id":"torn-half-a-rec');
    const audit = new AuditLog(file);
    audit.append(entry(7));
    const read = audit.read();
    expect(read.damagedLines).toBe(1);
    expect(read.records.at(-1)!.target).toEqual({ groupId: 'g7' });
    expect(audit.verify()).toMatchObject({ state: 'broken', firstProblem: { kind: 'torn', line: 3 } });
  });

  it('rotates at its size limit and links the new file to the old one', () => {
    const file = path.join(dir, 'audit.jsonl');
    const audit = new AuditLog(file, { maxBytes: 2_000 });
    for (let i = 0; i < 20; i++) audit.append(entry(i));
    const rotated = fs.readdirSync(dir).filter((f) => /^audit-.*\.jsonl$/.test(f));
    expect(rotated.length).toBeGreaterThan(0);
    expect(audit.verify()).toMatchObject({ state: 'intact' });
    const first = JSON.parse(lines(file)[0]!) as AuditRecord;
    const previousFile = rotated.sort().at(-1)!;
    const last = JSON.parse(lines(path.join(dir, previousFile)).at(-1)!) as AuditRecord;
    expect(first.prevHash).toBe(last.hash);
    expect(first.seq).toBe(last.seq! + 1);
  });
});

describe('npm run audit -- verify', () => {
  const cli = (file: string) => spawnSync(process.execPath, ['--import', 'tsx', path.resolve(__dirname, '../../../../scripts/audit.ts'), 'verify', file], { encoding: 'utf8' });
  it('says intact, or names the first problem and exits 1', () => {
    const { file } = logWith(3);
    const ok = cli(file);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('intact');
    writeLines(file, lines(file).filter((_, i) => i !== 1));
    const broken = cli(file);
    expect(broken.status).toBe(1);
    expect(broken.stdout).toMatch(/BROKEN.*Record 1 was removed/);
  }, 60_000);
});

// A real full disk: a tiny tmpfs (needs root to mount; skipped with a message otherwise).
describe.skipIf(!canMountTmpfs)('on a full disk (tmpfs)', () => {
  let disk: SmallDisk;
  let mount: string;
  beforeEach(() => {
    disk = mountSmallDisk('64k');
    mount = disk.dir;
  });
  afterEach(() => disk.unmount());
  const fill = (_leave: number) => disk.fill();

  it('refuses a record the disk cannot take, leaves no torn line, and goes on once space is back', () => {
    const file = path.join(mount, 'audit.jsonl');
    const audit = new AuditLog(file);
    audit.append(entry(1));
    const before = fs.readFileSync(file);
    const filler = fill(0);
    expect(() => audit.append({ ...entry(2), target: { groupId: 'x'.repeat(5_000) } })).toThrow(expect.objectContaining({ code: 'AUDIT_UNAVAILABLE' }));
    expect(fs.readFileSync(file)).toEqual(before);
    fs.rmSync(filler);
    audit.append(entry(3));
    expect(audit.read()).toMatchObject({ damagedLines: 0 });
    expect(audit.verify()).toMatchObject({ state: 'intact', records: 2 });
  });

  it('cuts a half-written record back when the disk fills in the middle of it', () => {
    const file = path.join(mount, 'audit.jsonl');
    const audit = new AuditLog(file);
    audit.append(entry(1));
    const before = fs.readFileSync(file);
    const filler = fill(0);
    fs.truncateSync(filler, fs.statSync(filler).size - 4096); // one page free: room for part of the next record
    expect(() => audit.append({ ...entry(2), target: { groupId: 'y'.repeat(20_000) } })).toThrow(expect.objectContaining({ code: 'AUDIT_UNAVAILABLE' }));
    expect(fs.readFileSync(file)).toEqual(before);
    fs.rmSync(filler);
    audit.append(entry(3));
    expect(audit.read().damagedLines).toBe(0);
    expect(audit.verify()).toMatchObject({ state: 'intact', records: 2 });
  });
});
