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

export interface MainServices {
  router: Router;
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
  const router = createRouter(createHandlers({
    version: options.version,
    transport: options.transport,
    profiles,
    connections,
    kafkaFactory,
    audit,
    onClusterChanged: () => hub?.refresh(),
    replication: new ReplicationService(options.serviceSettings ?? serviceSettingsFromEnvironment(), audit),
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
    hub,
    profiles,
    audit,
    async close() {
      hub?.close();
      await connections.close();
    },
  };
}
