// The open folder is a boundary: no read, save, draft or new decision reaches a file outside it,
// whatever symbolic links the folder holds, and the watcher does not follow links out. In the
// desktop app the folder itself comes from main's folder dialog or the recent list, never from a
// path the page sends; web mode keeps its path field.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppFailure } from '../../../../shared/common/result';
import { contract } from '../../../../shared/contract';
import { workspaceReaders } from '../../../../shared/workspace/contract';
import type { Handlers } from '../../../../main/platform/handler-types';
import { createRouter } from '../../../../main/rpc/router';
import { StaleFeed } from '../../../../main/platform/stale-feed';
import { workspaceHandlers } from '../../../../main/workspace/handlers';
import { WorkspaceService, type WorkspaceServiceOptions } from '../../../../main/workspace/workspace-service';

vi.mock('../../../../main/platform/logger', () => ({ createLogger: () => ({ debug() {}, info() {}, warn() {}, error() {} }) }));

let dir: string;
let outside: string;
let root: string;
let services: WorkspaceService[] = [];
const start = (options: Partial<WorkspaceServiceOptions> = {}) => {
  const service = new WorkspaceService({ dataDir: path.join(dir, 'data'), exampleDir: null, initialPath: root, watch: false, ...options });
  services.push(service);
  return service;
};
const failure = (run: () => unknown) => { try { run(); } catch (error) { return error as AppFailure; } throw new Error('expected a failure'); };
const rejection = async (run: () => Promise<unknown>) => { try { await run(); } catch (error) { return error as AppFailure; } throw new Error('expected a failure'); };
const SECRET = 'root:$6$not-for-the-workspace:19000:0:99999:7:::\n';

