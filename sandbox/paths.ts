// Where the sandbox keeps its downloads, data, logs and process ids. Everything lives under
// `.sandbox/` at the repository root (gitignored), so `git clean -fdX` resets the sandbox.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '..');
export const sandboxHome = process.env.SLUICE_SANDBOX_HOME ?? path.join(repoRoot, '.sandbox');

export const paths = {
  kafkaPom: path.join(here, 'kafka', 'pom.xml'),
  kafkaLibs: path.join(here, 'kafka', 'target', 'kafka-libs'),
  serverTemplate: path.join(here, 'kafka', 'server.properties'),
  brokerLog4j: path.join(here, 'kafka', 'log4j2.properties'),
  toolsLog4j: path.join(here, 'kafka', 'tools-log4j2.properties'),
  /** SandboxClients.java and the classes it uses, compiled together (sandbox/sandbox-clients.ts). */
  clientsDir: path.join(here, 'clients'),
  clientsPom: path.join(here, 'clients', 'pom.xml'),
  clientLibs: path.join(here, 'clients', 'target', 'client-libs'),
  /** One folder of compiled classes per version of the sources, named by their hash. */
  clientClasses: path.join(here, 'clients', 'target', 'classes'),
  demoSpec: path.join(here, 'clients', 'demo.spec'),
  kafkaData: path.join(sandboxHome, 'kafka-data'),
  serverProperties: path.join(sandboxHome, 'server.properties'),
  logs: path.join(sandboxHome, 'logs'),
  state: path.join(sandboxHome, 'state.json'),
  /** Groups of the demo traffic paused by `npm run sandbox -- pause <group>`, one id a line. */
  pausedGroups: path.join(sandboxHome, 'paused-groups'),
  servicesFile: path.join(sandboxHome, 'services.json'),
  embeddedDatabases: path.join(sandboxHome, 'pglite'),
  servicesEntry: path.join(here, 'services', 'run-services.ts'),
  registryHome: path.join(here, 'registry', 'target'),
  registryData: path.join(sandboxHome, 'registry-data'),
  demoSchemas: path.join(here, 'registry', 'demo-schemas'),
};

export const kafkaClasspath = () => path.join(paths.kafkaLibs, '*');
/** SandboxClients.java's own classpath: Kafka's clients and the encoders (sandbox/clients/pom.xml). */
export const clientsClasspath = () => path.join(paths.clientLibs, '*');
