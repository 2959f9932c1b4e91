// The sandbox's processes outlive the CLI that started them, so their ids are kept in a small
// state file; a stale id (process gone) is treated as "not running".
import fs from 'node:fs';
import path from 'node:path';
import { paths } from './paths';

export interface SandboxState {
  brokerPid?: number;
  clientsPid?: number;
  registryPid?: number;
}

export function readState(): SandboxState {
  try {
    return JSON.parse(fs.readFileSync(paths.state, 'utf8')) as SandboxState;
  } catch {
    return {};
  }
}

export function writeState(state: SandboxState): void {
  fs.mkdirSync(path.dirname(paths.state), { recursive: true });
  fs.writeFileSync(paths.state, JSON.stringify(state, null, 2));
}

export function isAlive(pid: number | undefined): pid is number {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Sends SIGTERM, waits for a clean exit, and escalates to SIGKILL only after `graceMs`. */
export async function stopProcess(pid: number | undefined, graceMs = 20_000): Promise<void> {
  if (!isAlive(pid)) return;
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    process.kill(pid, 'SIGTERM');
  }
  const deadline = Date.now() + graceMs;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  if (isAlive(pid)) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      process.kill(pid, 'SIGKILL');
    }
  }
}
