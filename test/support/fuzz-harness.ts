// What the contract fuzz tests run against: the real services (createServices) in this process with a
// throwaway data folder and a copy of the example workspace, Kafka replaced by the in-memory fake, and
// one local HTTP server standing in for the registry, the verification API and the ledger API that
// answers every request in an unhelpful way (204, bodies that break the contract, 4xx, not JSON). It
// never answers 5xx: those are retried with real backoff, which only makes the run slower.
// The oracle says what every answer must be: a Result, never INTERNAL (a 500), its error a typed
// code, and no stack trace or install path anywhere in it.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startBridge, type Bridge } from '../../main/bridge/bridge';
import { createServices, type MainServices } from '../../main/services';
import { MemorySecretStore } from '../../main/settings/secret-store';
import { errorCodes } from '../../shared/common/result';
import { repoRoot } from '../../sandbox/paths';
import { fakeKafka } from './fake-kafka';
import { inThreadMonitor } from '../../main/kafka/connections';
import { exampleWorkspaceDir } from './bridge-harness';

const unhelpfulAnswers: Array<{ status: number; body: string | null }> = [
  { status: 204, body: null },
  { status: 200, body: 'not json' },
  { status: 200, body: '{"unexpected":true}' },
  { status: 200, body: 'null' },
  { status: 404, body: '{"error":{"code":"NOT_FOUND","message":"no such thing"}}' },
  { status: 400, body: '{"error_code":42201,"message":"Invalid schema"}' },
  { status: 200, body: '[]' },
  { status: 409, body: '{"error":{"code":"CONFLICT","message":"already done"}}' },
  { status: 200, body: '{"items":[{"id":"\\ud800","name":null}],"nextCursor":7}' },
  { status: 401, body: '' },
];

export interface FuzzHarness {
  services: MainServices;
  bridge: Bridge;
  token: string;
  dataDir: string;
  close(): Promise<void>;
}

async function startUnhelpfulService(): Promise<{ url: string; close(): Promise<void> }> {
  let served = 0;
  const server = http.createServer((request, response) => {
    request.resume();
    const answer = unhelpfulAnswers[served++ % unhelpfulAnswers.length]!;
    response.writeHead(answer.status, answer.body === null ? {} : { 'content-type': 'application/json' });
    response.end(answer.body ?? undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }) };
}

export async function startFuzzHarness(): Promise<FuzzHarness> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sluice-fuzz-'));
  const upstream = await startUnhelpfulService();
  // Read at construction: a profile from the environment (its Kafka is the fake) and the registry.
  const env: Record<string, string> = { SLUICE_KAFKA_BROKERS: '127.0.0.1:1', SLUICE_REGISTRY_URL: upstream.url };
  const previous = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  let services: MainServices;
  try {
    services = createServices({
      transport: 'web', dataDir, secrets: new MemorySecretStore(), version: 'fuzz',
      // The monitor too runs over the fake, in this thread: in its worker it would dial the profile's
      // real address, and a loaded machine took over 10 s to start that worker (a flaky first push).
      kafkaFactory: () => fakeKafka(), monitorFactory: inThreadMonitor, sweepIntervalMs: 60_000,
      serviceSettings: { verificationUrl: upstream.url, verificationToken: null, ledgerUrl: upstream.url, ledgerToken: null },
      exampleWorkspaceDir, workspacePath: null, watchWorkspace: false,
    });
  } finally {
    for (const [key, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[key]; else process.env[key] = value;
    }
  }
  const token = 'fuzz-token';
  const bridge = await startBridge({ services, host: '127.0.0.1', port: 0, token });
  return {
    services, bridge, token, dataDir,
    async close() {
      await bridge.close();
      await services.close();
      await upstream.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const stackFrame = /\n\s+at |\bat [^\s()]+ \([^()]*:\d+:\d+\)|\.(?:ts|js|mjs|cjs):\d+:\d+/;
const installPaths = [repoRoot, fs.realpathSync(repoRoot), path.join(fs.realpathSync(path.join(repoRoot, 'node_modules')), '..'), 'node_modules'];

/** What is wrong with one answer (a Result, as the router returns it or the bridge sends it), or null. */
export function answerProblem(answer: unknown): string | null {
  if (typeof answer !== 'object' || answer === null || typeof (answer as { ok?: unknown }).ok !== 'boolean') return `not a Result: ${String(JSON.stringify(answer)).slice(0, 200)}`;
  const text = JSON.stringify(answer);
  const frame = stackFrame.exec(text);
  if (frame) return `a stack trace (${frame[0]}) in ${text.slice(0, 300)}`;
  const install = installPaths.find((p) => text.includes(p));
  if (install) return `an install path (${install}) in ${text.slice(0, 300)}`;
  if ((answer as { ok: boolean }).ok) return null;
  const error = (answer as { error?: { code?: unknown; message?: unknown } }).error;
  if (!error || typeof error.message !== 'string' || !(errorCodes as readonly unknown[]).includes(error.code)) return `an untyped error: ${text.slice(0, 300)}`;
  if (error.code === 'INTERNAL') return `INTERNAL (a 500): ${error.message.slice(0, 300)}`;
  return null;
}

/** Fails a call that does not settle: a hung call is as bad as a crash, and would stall the run. */
export function withinTime<T>(what: string, promise: Promise<T>, ms = 15_000): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms / 1000} s`)), ms); }),
  ]);
}
