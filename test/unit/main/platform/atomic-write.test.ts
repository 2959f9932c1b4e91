import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeFileAtomic, writePiecesAtomic } from '../../../../main/platform/atomic-write';

const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'sluice-atomic-'));

describe('atomic writes', () => {
  afterEach(() => vi.restoreAllMocks());

  it('writes the pieces to the file as they come, a megabyte at a time, never the whole at once', () => {
    const file = path.join(dir(), 'big.jsonl');
    const write = vi.spyOn(fs, 'writeSync');
    const line = `${'x'.repeat(9_999)}\n`;
    const writesWhenProduced: number[] = [];
    function* pieces() {
      for (let i = 0; i < 500; i++) { writesWhenProduced.push(write.mock.calls.length); yield line; }
    }
    writePiecesAtomic(file, pieces());
    // 5 MB in: the first megabyte was on its way to the file before the 200th line was made.
    expect(writesWhenProduced[200]).toBeGreaterThan(0);
    const largest = Math.max(...write.mock.calls.map((c) => (c[1] as unknown as Buffer).length - ((c[2] as number | undefined) ?? 0)));
    expect(largest).toBeLessThan(1.1 * 1024 * 1024);
    expect(fs.readFileSync(file, 'utf8')).toBe(line.repeat(500));
  });

  it('leaves the old file and no temporary behind when the pieces fail midway', () => {
    const d = dir();
    const file = path.join(d, 'kept.json');
    writeFileAtomic(file, 'before');
    function* failing(): Generator<string> { yield 'a'.repeat(2 * 1024 * 1024); throw new Error('the snapshot failed'); }
    expect(() => writePiecesAtomic(file, failing())).toThrow('the snapshot failed');
    expect(fs.readFileSync(file, 'utf8')).toBe('before');
    expect(fs.readdirSync(d)).toEqual(['kept.json']);
  });

  it('writes every byte even when the system takes fewer at a time', () => {
    const file = path.join(dir(), 'short.txt');
    const real = fs.writeSync.bind(fs) as (fd: number, buffer: Buffer, offset: number, length: number) => number;
    // A write that takes at most 3 bytes per call, as writeSync is allowed to.
    vi.spyOn(fs, 'writeSync').mockImplementation(((fd: number, buffer: Buffer, offset: number, length: number) => real(fd, buffer, offset, Math.min(3, length))) as typeof fs.writeSync);
    writeFileAtomic(file, 'hello, partial writes');
    expect(fs.readFileSync(file, 'utf8')).toBe('hello, partial writes');
  });
});
