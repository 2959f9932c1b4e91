// What a workspace folder cannot do to main: a file too large to read is listed but not read,
// parsed or sent; a file that is not UTF-8 is shown read-only and never saved over (its bytes are
// the user's); and opening a folder of thousands of files leaves main answering other calls.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppFailure } from '../../../../shared/common/result';
import { appHandlers } from '../../../../main/app/handlers';
import type { Handlers } from '../../../../main/platform/handler-types';
import { createRouter } from '../../../../main/rpc/router';
import { StaleFeed } from '../../../../main/platform/stale-feed';
import { workspaceHandlers } from '../../../../main/workspace/handlers';
import { WorkspaceService } from '../../../../main/workspace/workspace-service';

vi.mock('../../../../main/platform/logger', () => ({ createLogger: () => ({ debug() {}, info() {}, warn() {}, error() {} }) }));

let dir: string;
let services: WorkspaceService[] = [];
const start = (root: string | null) => {
  const service = new WorkspaceService({ dataDir: path.join(dir, 'data'), exampleDir: null, initialPath: root, watch: false });
  services.push(service);
  return service;
};
const failure = (run: () => unknown) => { try { run(); } catch (error) { return error as AppFailure; } throw new Error('expected a failure'); };
const decision = (n: number, title: string, extra = '') => `---\nstatus: accepted\ndate: 2025-06-11\n---\n\n# ${title}\n\n## Context and Problem Statement\n\nx\n\n## Considered Options\n\n* a\n\n## Decision Outcome\n\na\n${extra}`;
function workspace(files: Record<string, string | Buffer>): string {
  const root = fs.mkdtempSync(path.join(dir, 'ws-'));
  for (const [relative, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    fs.writeFileSync(path.join(root, relative), content);
  }
  return root;
}

beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sluice-ws-limits-')); });
afterEach(() => {
  for (const s of services) s.close();
  services = [];
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('workspace limits', () => {
  it('lists a file over 2 MB, but neither parses it nor sends its text, and says how large it is', () => {
    const huge = decision(2, 'Huge', 'filler line of an enormous decision record\n'.repeat(64_000));
    expect(Buffer.byteLength(huge)).toBeGreaterThan(2.5 * 1024 * 1024);
    const root = workspace({ 'decisions/0001-small.md': decision(1, 'Small'), 'decisions/0002-huge.md': huge });
    const service = start(root);
    const { workspace: view } = service.state();
    expect(view!.files.find((f) => f.path === 'decisions/0002-huge.md')).toMatchObject({ tooLarge: true, readable: false, size: Buffer.byteLength(huge) });
    expect(view!.adrs.map((a) => a.number)).toEqual([1]);
    expect(view!.diagnostics).toContainEqual(expect.objectContaining({ file: 'decisions/0002-huge.md', code: 'file-too-large', severity: 'warning' }));
    const file = service.file('decisions/0002-huge.md');
    expect(file).toMatchObject({ text: null, version: null, tooLarge: true, size: Buffer.byteLength(huge), readOnlyReason: null });
    expect(file.unreadableReason).toMatch(/2\.\d MB, more than the 2 MB/);
    // Nor can a save make one: the workspace could not read it back.
    const tooBig = failure(() => service.save({ path: 'decisions/0003-new.md', text: huge, baseVersion: null }));
    expect(tooBig.code).toBe('INVALID_INPUT');
    expect(tooBig.message).toMatch(/more than the 2 MB/);
    expect(fs.existsSync(path.join(root, 'decisions/0003-new.md'))).toBe(false);
  });

  it('opens a file that is not UTF-8 read-only with a diagnostic at the first bad byte, and refuses to save over it', () => {
    const latin1 = Buffer.concat([Buffer.from(decision(1, 'Caf')), Buffer.from('\nPrice in '), Buffer.from([0xa3]), Buffer.from('5 (Latin-1).\n')]);
    const root = workspace({ 'decisions/0001-cafe.md': latin1, 'notes/legacy.txt': Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]) });
    const service = start(root);
    const file = service.file('decisions/0001-cafe.md');
    expect(file.text).toContain('Price in \uFFFD5');
    expect(file.readOnlyReason).toMatch(/not valid UTF-8/);
    expect(file.diagnostics).toContainEqual(expect.objectContaining({ code: 'not-utf8', severity: 'error', line: 20, column: 10 }));
    expect(service.state().workspace!.files.find((f) => f.path === 'decisions/0001-cafe.md')).toMatchObject({ readOnly: true, readable: true });
    // Saving after editing another line used to write U+FFFD over the £ byte.
    const refused = failure(() => service.save({ path: 'decisions/0001-cafe.md', text: file.text!.replace('# Caf', '# Café'), baseVersion: file.version }));
    expect(refused.code).toBe('INVALID_INPUT');
    expect(refused.message).toMatch(/not valid UTF-8.*nothing was saved/i);
    expect(fs.readFileSync(path.join(root, 'decisions/0001-cafe.md')).equals(latin1)).toBe(true);
    // The same for a file Sluice does not parse, read when it is opened.
    expect(service.file('notes/legacy.txt').readOnlyReason).toMatch(/not valid UTF-8/);
    expect(failure(() => service.save({ path: 'notes/legacy.txt', text: 'caf\uFFFD\n', baseVersion: service.file('notes/legacy.txt').version })).code).toBe('INVALID_INPUT');
  });

  it('answers another call while it opens a folder of a thousand files', async () => {
    const files: Record<string, string> = {};
    for (let n = 1; n <= 1_000; n++) files[`decisions/${String(n).padStart(4, '0')}-decision-${n}.md`] = decision(n, `Decision ${n}`);
    const root = workspace(files);
    const service = start(null);
    const router = createRouter({ ...appHandlers({ version: 'test', transport: 'web' }), ...workspaceHandlers(service, new StaleFeed()) } as Handlers);
    let opened = false;
    const opening = router.call('workspace.open', { path: root }).then((result) => { opened = true; return result; });
    const info = await router.call('app.info', {});
    expect(info).toMatchObject({ ok: true, value: { transport: 'web' } });
    expect(opened).toBe(false);
    const result = await opening;
    expect(result).toMatchObject({ ok: true, value: { workspace: { root } } });
    expect(service.state().workspace!.adrs).toHaveLength(1_000);
  });

  it('opens the folder asked for last when a second open starts before the first is done', async () => {
    const first = workspace(Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`decisions/${String(i + 1).padStart(4, '0')}-a.md`, decision(i + 1, 'A')])));
    const second = workspace({ 'decisions/0001-b.md': decision(1, 'B') });
    const service = start(null);
    const [a, b] = await Promise.allSettled([service.open(first), service.open(second)]);
    expect(b).toMatchObject({ status: 'fulfilled', value: { workspace: { root: second } } });
    expect(a.status === 'rejected' || a.value.workspace?.root === second).toBe(true);
    expect(service.state().workspace!.root).toBe(second);
    expect(service.state().recent[0]).toBe(second);
  });
});
