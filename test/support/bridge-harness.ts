// Main's services and the bridge in this process, on a random port, with a throwaway data folder:
// what `npm run serve` runs, minus the static files.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBridge, type Bridge } from '../../main/bridge/bridge';
import { createServices, type MainServices } from '../../main/services';
import { MemorySecretStore } from '../../main/settings/secret-store';
import { repoRoot } from '../../sandbox/paths';

export interface Harness {
  dataDir: string;
  bridge: Bridge;
  services: MainServices;
  token: string;
  rpc<T = unknown>(method: string, input?: unknown): Promise<{ status: number; body: { ok: boolean; value?: T; error?: { code: string; message: string } } }>;
  value<T = unknown>(method: string, input?: unknown): Promise<T>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** Environment main reads at start (SLUICE_REGISTRY_URL…), set only while the services are built. */
  env?: Record<string, string>;
  /** Opens a copy of the example workspace, as the first run does. */
  exampleWorkspace?: boolean;
  /** The data folder (a small filesystem, say); by default a fresh temporary folder, removed at close. */
  dataDir?: string;
}

export const exampleWorkspaceDir = path.join(repoRoot, 'assets', 'example-workspace');

export async function startHarness(brokers: string, options: HarnessOptions = {}): Promise<Harness> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'sluice-test-'));
  const env = { SLUICE_KAFKA_BROKERS: brokers, ...options.env };
  const previous = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  const services = createServices({
    transport: 'web', dataDir, secrets: new MemorySecretStore(), version: 'test',
    exampleWorkspaceDir: options.exampleWorkspace ? exampleWorkspaceDir : null, workspacePath: null,
  });
  for (const [key, value] of Object.entries(previous)) {
    if (value === undefined) delete process.env[key]; else process.env[key] = value;
  }
  const token = 'test-token';
  const bridge = await startBridge({ services, host: '127.0.0.1', port: 0, token });
  const rpc: Harness['rpc'] = async (method, input = {}) => {
    const response = await fetch(`${bridge.url}/rpc/${method}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    return { status: response.status, body: (await response.json()) as never };
  };
  return {
    dataDir, bridge, services, token, rpc,
    async value(method, input) {
      const { body } = await rpc(method, input);
      if (!body.ok) throw new Error(`${method}: ${body.error?.code} ${body.error?.message}`);
      return body.value as never;
    },
    async close() {
      await bridge.close();
      await services.close();
      if (!options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function eventually<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 60_000, everyMs = 1_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`Timed out waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
}
