// The audit log of a test's data folder as actions (intent paired with outcome), oldest first.
import fs from 'node:fs';
import path from 'node:path';
import { pairActions } from '../../shared/audit/audit-actions';
import type { AuditAction, AuditRecord } from '../../shared/audit/audit-record';

export function auditActions(dataDir: string): AuditAction[] {
  const file = path.join(dataDir, 'audit.jsonl');
  if (!fs.existsSync(file)) return [];
  const records = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as AuditRecord);
  return pairActions(records).reverse();
}