beforeEach(() => {
  dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sluice-ws-boundary-')));
  outside = path.join(dir, 'outside');
  fs.mkdirSync(path.join(outside, 'nested'), { recursive: true });
  fs.writeFileSync(path.join(outside, 'shadow'), SECRET);
  root = path.join(dir, 'workspace');
  fs.mkdirSync(path.join(root, 'decisions'), { recursive: true });
  fs.mkdirSync(path.join(root, 'notes'), { recursive: true });
  fs.writeFileSync(path.join(root, 'decisions/0001-first.md'), '---\nstatus: accepted\ndate: 2025-06-11\n---\n\n# First\n');
  fs.writeFileSync(path.join(root, 'notes/inside.md'), 'inside\n');
});
afterEach(() => {
  for (const s of services) s.close();
  services = [];
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('workspace boundary', () => {
  it('refuses reads and saves through a symlinked folder that leads out, and never hands back the outside text', () => {
    fs.symlinkSync(outside, path.join(root, 'ext'));
    const service = start();
    expect(service.state().workspace!.files.map((f) => f.path)).toEqual(['decisions/0001-first.md', 'notes/inside.md']);
    const conflict = failure(() => service.save({ path: 'ext/shadow', text: 'x', baseVersion: null }));
    expect(conflict.code).toBe('INVALID_INPUT');
    expect(conflict.message).toMatch(/outside the workspace/);
    expect(JSON.stringify(conflict.details ?? {})).not.toContain('not-for-the-workspace');
    expect(fs.readFileSync(path.join(outside, 'shadow'), 'utf8')).toBe(SECRET);
    expect(failure(() => service.save({ path: 'ext/nested/new.md', text: 'written out', baseVersion: null })).code).toBe('INVALID_INPUT');
    expect(fs.existsSync(path.join(outside, 'nested/new.md'))).toBe(false);
    expect(failure(() => service.saveDraft({ path: 'ext/shadow', text: 'draft', baseVersion: null })).code).toBe('INVALID_INPUT');
    expect(failure(() => service.file('ext/shadow')).code).not.toBeUndefined();
    expect(service.state().workspace!.drafts).toEqual([]);
  });

  it('refuses a symlinked file that leads out, and keeps following links that stay inside', () => {
    fs.symlinkSync(path.join(outside, 'shadow'), path.join(root, 'notes/shadow.md'));
    fs.symlinkSync(path.join(root, 'notes/inside.md'), path.join(root, 'decisions/inside-link.md'));
    const service = start();
    const refused = failure(() => service.save({ path: 'notes/shadow.md', text: 'x', baseVersion: null }));
    expect(refused.code).toBe('INVALID_INPUT');
    expect(JSON.stringify(refused.details ?? {})).not.toContain('not-for-the-workspace');
    expect(fs.readFileSync(path.join(outside, 'shadow'), 'utf8')).toBe(SECRET);
    // A link to a file inside is the file: listed, read, and saved through (the link stays a link).
    expect(service.file('decisions/inside-link.md').text).toBe('inside\n');
    const saved = service.save({ path: 'decisions/inside-link.md', text: 'changed\n', baseVersion: service.file('decisions/inside-link.md').version });
    expect(saved.path).toBe('decisions/inside-link.md');
    expect(fs.readFileSync(path.join(root, 'notes/inside.md'), 'utf8')).toBe('changed\n');
    expect(fs.lstatSync(path.join(root, 'decisions/inside-link.md')).isSymbolicLink()).toBe(true);
  });

  it('does not create a decision in a decisions folder that is a link out of the workspace', () => {
    fs.rmSync(path.join(root, 'decisions'), { recursive: true });
    fs.symlinkSync(outside, path.join(root, 'decisions'));
    const service = start();
    expect(failure(() => service.createAdr({ title: 'Written somewhere else' })).code).toBe('INVALID_INPUT');
    expect(fs.readdirSync(outside).sort()).toEqual(['nested', 'shadow']);
  });

  it('does not follow a link out of the folder it watches', async () => {
    const service = start({ watch: true });
    fs.symlinkSync(outside, path.join(root, 'ext'));
    await new Promise((r) => setTimeout(r, 200)); // the link is seen before the marker below
    fs.writeFileSync(path.join(outside, 'nested/later.md'), 'outside\n');
    fs.writeFileSync(path.join(root, 'decisions/0002-marker.md'), '---\nstatus: accepted\ndate: 2025-06-12\n---\n\n# Marker\n');
    await vi.waitFor(() => expect(service.state().workspace!.adrs.map((a) => a.number)).toContain(2), { timeout: 5_000 });
    expect(service.state().workspace!.files.map((f) => f.path).filter((p) => p.startsWith('ext'))).toEqual([]);
    expect(() => service.file('ext/shadow')).toThrow();
  });

  it('opens a folder chosen in main\'s folder dialog, and only recent folders by path in the desktop app', async () => {
    const other = path.join(dir, 'other');
    fs.mkdirSync(other);
    const picks: Array<string | null> = [other, null];
    const service = start({ callerPaths: 'recent', folderPicker: async () => picks.shift() ?? null });
    const chosen = await service.chooseFolder();
    expect(chosen).toMatchObject({ chosen: other, workspace: { root: other } });
    const cancelled = await service.chooseFolder();
    expect(cancelled).toMatchObject({ chosen: null, workspace: { root: other } });
    // The page may name a recent folder (the list it shows), nothing else.
    expect((await service.openRequested(root)).workspace!.root).toBe(root);
    const refused = await rejection(() => service.openRequested(outside));
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toMatch(/folder dialog/);
    expect(service.state().workspace!.root).toBe(root);
  });

  it('keeps the path field in web mode, where there is no dialog', async () => {
    const service = start({ callerPaths: 'any' });
    expect((await service.openRequested(outside)).workspace!.root).toBe(outside);
    const noDialog = await rejection(() => service.chooseFolder());
    expect(noDialog.code).toBe('INVALID_INPUT');
  });

  it('declares workspace.chooseFolder in the contract, making every workspace reader stale', async () => {
    expect(contract['workspace.chooseFolder'].invalidates).toEqual(workspaceReaders);
    const other = path.join(dir, 'other');
    fs.mkdirSync(other);
    const service = start({ callerPaths: 'recent', folderPicker: async () => other });
    const stale = new StaleFeed();
    const marked: string[][] = [];
    stale.onStale((methods) => marked.push([...methods]));
    const router = createRouter(workspaceHandlers(service, stale) as unknown as Handlers, { stale });
    expect(await router.call('workspace.chooseFolder', {})).toMatchObject({ ok: true, value: { chosen: other } });
    expect(marked).toContainEqual([...workspaceReaders]);
    expect(await router.call('workspace.open', { path: outside })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
