// Starts and stops the reference services process (sandbox/services/run-services.ts) and reads the
// URLs and tokens it publishes in `.sandbox/services.json`.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { bootstrap } from './kafka-broker';
import { paths } from './paths';
import { isAlive, stopProcess } from './process-state';

export interface ServicesInfo {
  pid: number;
  ledger: { url: string; token: string };
  verification: { url: string; token: string };
}

export function readServicesInfo(): ServicesInfo | null {
  try {
    const info = JSON.parse(fs.readFileSync(paths.servicesFile, 'utf8')) as ServicesInfo;
    return isAlive(info.pid) ? info : null;
  } catch {
    return null;
  }
}

/** Spawns the services detached and waits until they publish their URLs (or exit with a reason). */
export async function startReferenceServicesProcess(options: { traffic: boolean }, log: (line: string) => void): Promise<ServicesInfo> {
  const running = readServicesInfo();
  if (running) return running;
  fs.rmSync(paths.servicesFile, { force: true });
  fs.mkdirSync(paths.logs, { recursive: true });
  const logFile = path.join(paths.logs, 'reference-services.log');
  const out = fs.openSync(logFile, 'w');
  const tsx = createRequire(import.meta.url).resolve('tsx');
  const child = spawn(process.execPath, ['--import', tsx, paths.servicesEntry], {
    detached: true,
    env: { SLUICE_KAFKA_BROKERS: bootstrap, ...process.env, SLUICE_SERVICES_TRAFFIC: options.traffic ? '1' : '0' },
    stdio: ['ignore', out, out],
  });
  child.unref();
  const embedded = !process.env.SLUICE_SOURCE_DB_URL || !process.env.SLUICE_TARGET_DB_URL;
  log(`Starting the reference ledger and verification services${embedded ? ' (embedded PGlite databases)' : ''}…`);
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    const info = readServicesInfo();
    if (info) return info;
    if (!isAlive(child.pid)) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stopProcess(child.pid, 5000);
  const tail = fs.readFileSync(logFile, 'utf8').trim().split('\n').slice(-5).join('\n');
  throw new Error(`The reference services did not start (log: ${logFile}):\n${tail}`);
}

export async function stopReferenceServicesProcess(): Promise<boolean> {
  const info = readServicesInfo();
  if (!info) return false;
  await stopProcess(info.pid, 15_000);
  fs.rmSync(paths.servicesFile, { force: true });
  return true;
}
