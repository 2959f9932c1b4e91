// Helpers for scripts that need the sandbox: is it up, start it, stop it (through its CLI, so
// there is one implementation).
import { spawnSync } from 'node:child_process';

export function sandbox(...args) {
  return spawnSync('npx', ['tsx', 'sandbox/cli.ts', ...args], { stdio: args.includes('--json') ? ['ignore', 'pipe', 'inherit'] : 'inherit', encoding: 'utf8' });
}

export function kafkaRunning() {
  const result = sandbox('status', '--json');
  try {
    return JSON.parse(result.stdout.trim().split('\n').pop()).kafka.running === true;
  } catch {
    return false;
  }
}
