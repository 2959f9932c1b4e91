// Write to a temporary file and rename, so a crash mid-write never leaves half a file behind.
import fs from 'node:fs';
import path from 'node:path';

/** `mode` defaults to owner-only, for Sluice's own files; user files pass their existing mode. */
export function writeFileAtomic(file: string, content: string, mode = 0o600): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.sluice-tmp`);
  const fd = fs.openSync(temporary, 'w', mode);
  try {
    fs.writeSync(fd, content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temporary, file);
}
