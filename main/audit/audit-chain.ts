// The audit log's hash chain: each record carries the SHA-256 of its own canonical JSON (`hash`)
// and of the record before it (`prevHash`), so a removed, altered or reordered record shows, and a
// head file remembers the last record so a cut-off tail shows too.
import { createHash } from 'node:crypto';
import type { AuditRecord, ChainReport } from '../../shared/audit/audit-record';

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every depth: the same record always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export const recordHash = (record: Omit<AuditRecord, 'hash'>): string => {
  const { hash: _ignored, ...rest } = record as AuditRecord;
  return createHash('sha256').update(canonicalJson(rest)).digest('hex');
};

export interface ChainHead { seq: number; hash: string }

type Line = { line: number; text: string };

/**
 * Checks a log's lines in order. `startsAfter` is the last record of the file this one continues
 * (after a rotation); `head` what the head file says was written last.
 */
export function verifyChain(file: string, lines: Line[], options: { startsAfter?: ChainHead | null; head?: ChainHead | null } = {}): ChainReport {
  let records = 0;
  let unchained = 0;
  let problems = 0;
  let firstProblem: ChainReport['firstProblem'] = null;
  const problem = (kind: NonNullable<ChainReport['firstProblem']>['kind'], seq: number | null, line: number, message: string) => {
    problems++;
    firstProblem ??= { kind, seq, line, message };
  };
  let previous: ChainHead | null = options.startsAfter ?? null;
  lines.forEach(({ line, text }, index) => {
    let record: AuditRecord;
    try {
      record = JSON.parse(text) as AuditRecord;
    } catch {
      if (index === lines.length - 1) problem('truncated', null, line, `Line ${line} is cut off: the log ends in the middle of a record (a write that did not finish).`);
      else problem('torn', null, line, `Line ${line} is not a record (damaged or partly written); the records after it are still read.`);
      return;
    }
    if (typeof record.seq !== 'number' || typeof record.hash !== 'string') {
      if (records === 0) unchained++;
      else problem('altered', null, line, `Line ${line} has no place in the chain (no seq or hash) after chained records.`);
      return;
    }
    records++;
    if (recordHash(record) !== record.hash) problem('altered', record.seq, line, `Record ${record.seq} (line ${line}) was altered: its content no longer matches its hash.`);
    if (previous) {
      if (record.seq <= previous.seq) problem('reordered', record.seq, line, `Record ${record.seq} (line ${line}) comes after record ${previous.seq}: records were reordered or duplicated.`);
      else if (record.seq > previous.seq + 1) {
        const missing = record.seq - previous.seq - 1;
        problem('removed', previous.seq + 1, line, `${missing === 1 ? `Record ${previous.seq + 1} was` : `Records ${previous.seq + 1}–${record.seq - 1} were`} removed before line ${line}.`);
      } else if (record.prevHash !== previous.hash) {
        problem('altered', previous.seq, line, `Record ${previous.seq} was altered: record ${record.seq} (line ${line}) links to a different hash.`);
      }
    } else if (record.prevHash !== GENESIS_HASH && options.startsAfter === undefined && record.seq === 0) {
      problem('altered', record.seq, line, `Record 0 (line ${line}) does not start the chain.`);
    }
    previous = { seq: record.seq, hash: record.hash };
  });
  const head = options.head;
  if (head && (!previous || head.seq > previous.seq)) {
    const last = previous?.seq ?? -1;
    problem('truncated', last + 1, lines.length, `The log ends at record ${last}, but record ${head.seq} was written: ${head.seq - last} record(s) were cut off the end.`);
  }
  const state = problems > 0 ? 'broken' : records === 0 && unchained === 0 ? 'empty' : 'intact';
  return { state, file, records, unchained, firstProblem, problems };
}
