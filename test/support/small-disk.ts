// A real, tiny filesystem for full-disk tests: a tmpfs mounted for the test (needs root; tests skip
// with a message where it cannot be mounted), and a way to fill it.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const canMountTmpfs: boolean = (() => {
  if (process.getuid?.() !== 0) return false;
  const probe = fs.mkdtempSync(path.join(os.tmpdir(), 'sluice-mount-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    fs.rmSync(probe, { recursive: true, force: true });
  }
})();

export const whyNoTmpfs = 'mounting a tmpfs needs root (and a kernel that allows it): the full-disk cases are skipped here';

export interface SmallDisk {
  dir: string;
  /** Fills the disk until nothing more fits; returns the filler file (remove it to free the space). */
  fill(): string;
  unmount(): void;
}

export function mountSmallDisk(size = '1m'): SmallDisk {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sluice-small-disk-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]);
  return {
    dir,
    fill() {
      const filler = path.join(dir, 'filler');
      const stats = fs.statfsSync(dir);
      fs.writeFileSync(filler, Buffer.alloc(Math.max(0, stats.bavail * stats.bsize)));
      try { for (;;) fs.appendFileSync(filler, Buffer.alloc(256)); } catch { /* full */ }
      return filler;
    },
    unmount() {
      execFileSync('umount', [dir]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
