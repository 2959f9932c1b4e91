// The composition root of main: builds each service once per process, and the router and the
// subscription hub over them, hosted by the Electron shell (IPC) and the bridge (HTTP/WebSocket)
// alike. It only constructs: what a call makes stale is declared in the contract, and what a
// domain's own changes make stale is said by its handlers (main/<domain>/handlers.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AuditLog } from './audit/audit-log';
import { auditProfileOf } from './audit/audited-action';
import { GovernanceService } from './governance/governance-service';
import { AdminSessions, type AdminFactory } from './kafka-admin/admin-sessions';
import { defaultKafkaFactory, KafkaConnections, workerMonitor, type KafkaFactory, type MonitorFactory } from './kafka/connections';
import { ledgerSettingsFromEnvironment, type LedgerSettings } from './ledger/handlers';
import { RegistryService } from './registry/registry-service';
import { ReplicationService, verificationSettingsFromEnvironment, type VerificationSettings } from './replication/replication-service';
import { createRecords } from './records/records-wiring';
import { createHandlers } from './rpc/handlers';
import { createRouter, type Router } from './rpc/router';
import { StaleFeed } from './platform/stale-feed';
import { SubscriptionHub } from './rpc/subscription-hub';
import { SessionExporter } from './triage/exporter';
import { SessionStore } from './triage/session-store';
import { TriageService } from './triage/triage-service';
import { liveSources, Watcher } from './triage/watcher';
import { PostgresTeamStore } from './triage/team-mirror';
import { WriteAccess } from './triage/write-access';
import { ProfileStore } from './settings/profile-store';
import type { SecretStore } from './settings/secret-store';
import { WorkspaceService, type FolderPicker } from './workspace/workspace-service';

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
  /** How the cluster monitor is built: in its worker thread unless given (a substituted Kafka port needs inThreadMonitor). */
  monitorFactory?: MonitorFactory;
  /** The monitor worker's bundle, for built entry points; from source the TypeScript file is used. */
  monitorWorkerFile?: string;
  /** The topic/broker admin client per profile; the real one unless a test substitutes it. */
  adminFactory?: AdminFactory;
  sweepIntervalMs?: number;
  /** Verification and ledger API endpoints; default to SLUICE_VERIFICATION_URL, SLUICE_LEDGER_URL and their tokens. */
  serviceSettings?: VerificationSettings & LedgerSettings;
  /** The shipped example workspace, opened (as a copy) on the first run. */
  exampleWorkspaceDir?: string | null;
  /** A workspace to open at start; defaults to SLUICE_WORKSPACE, else the last one opened. */
  workspacePath?: string | null;
  /** Off in tests that change files themselves and must not race a watcher. */
  watchWorkspace?: boolean;
  /** The team store's PostgreSQL; defaults to SLUICE_TEAM_DB_URL; null for none. */
  teamDbUrl?: string | null;
  /** How often the active triage session's watch list is looked at (default 5 s). */
  triageWatchIntervalMs?: number;
  /** Main's native folder dialog (the Electron shell gives it); web mode has none and a path field. */
  folderPicker?: FolderPicker;
}

export function defaultDataDir(): string {
  return process.env.SLUICE_DATA_DIR ?? path.join(process.env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), 'sluice');
}

export function createServices(options: ServiceOptions): MainServices {
  fs.mkdirSync(options.dataDir, { recursive: true });
  const kafkaFactory = options.kafkaFactory ?? defaultKafkaFactory;
  const stale = new StaleFeed();
  const profiles = new ProfileStore(options.dataDir, options.secrets);
  const activeProfile = () => {
    const id = profiles.activeProfileId();
    return auditProfileOf(id ? profiles.get(id) : null);
  };
  const audit = new AuditLog(path.join(options.dataDir, 'audit.jsonl'));
  const connections = new KafkaConnections(profiles, kafkaFactory, {
    dataDir: options.dataDir, sweepIntervalMs: options.sweepIntervalMs, monitorFactory: options.monitorFactory ?? workerMonitor(options.monitorWorkerFile),
  });
  // History is sampled from start-up on, not from the first time someone looks; and the monitor's
  // worker starts first, so its first sweep runs while the rest of main is built.
  connections.startActive();
  // Topics, brokers and group configs: an admin client of their own, from the same connection settings.
  const admins = new AdminSessions(() => {
    const id = profiles.activeProfileId();
    return id ? { profileId: id, settings: connections.settingsFor(id) } : null;
  }, options.adminFactory);
  const workspace = new WorkspaceService({
    dataDir: options.dataDir,
    exampleDir: options.exampleWorkspaceDir ?? null,
    initialPath: options.workspacePath ?? process.env.SLUICE_WORKSPACE ?? null,
    watch: options.watchWorkspace,
    folderPicker: options.folderPicker ?? null,
    // The desktop app's page may not name a folder to open, only pick one in main's dialog.
    callerPaths: options.transport === 'electron' ? 'recent' : 'any',
  });
  const governance = new GovernanceService(workspace);
  const registry = new RegistryService(profiles, audit);
  const records = createRecords({ profiles, connections, workspace, registry, audit, auditProfile: activeProfile });
  const replication = new ReplicationService(options.serviceSettings ?? verificationSettingsFromEnvironment(), audit, activeProfile);
  // Triage resumes the session left active and guards every audited action on production profiles.
  const sessions = new SessionStore(options.dataDir);
  const triage = new TriageService({ store: sessions, audit, profiles, stale });
  const access = new WriteAccess(triage, profiles);
  const exporter = new SessionExporter(sessions, options.dataDir, workspace);
  const watcher = new Watcher(triage, liveSources(connections, replication), { intervalMs: options.triageWatchIntervalMs });
  // Optional: a PostgreSQL the team shares mirrors sessions and the audit log (local files stay the truth).
  const teamDbUrl = options.teamDbUrl === undefined ? process.env.SLUICE_TEAM_DB_URL || null : options.teamDbUrl;
  const team = teamDbUrl ? new PostgresTeamStore({ url: teamDbUrl, triage, audit, dataDir: options.dataDir }) : null;
  const router = createRouter(createHandlers({
    app: { version: options.version, transport: options.transport },
    profiles, connections, admins, kafkaFactory, audit, replication, workspace, governance, registry, stale, records,
    triage: { triage, access, exporter, watcher, team },
    ledger: options.serviceSettings ?? ledgerSettingsFromEnvironment(),
  }), { stale });
  const hub = new SubscriptionHub(router, stale);
  watcher.start();
  team?.start();
  admins.startActive();
  return {
    router, workspace, hub, profiles, audit,
    async close() {
      hub.close();
      access.close();
      await watcher.close();
      await team?.close();
      triage.close();
      workspace.close();
      await Promise.all([connections.close(), records.service.close(), admins.close()]);
    },
  };
}
