// Starts the built web-mode server (`out/main/serve.js`, what `npm run serve` runs) as a child
// process on a free port, for the e2e tests.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../../sandbox/paths';

export interface ConsoleServer {
  url: string;
  token: string;
  dataDir: string;
  value<T>(method: string, input?: unknown): Promise<T>;
  stop(): Promise<void>;
}

export async function startConsoleServer(brokers: string, extraEnv: Record<string, string> = {}): Promise<ConsoleServer> {
  const serveJs = path.join(repoRoot, 'out/main/serve.js');
  if (!fs.existsSync(serveJs)) throw new Error('Build the console first: npm run build');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sluice-e2e-'));
  const token = `e2e-${Date.now()}`;
  const child: ChildProcess = spawn(process.execPath, [serveJs], {
    env: { ...process.env, SLUICE_PORT: '0', SLUICE_TOKEN: token, SLUICE_DATA_DIR: dataDir, SLUICE_KAFKA_BROKERS: brokers, SLUICE_CHECK_OUTPUTS: '1', ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The console server did not start: ${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Sluice console: (http:\/\/[^/\s]+)/.exec(output);
      if (match) { clearTimeout(timer); resolve(match[1]!); }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`The console server exited with ${code}: ${output}`)); });
  });
  return {
    url, token, dataDir,
    async value<T>(method: string, input: unknown = {}) {
      const response = await fetch(`${url}/rpc/${method}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: JSON.stringify(input) });
      const body = (await response.json()) as { ok: boolean; value: T; error?: { message: string } };
      if (!body.ok) throw new Error(body.error?.message);
      return body.value;
    },
    async stop() {
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        // The server bounds its own shutdown; the kill is only here so a test can never hang on it.
        const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => { clearTimeout(kill); resolve(); });
        child.kill('SIGTERM');
      });
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
