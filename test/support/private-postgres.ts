// A private PostgreSQL for tests that stop and restart their database: initdb into a temporary
// folder and pg_ctl on a free port, run as the `postgres` OS user (PostgreSQL refuses to run as
// root). The machine's shared PostgreSQL (5432) is never touched. Skipped, with a reason, where the
// binaries or the user are missing.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const BIN = process.env.SLUICE_TEST_PG_BIN ?? '/usr/lib/postgresql/15/bin';

export const whyNoPrivatePostgres: string | null = (() => {
  if (!fs.existsSync(path.join(BIN, 'initdb'))) return `no PostgreSQL binaries in ${BIN} (set SLUICE_TEST_PG_BIN)`;
  if (process.getuid?.() !== 0) return 'starting a private PostgreSQL as the postgres user needs root (runuser)';
  try {
    execFileSync('id', ['postgres'], { stdio: 'ignore' });
  } catch {
    return 'there is no postgres OS user';
  }
  return null;
})();

export interface PrivatePostgres {
  url: string;
  port: number;
  stop(): void;
  start(): void;
  /** Stops it for good and removes its folder. */
  destroy(): void;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const asPostgres = (command: string, args: string[]) => execFileSync('runuser', ['-u', 'postgres', '--', path.join(BIN, command), ...args], { stdio: 'pipe', timeout: 60_000 });

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sluice-pg-'));
  const data = path.join(root, 'data');
  fs.mkdirSync(data);
  fs.chmodSync(root, 0o755);
  execFileSync('chown', ['-R', 'postgres:postgres', root]);
  const port = await freePort();
  asPostgres('initdb', ['-D', data, '--auth=trust', '--username=postgres', '--encoding=UTF8', '--no-sync']);
  const options = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off -c shared_buffers=16MB`;
  const start = () => { asPostgres('pg_ctl', ['-D', data, '-o', options, '-l', path.join(root, 'log'), '-w', '-t', '60', 'start']); };
  const stop = () => { asPostgres('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '60', 'stop']); };
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    start,
    stop,
    destroy() {
      try { stop(); } catch { /* already stopped */ }
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
