// Append-only audit log of every control action: one JSON record per line, written and fsynced
// before the caller reports success, so a crash cannot lose a record of something that happened.
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { AuditRecord } from '../../shared/audit/audit-record';

export class AuditLog {
  constructor(readonly file: string) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
  }

  append(record: Omit<AuditRecord, 'id' | 'time'>): AuditRecord {
    const full: AuditRecord = { id: randomUUID(), time: new Date().toISOString(), ...record };
    const fd = fs.openSync(this.file, 'a', 0o600);
    try {
      fs.writeSync(fd, `${JSON.stringify(full)}\n`);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    return full;
  }

  /** The newest records first; a damaged line is skipped, never fatal. */
  recent(limit: number): AuditRecord[] {
    if (!fs.existsSync(this.file)) return [];
    const lines = fs.readFileSync(this.file, 'utf8').split('\n').filter(Boolean);
    const records: AuditRecord[] = [];
    for (let i = lines.length - 1; i >= 0 && records.length < limit; i--) {
      try {
        records.push(JSON.parse(lines[i]!) as AuditRecord);
      } catch {
        // skip a torn line
      }
    }
    return records;
  }
}
