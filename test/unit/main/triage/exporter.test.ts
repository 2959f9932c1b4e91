// The export: a postmortem folder under the data folder (Markdown, charts beside it, the whole
// session as JSON) and a proposed MADR draft with the next number in the open workspace's
// decisions folder — one draft per session, however often it is exported.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SessionExporter } from '../../../../main/triage/exporter';
import { WorkspaceService } from '../../../../main/workspace/workspace-service';
import { parseAdr } from '../../../../shared/workspace/adr';
import { exampleWorkspaceDir } from '../../../support/bridge-harness';
import { triageFixture, type TriageFixture } from '../../../support/triage';

vi.mock('../../../../main/platform/logger', () => ({ createLogger: () => ({ debug() {}, info() {}, warn() {}, error() {} }) }));

let dir: string;
let fx: TriageFixture;
let workspace: WorkspaceService;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sluice-export-'));
  fx = triageFixture(dir);
  workspace = new WorkspaceService({ dataDir: dir, exampleDir: exampleWorkspaceDir, watch: false, callerPaths: 'any' });
});
afterEach(() => {
  workspace.close();
  fx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('pixels')]).toString('base64');

describe('SessionExporter', () => {
  it('writes the postmortem with its chart, the JSON, and one decision draft with the next number', async () => {
    const { id } = fx.triage.start({ title: 'Ledger writer behind', severity: 'SEV2' });
    fx.triage.watch({ kind: 'group', id: 'payments-ledger-writer' }, true, null);
    const { entry } = fx.triage.capture({ view: 'group-history', title: 'History', link: '#/groups/payments-ledger-writer', subject: { kind: 'group', id: 'payments-ledger-writer' }, data: { kind: 'group-history', groupId: 'payments-ledger-writer', lag: [[Date.now(), 42, 3]], states: [] }, image: { pngBase64: png, width: 10, height: 10 } });
    fx.triage.note('Deploy restarted every member', null);
    fx.triage.end({ summary: 'A deploy restarted every member.', findings: ['f'], followUps: ['Roll deploys'] });
    const exporter = new SessionExporter(fx.triage.store, dir, workspace);

    const result = await exporter.export(id, { adr: true });
    expect(result).toMatchObject({ sessionId: id, charts: 1, adr: { path: 'decisions/0009-follow-up-to-the-incident-ledger-writer-behind.md', number: 9 }, adrProblem: null });
    const markdown = fs.readFileSync(path.join(result.folder, 'postmortem.md'), 'utf8');
    expect(markdown).toBe(result.postmortem.content);
    expect(markdown).toContain(`![History](charts/${entry.id}.png)`);
    expect(fs.readFileSync(path.join(result.folder, 'charts', `${entry.id}.png`))).toEqual(Buffer.from(png, 'base64'));
    const json = JSON.parse(fs.readFileSync(path.join(result.folder, 'session.json'), 'utf8')) as { session: { id: string }; entries: unknown[] };
    expect(json.session.id).toBe(id);
    expect(json.entries).toHaveLength(fx.triage.store.open(id).entries.length);
    const adrText = fs.readFileSync(path.join(workspace.state().workspace!.root, result.adr!.path), 'utf8');
    expect(parseAdr(result.adr!.path, adrText).adr).toMatchObject({ statusKind: 'proposed', links: { groups: ['payments-ledger-writer'] } });
    expect(result.folder.startsWith(path.join(dir, 'triage', 'exports'))).toBe(true);

    const again = await exporter.export(id, { adr: true });
    expect(again.adr).toEqual(result.adr);
    expect(workspace.analysis!.adrs.filter((a) => a.title.includes('Ledger writer behind'))).toHaveLength(1);
  });

  it('says why there is no decision draft when no workspace is open', async () => {
    const { id } = fx.triage.start({ title: 'No workspace', severity: 'SEV4' });
    const result = await new SessionExporter(fx.triage.store, dir, null).export(id, { adr: true });
    expect(result.adr).toBeNull();
    expect(result.adrProblem).toMatch(/No workspace is open/);
    await expect(new SessionExporter(fx.triage.store, dir, null).export(null, { adr: false })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
