// The safe append under the audit log and the triage sessions: whole lines, fsynced, a failed write
// cut back, a torn tail never glued onto, damaged lines skipped and counted.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppendOnlyFile, readJsonLines } from '../../../../main/platform/append-only-file';
import { canMountTmpfs, mountSmallDisk, whyNoTmpfs, type SmallDisk } from '../../../support/small-disk';

if (!canMountTmpfs) console.warn(`append-only-file full-disk tests: ${whyNoTmpfs}`);
vi.mock('../../../../main/platform/logger', () => ({ createLogger: () => ({ debug() {}, info() {}, warn() {}, error() {} }) }));

let dir: string;
beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sluice-append-')); });
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('AppendOnlyFile', () => {
  it('appends whole lines in order and reads them back', () => {
    const file = new AppendOnlyFile(path.join(dir, 'nested', 'log.jsonl'));
    file.appendJson([{ n: 1 }, { n: 2 }]);
    file.appendJson([{ n: 3 }]);
    file.appendJson([]);
    expect(file.readJson()).toEqual({ values: [{ n: 1 }, { n: 2 }, { n: 3 }], damagedLines: 0 });
    expect(fs.readFileSync(file.file, 'utf8').endsWith('\n')).toBe(true);
    expect(fs.statSync(file.file).mode & 0o777).toBe(0o600);
  });

  it('never glues a new line onto a torn tail, and readers skip and count the torn line', () => {
    const file = new AppendOnlyFile(path.join(dir, 'log.jsonl'));
    file.appendJson([{ n: 1 }]);
    fs.appendFileSync(file.file, '{"n":2,"half');
    file.appendJson([{ n: 3 }]);
    expect(file.readJson()).toEqual({ values: [{ n: 1 }, { n: 3 }], damagedLines: 1 });
  });

  it('cuts a torn tail off on request, keeping every complete line', () => {
    const file = new AppendOnlyFile(path.join(dir, 'log.jsonl'));
    file.appendJson([{ n: 1 }, { n: 2 }]);
    const whole = fs.readFileSync(file.file);
    fs.appendFileSync(file.file, '{"n":3,"torn":"' + 'x'.repeat(100_000));
    expect(file.cutTornTail()).toBe(100_000 + 15);
    expect(fs.readFileSync(file.file)).toEqual(whole);
    expect(file.cutTornTail()).toBe(0);
    fs.writeFileSync(file.file, 'no newline at all');
    expect(file.cutTornTail()).toBe(17);
    expect(fs.statSync(file.file).size).toBe(0);
    expect(new AppendOnlyFile(path.join(dir, 'missing.jsonl')).cutTornTail()).toBe(0);
  });

  it('reads nothing, without failing, from a file that is not there', () => {
    expect(readJsonLines(path.join(dir, 'none.jsonl'))).toEqual({ values: [], damagedLines: 0 });
  });
});

describe.skipIf(!canMountTmpfs)('on a full disk (tmpfs)', () => {
  let disk: SmallDisk;
  beforeEach(() => { disk = mountSmallDisk('64k'); });
  afterEach(() => disk.unmount());

  it('fails as a whole when the disk fills in the middle of a write, and goes on once space is back', () => {
    const file = new AppendOnlyFile(path.join(disk.dir, 'log.jsonl'));
    file.appendJson([{ n: 1 }]);
    const before = fs.readFileSync(file.file);
    const filler = disk.fill();
    fs.truncateSync(filler, fs.statSync(filler).size - 4096);
    expect(() => file.appendJson([{ n: 2, big: 'y'.repeat(20_000) }])).toThrow(expect.objectContaining({ code: 'ENOSPC' }));
    expect(fs.readFileSync(file.file)).toEqual(before);
    fs.rmSync(filler);
    file.appendJson([{ n: 3 }]);
    expect(file.readJson()).toEqual({ values: [{ n: 1 }, { n: 3 }], damagedLines: 0 });
  });
});
