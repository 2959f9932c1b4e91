// Web mode: `npm run serve` serves the built console and the bridge on 127.0.0.1 and prints the
// URL. Secrets stay in this process's memory.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBridge } from './bridge/bridge';
import { newToken } from './bridge/security';
import { createLogger } from './platform/logger';
import { monitorWorkerBundle } from './kafka/monitor/monitor-host';
import { createServices, defaultDataDir } from './services';
import { MemorySecretStore } from './settings/secret-store';
import { findExampleWorkspace } from './workspace/example-location';

const log = createLogger('serve');

function findStaticDir(): string | undefined {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [process.env.SLUICE_STATIC_DIR, path.resolve(here, '../renderer'), path.resolve(here, '../../out/renderer')];
  return candidates.find((dir): dir is string => !!dir && fs.existsSync(path.join(dir, 'index.html')));
}

async function main() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 22) {
    throw new Error(`Sluice needs Node 22 or newer (this is ${process.version}); run it through npm (npm run serve), which uses the Node 22 from devDependencies.`);
  }
  const host = process.env.SLUICE_HOST ?? '127.0.0.1';
  const port = Number(process.env.SLUICE_PORT ?? 7420);
  const tokenFromEnvironment = !!process.env.SLUICE_TOKEN;
  const token = process.env.SLUICE_TOKEN || newToken();
  // Built: the worker is bundled beside this file, with this file's extension. From source (tsx)
  // the host finds the .ts itself.
  const here = path.dirname(fileURLToPath(import.meta.url));
  const built = import.meta.url.match(/\.m?js$/)?.[0];
  const services = createServices({
    transport: 'web', dataDir: defaultDataDir(), secrets: new MemorySecretStore(), version: process.env.npm_package_version ?? '0.1.0',
    exampleWorkspaceDir: findExampleWorkspace(here), monitorWorkerFile: built ? monitorWorkerBundle(here, built) : undefined,
  });
  const bridge = await startBridge({ services, host, port, token, staticDir: findStaticDir() });
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') log.warn(`Listening on ${host}: anyone who can reach it and has the token controls your clusters.`);
  // The token travels in the fragment, which browsers never send to a server or put in a Referer.
  // One the user chose (SLUICE_TOKEN) is theirs to keep: printing it would copy it into terminal
  // scrollback, CI logs and process supervisors' logs, so only its name is shown.
  const tokenText = tokenFromEnvironment ? '$SLUICE_TOKEN' : token;
  console.log(`Sluice console: ${bridge.url}/#token=${tokenText}`);
  console.log(`HTTP API: POST ${bridge.url}/rpc/<method> with "Authorization: Bearer ${tokenText}"`);
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    // Shutdown is bounded: a broker that stopped answering must not keep a stopped console alive.
    setTimeout(() => {
      log.warn('Shutdown took longer than 5 s; exiting without waiting further.');
      process.exit(0);
    }, 5_000).unref();
    await bridge.close();
    await services.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
