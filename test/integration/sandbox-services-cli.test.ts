// The reference services as the sandbox runs them: a separate process with embedded PGlite
// databases on disk (no database URLs), URLs and tokens in `status --json`, and faults injected
// from the command line, each printing one JSON line.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../sandbox/paths';
import type { MismatchPage } from '../../shared/replication/verification';
import { testBrokers, uniqueSuffix } from '../support/brokers';
import { eventually } from '../support/bridge-harness';
import { deleteTestArtifacts } from '../support/kafka-cli';

const id = uniqueSuffix();
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'sluice-sandbox-'));
const tsx = createRequire(import.meta.url).resolve('tsx');
const env = {
  ...process.env, SLUICE_SANDBOX_HOME: home, SLUICE_KAFKA_BROKERS: testBrokers, SLUICE_LEDGER_PORT: '0', SLUICE_VERIFICATION_PORT: '0',
  SLUICE_SERVICES_TRAFFIC: '0', SLUICE_VERIFY_DELAY_MS: '1000', SLUICE_LEDGER_TOPIC: `it-cli-ledger-${id}`, SLUICE_SERVICES_INSTANCE: id,
  SLUICE_SOURCE_DB_URL: '', SLUICE_TARGET_DB_URL: '',
};
const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', tsx, path.join(repoRoot, 'sandbox/cli.ts'), ...args], { env, encoding: 'utf8', timeout: 120_000 });
let services: ChildProcess;

beforeAll(async () => {
  services = spawn(process.execPath, ['--import', tsx, path.join(repoRoot, 'sandbox/services/run-services.ts')], { env, stdio: 'ignore' });
  await eventually('the services to publish their URLs', async () => fs.existsSync(path.join(home, 'services.json')), 90_000);
}, 120_000);

afterAll(async () => {
  if (services.exitCode === null) services.kill('SIGKILL');
  await deleteTestArtifacts([`ledger-replicator-${id}`, `ledger-verifier-${id}`], [`it-cli-ledger-${id}`]);
  fs.rmSync(home, { recursive: true, force: true });
});

describe('sandbox reference services', () => {
  it('run on embedded PGlite databases kept on disk when no database URL is set', () => {
    expect(fs.existsSync(path.join(home, 'pglite', 'source'))).toBe(true);
    expect(fs.existsSync(path.join(home, 'pglite', 'target'))).toBe(true);
  });

  it('`status --json` prints both services with their URLs and tokens', () => {
    const report = JSON.parse(cli('status', '--json').stdout.trim().split('\n').pop()!) as Record<string, { running: boolean; url?: string; token?: string }>;
    expect(report.ledger).toMatchObject({ running: true, url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/), token: expect.any(String) });
    expect(report.verification).toMatchObject({ running: true, url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/), token: expect.any(String) });
  });

  it('`inject` prints one JSON line per fault, and the verifier finds it', async () => {
    const run = cli('inject', 'drop-target-row');
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.trim().split('\n').filter((l) => l.startsWith('{'));
    expect(lines).toHaveLength(1);
    const fault = JSON.parse(lines[0]!) as { fault: string; table: string; key: { payment_id: string } };
    expect(fault).toEqual({ fault: 'drop-target-row', table: 'payments', key: { payment_id: expect.stringMatching(/^pay_/) } });
    const { verification } = JSON.parse(fs.readFileSync(path.join(home, 'services.json'), 'utf8')) as { verification: { url: string; token: string } };
    await eventually('the mismatch', async () => {
      const response = await fetch(`${verification.url}/v1/mismatches?table=payments`, { headers: { authorization: `Bearer ${verification.token}` } });
      return ((await response.json()) as MismatchPage).items.some((m) => m.key.payment_id === fault.key.payment_id && m.kind === 'missing');
    }, 30_000);
  });

  it('`inject` with an unknown fault says which faults exist', () => {
    const run = cli('inject', 'set-fire');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Name a fault: drop-target-row, alter-target-column, insert-extra-target-row, delay-replicator, duplicate-event, stop-publisher, stop-verifier, clear/);
  });

  it('stops cleanly on SIGTERM and withdraws its URLs', async () => {
    services.kill('SIGTERM');
    await eventually('the services to exit', async () => services.exitCode !== null, 30_000);
    expect(services.exitCode).toBe(0);
    expect(fs.existsSync(path.join(home, 'services.json'))).toBe(false);
  });
});
