// The one audited path: intent before anything is applied, outcome after, and the truth when the
// answer was lost.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AuditLog } from '../../../../main/audit/audit-log';
import { audited, type ActionRecord } from '../../../../main/audit/audited-action';
import { AppFailure } from '../../../../shared/common/result';
import type { AuditRecord } from '../../../../shared/audit/audit-record';

vi.mock('../../../../main/platform/logger', () => ({ createLogger: () => ({ debug() {}, info() {}, warn() {}, error() {} }) }));

let dir: string;
let audit: AuditLog;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sluice-audited-'));
  audit = new AuditLog(path.join(dir, 'audit.jsonl'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const record: ActionRecord = { profile: { id: 'p', name: 'Payments', production: true }, action: 'registry.register', endpoint: 'http://registry', target: { subject: 's' } };
const records = (): AuditRecord[] => audit.read().records;
const lost = () => new AppFailure('SERVICE_UNREACHABLE', 'The Schema Registry did not answer within 10 s.');

describe('audited', () => {
  it('writes the intent before applying and the outcome after', async () => {
    let seenAtApply: AuditRecord[] = [];
    const result = await audited(audit, record, async () => { seenAtApply = records(); return { id: 7 }; }, { after: (r) => r });
    expect(result).toEqual({ id: 7 });
    expect(seenAtApply).toEqual([expect.objectContaining({ phase: 'intent', action: 'registry.register' })]);
    const [intent, outcome] = records();
    expect(outcome).toMatchObject({ phase: 'outcome', intentId: intent!.id, result: 'applied', after: { id: 7 } });
  });

  it('refuses the action, applying nothing, when the intent cannot be written', async () => {
    const apply = vi.fn(async () => 'done');
    vi.spyOn(audit, 'append').mockImplementation(() => { throw new AppFailure('AUDIT_UNAVAILABLE', 'disk full'); });
    await expect(audited(audit, record, apply)).rejects.toMatchObject({ code: 'AUDIT_UNAVAILABLE' });
    expect(apply).not.toHaveBeenCalled();
  });

  it('records a refusal as refused', async () => {
    await expect(audited(audit, record, async () => { throw new AppFailure('CONFLICT', 'taken'); })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(records().at(-1)).toMatchObject({ phase: 'outcome', result: 'refused', error: 'taken' });
  });

  it('answers applied when the answer was lost but reading back finds the change', async () => {
    const result = await audited(audit, record, async () => { throw lost(); }, {
      readBack: async () => ({ applied: true, result: { id: 9 }, observed: { id: 9 } }),
    });
    expect(result).toEqual({ id: 9 });
    expect(records().at(-1)).toMatchObject({ result: 'applied', readBack: { id: 9 }, note: expect.stringContaining('answer was lost') });
  });

  it('records failed when reading back shows nothing changed, and rethrows', async () => {
    await expect(audited(audit, record, async () => { throw lost(); }, { readBack: async () => ({ applied: false, observed: { registered: false } }) }))
      .rejects.toMatchObject({ code: 'SERVICE_UNREACHABLE' });
    expect(records().at(-1)).toMatchObject({ result: 'failed', readBack: { registered: false } });
  });

  it('records unknown, and says so, when the target cannot be read back either', async () => {
    await expect(audited(audit, record, async () => { throw lost(); }, { readBack: async () => { throw lost(); } }))
      .rejects.toMatchObject({ code: 'OUTCOME_UNKNOWN' });
    expect(records().at(-1)).toMatchObject({ result: 'unknown' });
  });

  it('records unknown for a partly applied change', async () => {
    await expect(audited(audit, record, async () => { throw lost(); }, { readBack: async () => ({ applied: 'partly', observed: { moved: 1, of: 3 } }) }))
      .rejects.toMatchObject({ code: 'OUTCOME_UNKNOWN' });
    expect(records().at(-1)).toMatchObject({ result: 'unknown', readBack: { moved: 1, of: 3 } });
  });

  it('still answers applied when the outcome record cannot be written', async () => {
    const append = audit.append.bind(audit);
    let calls = 0;
    vi.spyOn(audit, 'append').mockImplementation((e) => { if (++calls === 2) throw new AppFailure('AUDIT_UNAVAILABLE', 'disk full'); return append(e); });
    await expect(audited(audit, record, async () => 'applied')).resolves.toBe('applied');
    expect(records()).toEqual([expect.objectContaining({ phase: 'intent' })]);
  });

  it('asks the log’s guards before the intent: a refusal writes nothing and applies nothing', async () => {
    const apply = vi.fn(async () => 'done');
    const seen: unknown[] = [];
    const remove = audit.addGuard((action) => {
      seen.push(action);
      if (action.profile.production) throw new AppFailure('PRODUCTION_READ_ONLY', 'read-only without a grant');
    });
    await expect(audited(audit, { ...record, command: 'curl -X POST …' }, apply)).rejects.toMatchObject({ code: 'PRODUCTION_READ_ONLY' });
    expect(apply).not.toHaveBeenCalled();
    expect(records()).toEqual([]);
    expect(seen).toEqual([{ profile: record.profile, action: 'registry.register', endpoint: 'http://registry', target: { subject: 's' }, command: 'curl -X POST …' }]);
    remove();
    await expect(audited(audit, record, apply)).resolves.toBe('done');
    expect(records().map((r) => r.phase)).toEqual(['intent', 'outcome']);
  });

  it('tells listeners of each record once it is on disk, and a failing listener fails nothing', async () => {
    const heard: Array<{ phase: unknown; onDisk: number }> = [];
    audit.onAppend((r) => { heard.push({ phase: r.phase, onDisk: records().filter((x) => x.id === r.id).length }); });
    audit.onAppend(() => { throw new Error('listener bug'); });
    await expect(audited(audit, record, async () => 'done')).resolves.toBe('done');
    expect(heard).toEqual([{ phase: 'intent', onDisk: 1 }, { phase: 'outcome', onDisk: 1 }]);
  });
});
