// The workspace service on real folders: every file parsed on its own (a broken one loses only
// itself), saves that refuse to overwrite a file changed on disk, drafts that outlive the process,
// decisions created and superseded, and edits made elsewhere picked up by the watcher.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppFailure } from '../../../../shared/common/result';
import { WorkspaceService } from '../../../../main/workspace/workspace-service';

vi.mock('../../../../main/platform/logger', () => ({ createLogger: () => ({ debug() {}, info() {}, warn() {}, error() {} }) }));

const example = path.resolve(__dirname, '../../../../assets/example-workspace');
let dataDir: string;
let services: WorkspaceService[] = [];
const start = (options: Partial<ConstructorParameters<typeof WorkspaceService>[0]> = {}) => {
  const service = new WorkspaceService({ dataDir, exampleDir: example, watch: false, ...options });
  services.push(service);
  return service;
};
const rootOf = (service: WorkspaceService) => service.state().workspace!.root;
const failure = (run: () => unknown) => { try { run(); } catch (error) { return error as AppFailure; } throw new Error('expected a failure'); };

beforeEach(() => { dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sluice-ws-')); });
afterEach(() => {
  for (const s of services) s.close();
  services = [];
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('workspace service', () => {
  it('opens a copy of the example workspace on the first run, and the last one after that', async () => {
    const first = start();
    const { workspace } = first.state();
    expect(workspace).toMatchObject({ name: 'Acme Pay data architecture', root: path.join(dataDir, 'example-workspace') });
    // The example's one deliberate problem: a legacy column that predates the naming standard.
    expect(workspace!.diagnostics.map((d) => `${d.file}:${d.line} ${d.code}`)).toEqual(['tables/ledger.sql:34 unknown-word', 'tables/ledger.sql:34 unknown-word']);
    expect(workspace!.counts).toMatchObject({ words: 211, terms: 270, domains: 23 });
    expect(workspace!.adrs.map((a) => a.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const other = fs.mkdtempSync(path.join(dataDir, 'other-'));
    await first.open(other);
    first.close();
    expect(rootOf(start({ exampleDir: null }))).toBe(other);
    expect(start().state().recent).toEqual([other, path.join(dataDir, 'example-workspace')]);
  });

  it('keeps working when a file is broken, and says where', async () => {
    const service = start();
    const root = rootOf(service);
    fs.writeFileSync(path.join(root, 'dictionary/words.yaml'), 'words:\n  - name: 결제\n    abbreviation: [PAY\n');
    await service.open(root);
    const { workspace } = service.state();
    expect(workspace!.counts.words).toBe(0);
    expect(workspace!.counts.terms).toBe(270);
    expect(workspace!.adrs).toHaveLength(8);
    const broken = workspace!.diagnostics.filter((d) => d.file === 'dictionary/words.yaml');
    expect(broken[0]).toMatchObject({ code: 'yaml-syntax', severity: 'error' });
    expect(workspace!.files.find((f) => f.path === 'dictionary/words.yaml')!.errors).toBeGreaterThan(0);
  });

  it('saves atomically, and refuses to overwrite a file that changed on disk, handing back the disk text', () => {
    const service = start();
    const root = rootOf(service);
    const file = 'decisions/0008-verify-replication-two-minutes-behind.md';
    const opened = service.file(file);
    const saved = service.save({ path: file, text: `${opened.text}\nMore.\n`, baseVersion: opened.version });
    expect(fs.readFileSync(path.join(root, file), 'utf8')).toBe(`${opened.text}\nMore.\n`);
    expect(fs.readdirSync(path.join(root, 'decisions')).some((f) => f.includes('sluice-tmp'))).toBe(false);
    fs.appendFileSync(path.join(root, file), 'Edited in another editor.\n');
    const conflict = failure(() => service.save({ path: file, text: 'mine', baseVersion: saved.version }));
    expect(conflict.code).toBe('CONFLICT');
    expect((conflict.details as { diskText: string }).diskText).toMatch(/Edited in another editor\.\n$/);
    expect(fs.readFileSync(path.join(root, file), 'utf8')).toMatch(/Edited in another editor\.\n$/);
    expect(failure(() => service.save({ path: '../escape.md', text: 'x', baseVersion: null })).code).toBe('INVALID_INPUT');
    expect(failure(() => service.save({ path: 'decisions/new.md', text: 'x', baseVersion: 'made-up' })).code).toBe('CONFLICT');
  });

  it('keeps drafts across a restart until the file is saved', () => {
    const service = start();
    const file = 'dictionary/terms.yaml';
    const opened = service.file(file);
    service.saveDraft({ path: file, text: 'terms: []\n# half typed', baseVersion: opened.version });
    service.close();
    const again = start();
    expect(again.state().workspace!.drafts).toEqual([expect.objectContaining({ path: file, baseVersion: opened.version })]);
    expect(again.file(file).draft).toMatchObject({ text: 'terms: []\n# half typed' });
    again.save({ path: file, text: opened.text!, baseVersion: opened.version });
    expect(again.file(file).draft).toBeNull();
  });

  it('creates the next decision from the template and supersedes an old one both ways', () => {
    const service = start();
    const { path: created, number } = service.createAdr({ title: 'Protobuf for risk events', decisionMakers: 'Risk team', supersedes: 5 });
    expect(created).toBe('decisions/0009-protobuf-for-risk-events.md');
    expect(number).toBe(9);
    const { workspace } = service.state();
    expect(workspace!.adrs.find((a) => a.number === 9)).toMatchObject({ statusKind: 'proposed', supersedes: [5], decisionMakers: ['Risk team'] });
    expect(workspace!.adrs.find((a) => a.number === 5)).toMatchObject({ statusKind: 'superseded', supersededBy: 9 });
    expect(workspace!.diagnostics.filter((d) => d.file !== 'tables/ledger.sql')).toEqual([]);
    expect(service.file('decisions/0005-avro-payment-events-full-transitive.md').text).toContain('Superseded by [ADR-0009](0009-protobuf-for-risk-events.md).');
  });

  it('picks up edits made elsewhere while it watches', async () => {
    let changes = 0;
    const service = start({ watch: true });
    service.onChange(() => { changes++; });
    const root = rootOf(service);
    const before = service.revision;
    fs.writeFileSync(path.join(root, 'decisions/0009-added-elsewhere.md'), '---\nstatus: accepted\ndate: 2026-12-01\n---\n\n# Added elsewhere\n');
    await vi.waitFor(() => expect(service.state().workspace!.adrs.map((a) => a.number)).toContain(9), { timeout: 5_000 });
    expect(service.revision).toBeGreaterThan(before);
    expect(changes).toBeGreaterThan(0);
    fs.rmSync(path.join(root, 'decisions/0009-added-elsewhere.md'));
    await vi.waitFor(() => expect(service.state().workspace!.adrs.map((a) => a.number)).not.toContain(9), { timeout: 5_000 });
    // A file replaced by an atomic save (rename over it) is still watched afterwards.
    const file = 'decisions/0008-verify-replication-two-minutes-behind.md';
    const opened = service.file(file);
    service.save({ path: file, text: `${opened.text}Saved here.\n`, baseVersion: opened.version });
    await new Promise((r) => setTimeout(r, 500)); // let the watcher see the rename first, as a person editing would
    fs.appendFileSync(path.join(root, file), 'Then edited elsewhere.\n');
    await vi.waitFor(() => expect(service.file(file).text).toMatch(/Then edited elsewhere\.\n$/), { timeout: 5_000 });
    // A folder that appears is watched too.
    fs.mkdirSync(path.join(root, 'decisions/archive'));
    fs.writeFileSync(path.join(root, 'decisions/archive/0010-archived.md'), '---\nstatus: deprecated\ndate: 2024-01-01\n---\n\n# Archived\n');
    await vi.waitFor(() => expect(service.state().workspace!.adrs.map((a) => a.number)).toContain(10), { timeout: 5_000 });
    fs.appendFileSync(path.join(root, 'decisions/archive/0010-archived.md'), '\nMore.\n');
    await vi.waitFor(() => expect(service.file('decisions/archive/0010-archived.md').text).toMatch(/More\.\n$/), { timeout: 5_000 });
  });

  it('lints with the workspace dictionary and maps terms to ontology concepts', () => {
    const service = start();
    expect(service.conceptOf('PAY_AMT')).toBe('pay:paymentAmount');
    expect(service.conceptOf('PAY_TP_CD')).toBeNull();
    expect(service.dictionaryIndex().termsByPhysicalName.get('MRCH_NM')?.term.name).toBe('가맹점 명');
  });
});
