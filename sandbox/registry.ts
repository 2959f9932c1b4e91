// The sandbox's Schema Registry: Apicurio Registry 3.0.9 (Quarkus, Java 17) from Maven Central,
// Confluent-compatible API at /apis/ccompat/v7. The distribution is fetched once into
// sandbox/registry/target (gitignored) and checked against Maven Central's SHA-1; its H2 storage
// lives in .sandbox/registry-data, so registrations survive a restart. See docs/adr/0007.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { paths } from './paths';
import { portAnswers } from './kafka-broker';
import { requireJava } from './prerequisites';
import { isAlive, readState, stopProcess, writeState } from './process-state';

type Log = (line: string) => void;

export const APICURIO_VERSION = '3.0.9';
export const registryPort = Number(process.env.SLUICE_SANDBOX_REGISTRY_PORT ?? 8081);
export const registryUrl = `http://127.0.0.1:${registryPort}/apis/ccompat/v7`;

const artifact = `apicurio-registry-app-${APICURIO_VERSION}-all.tar.gz`;
const artifactPath = `io/apicurio/apicurio-registry-app/${APICURIO_VERSION}/${artifact}`;
const runnerJar = () => path.join(paths.registryHome, `apicurio-registry-app-${APICURIO_VERSION}-runner.jar`);

/**
 * Apicurio publishes its runnable distribution as a tar.gz on Maven Central, but the 3.0.9 parent
 * POM is missing there, so Maven cannot resolve it; it is fetched by URL from the same repository
 * (SLUICE_MAVEN_REPO for a mirror), or taken from the local Maven cache when present.
 */
async function fetchDistribution(log: Log): Promise<string> {
  const cached = path.join(os.homedir(), '.m2', 'repository', artifactPath);
  if (fs.existsSync(cached)) return cached;
  const repository = (process.env.SLUICE_MAVEN_REPO ?? 'https://repo.maven.apache.org/maven2').replace(/\/+$/, '');
  log(`Fetching Apicurio Registry ${APICURIO_VERSION} from Maven Central (first run only, about 105 MB)…`);
  const get = async (url: string) => {
    const response = await fetch(url, { signal: AbortSignal.timeout(600_000) });
    if (!response.ok) throw new Error(`Maven Central answered HTTP ${response.status} for ${url}.`);
    return Buffer.from(await response.arrayBuffer());
  };
  const [archive, sha1] = await Promise.all([get(`${repository}/${artifactPath}`), get(`${repository}/${artifactPath}.sha1`)]);
  const expected = sha1.toString('utf8').trim().split(/\s+/)[0]!;
  const actual = createHash('sha1').update(archive).digest('hex');
  if (actual !== expected) throw new Error(`The Apicurio download is damaged (SHA-1 ${actual}, Maven Central says ${expected}); run the command again.`);
  fs.mkdirSync(paths.registryHome, { recursive: true });
  const file = path.join(paths.registryHome, artifact);
  fs.writeFileSync(file, archive);
  return file;
}

export async function ensureRegistry(log: Log): Promise<void> {
  if (fs.existsSync(runnerJar())) return;
  const archive = await fetchDistribution(log);
  fs.mkdirSync(paths.registryHome, { recursive: true });
  const result = spawnSync('tar', ['-xzf', archive, '-C', paths.registryHome], { stdio: 'inherit' });
  if (result.status !== 0 || !fs.existsSync(runnerJar())) throw new Error(`Unpacking ${archive} failed; delete ${paths.registryHome} and try again.`);
  if (archive.startsWith(paths.registryHome)) fs.rmSync(archive);
}

async function answers(): Promise<boolean> {
  try {
    const response = await fetch(`${registryUrl}/subjects`, { signal: AbortSignal.timeout(2_000) });
    return response.ok;
  } catch {
    return false;
  }
}

export async function registryStatus(): Promise<{ running: boolean; pid: number | null; url: string }> {
  const { registryPid } = readState();
  const running = isAlive(registryPid) && (await answers());
  return { running, pid: running ? registryPid! : null, url: registryUrl };
}

export async function startRegistry(log: Log): Promise<void> {
  requireJava();
  const state = readState();
  if (isAlive(state.registryPid) && (await answers())) {
    log(`The Schema Registry is already running at ${registryUrl}.`);
    return;
  }
  if (await portAnswers(registryPort)) {
    if (await answers()) {
      log(`A Schema Registry already answers at ${registryUrl}; using it.`);
      return;
    }
    throw new Error(`Port ${registryPort} is taken by another process; stop it or set SLUICE_SANDBOX_REGISTRY_PORT.`);
  }
  await ensureRegistry(log);
  fs.mkdirSync(paths.logs, { recursive: true });
  fs.mkdirSync(paths.registryData, { recursive: true });
  const logFile = path.join(paths.logs, 'registry.log');
  const out = fs.openSync(logFile, 'w');
  log(`Starting Apicurio Registry ${APICURIO_VERSION} on 127.0.0.1:${registryPort}…`);
  const child = spawn('java', [
    '-Xms128m', '-Xmx512m',
    `-Dquarkus.http.port=${registryPort}`, '-Dquarkus.http.host=127.0.0.1',
    `-Dapicurio.datasource.url=jdbc:h2:file:${path.join(paths.registryData, 'registry')}`,
    '-Dquarkus.log.console.color=false', '-Dquarkus.http.access-log.enabled=false',
    '-jar', runnerJar(),
  ], { detached: true, stdio: ['ignore', out, out], cwd: paths.registryHome });
  child.unref();
  writeState({ ...readState(), registryPid: child.pid });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (!isAlive(child.pid)) {
      const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-20).join('\n');
      throw new Error(`The Schema Registry exited during start-up. Last log lines:\n${tail}`);
    }
    if (await answers()) {
      log(`The Schema Registry is up at ${registryUrl}.`);
      return;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`The Schema Registry did not start within 120 s; see ${logFile}.`);
}

export async function stopRegistry(log: Log): Promise<void> {
  const state = readState();
  if (!isAlive(state.registryPid)) return;
  log('Stopping the Schema Registry…');
  await stopProcess(state.registryPid, 20_000);
  writeState({ ...readState(), registryPid: undefined });
}
