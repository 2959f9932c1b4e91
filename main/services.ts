// The composition root of main: everything the router needs, built once per process and hosted by
// the Electron shell (IPC) and the bridge (HTTP/WebSocket) alike.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultKafkaFactory, KafkaConnections, type KafkaFactory } from './kafka/connections';
import { AuditLog } from './audit/audit-log';
import { ReplicationService, serviceSettingsFromEnvironment, type ServiceSettings } from './replication/replication-service';
import { createHandlers } from './rpc/handlers';
import { createRouter, type Router } from './rpc/router';
import { SubscriptionHub } from './rpc/subscription-hub';
import { ProfileStore } from './settings/profile-store';
import type { SecretStore } from './settings/secret-store';
import { GovernanceService } from './governance/governance-service';
import { RegistryService } from './registry/registry-service';
import { WorkspaceService } from './workspace/workspace-service';

export interface MainServices {
  router: Router;
  workspace: WorkspaceService;
  audit: AuditLog;
  hub: SubscriptionHub;
  profiles: ProfileStore;
  close(): Promise<void>;
}

export interface ServiceOptions {
  transport: 'electron' | 'web';
  dataDir: string;
  secrets: SecretStore;
  version: string;
  kafkaFactory?: KafkaFactory;
  sweepIntervalMs?: number;
  /** Verification and ledger API endpoints; defaults to SLUICE_VERIFICATION_URL and friends. */
  serviceSettings?: ServiceSettings;
  /** The shipped example workspace, opened (as a copy) on the first run. */
  exampleWorkspaceDir?: string | null;
  /** A workspace to open at start; defaults to SLUICE_WORKSPACE, else the last one opened. */
  workspacePath?: string | null;
  /** Off in tests that change files themselves and must not race a watcher. */
  watchWorkspace?: boolean;
}

export function defaultDataDir(): string {
  return process.env.SLUICE_DATA_DIR ?? path.join(process.env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), 'sluice');
}

export function createServices(options: ServiceOptions): MainServices {
  fs.mkdirSync(options.dataDir, { recursive: true });
  const kafkaFactory = options.kafkaFactory ?? defaultKafkaFactory;
  const profiles = new ProfileStore(options.dataDir, options.secrets);
  let hub: SubscriptionHub | null = null;
  const audit = new AuditLog(path.join(options.dataDir, 'audit.jsonl'));
  const connections = new KafkaConnections(profiles, kafkaFactory, {
    dataDir: options.dataDir,
    sweepIntervalMs: options.sweepIntervalMs,
    // A finished sweep refreshes the live groups list at once instead of on the next poll.
    onMonitorChange: () => hub?.refresh('groups.list'),
  });
  const workspace = new WorkspaceService({
    dataDir: options.dataDir,
    exampleDir: options.exampleWorkspaceDir ?? null,
    initialPath: options.workspacePath ?? process.env.SLUICE_WORKSPACE ?? null,
    watch: options.watchWorkspace,
    // A file changed (here or on disk): every page that shows workspace data is refreshed.
    onChange: () => {
      for (const method of ['workspace.state', 'workspace.file', 'workspace.dictionary', 'workspace.ontology', 'governance.overview']) hub?.refresh(method);
    },
  });
  const governance = new GovernanceService(workspace);
  const registry = new RegistryService(profiles, governance, audit);
  const router = createRouter(createHandlers({
    version: options.version,
    transport: options.transport,
    profiles,
    connections,
    kafkaFactory,
    audit,
    onClusterChanged: () => hub?.refresh(),
    replication: new ReplicationService(options.serviceSettings ?? serviceSettingsFromEnvironment(), audit),
    workspace,
    governance,
    registry,
    onRegistryChanged: () => {
      for (const method of ['registry.subjects', 'registry.versions', 'governance.overview', 'audit.list']) hub?.refresh(method);
    },
    onReplicationChanged: () => {
      hub?.refresh('replication.mismatches');
      hub?.refresh('replication.mismatch');
      hub?.refresh('replication.pipelines');
      hub?.refresh('audit.list');
    },
    onProfilesChanged: () => {
      startMonitoring();
      hub?.refresh();
    },
  }));
  hub = new SubscriptionHub(router);
  // History is sampled from start-up on, not from the first time someone looks.
  function startMonitoring() {
    try {
      connections.active();
    } catch {
      // No profile yet: monitoring starts when one is added.
    }
  }
  startMonitoring();
  return {
    router,
    workspace,
    hub,
    profiles,
    audit,
    async close() {
      hub?.close();
      workspace.close();
      await connections.close();
    },
  };
}
