// `npm run serve` as its own process (main/serve.ts under tsx): the hostile requests that once
// made it exit are sent one after another, and the process must still be there and answering.
// It is also where the start-up banner is read: a token that came from SLUICE_TOKEN is not printed.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../../../sandbox/paths';
import { rawHttp, rawUpgrade, socketExchange } from '../../../support/raw-http';

const token = `serve-test-${process.pid}-token`;
let child: ChildProcess;
let output = '';
let url: string;
let port: number;
let dataDir: string;
let staticDir: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sluice-serve-'));
  staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sluice-serve-static-'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Sluice</title>');
  const env: NodeJS.ProcessEnv = {};
  // Only what this test means to set: no broker, no workspace, no services from the caller's shell.
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('SLUICE_')) env[key] = value;
  Object.assign(env, { SLUICE_PORT: '0', SLUICE_TOKEN: token, SLUICE_DATA_DIR: dataDir, SLUICE_STATIC_DIR: staticDir, SLUICE_EXAMPLE_WORKSPACE: '/nonexistent' });
  const tsx = createRequire(import.meta.url).resolve('tsx/cli');
  child = spawn(process.execPath, [tsx, path.join(repoRoot, 'main/serve.ts')], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  child.stderr!.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${output}`)), 60_000);
    const check = () => {
      const match = /HTTP API: POST (http:\/\/[^/\s]+)/.exec(output);
      if (match) { clearTimeout(timer); resolve(match[1]!); }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`serve exited with ${code}: ${output}`)); });
  });
  port = Number(new URL(url).port);
}, 90_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(kill);
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(staticDir, { recursive: true, force: true });
}, 20_000);

const stillServing = async () => {
  expect(child.exitCode, output).toBeNull();
  expect((await fetch(`${url}/healthz`)).status).toBe(200);
};

describe('npm run serve', () => {
  it('does not print a token that came from SLUICE_TOKEN', () => {
    expect(output).toMatch(/Sluice console: http:\/\/127\.0\.0\.1:\d+/);
    expect(output).not.toContain(token);
  });

  it('survives GET /% and POST /rpc/% without a token', async () => {
    expect((await rawHttp(port, 'GET', '/%')).status).toBe(400);
    expect((await rawHttp(port, 'POST', '/rpc/%')).status).toBe(401);
    await stillServing();
  });

  it('survives a request target of //, as a request and as a WebSocket upgrade', async () => {
    expect((await rawHttp(port, 'GET', '//')).status).toBeLessThan(500);
    expect((await rawUpgrade(port, '//')).status).toBe(401);
    await stillServing();
  });

  it('survives a WebSocket frame over the size limit and one with invalid UTF-8', async () => {
    expect((await socketExchange(url, token, ['x'.repeat(70 * 1024)])).closeCode).toBe(1009);
    await stillServing();
    expect((await socketExchange(url, token, [{ binaryAsText: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]) }])).closeCode).toBe(1007);
    await stillServing();
  });

  it('survives a subscription input nested 8,000 levels deep', async () => {
    const deep = '['.repeat(8_000) + ']'.repeat(8_000);
    const outcome = await socketExchange(url, token, [`{"kind":"subscribe","subscriptionId":"deep","method":"groups.list","input":${deep}}`], 3_000, (m) => m.length > 0);
    expect(outcome.messages[0]).toMatchObject({ kind: 'error', subscriptionId: 'deep', error: { code: 'INVALID_INPUT' } });
    await stillServing();
  });
});
