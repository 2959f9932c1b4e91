// The handler map: every domain's slice, merged. Each slice is typed by its part of the contract,
// so a method without a handler, or a handler without a method, does not compile.
import type { Handlers } from '../platform/handler-types';
import type { StaleFeed } from '../platform/stale-feed';
import { appHandlers } from '../app/handlers';
import { auditHandlers } from '../audit/handlers';
import { brokersHandlers } from '../brokers/handlers';
import { governanceHandlers } from '../governance/handlers';
import { kafkaHandlers } from '../kafka/handlers';
import { ledgerHandlers, type LedgerSettings } from '../ledger/handlers';
import { profileHandlers } from '../profiles/handlers';
import { recordsHandlers } from '../records/handlers';
import type { RecordsWiring } from '../records/records-wiring';
import { registryHandlers } from '../registry/handlers';
import { replicationHandlers } from '../replication/handlers';
import { triageHandlers, type TriageHandlerDependencies } from '../triage/handlers';
import { topicsHandlers } from '../topics/handlers';
import { workspaceHandlers } from '../workspace/handlers';
import type { AuditLog } from '../audit/audit-log';
import type { GovernanceService } from '../governance/governance-service';
import type { AdminSessions } from '../kafka-admin/admin-sessions';
import type { KafkaConnections, KafkaFactory } from '../kafka/connections';
import type { RegistryService } from '../registry/registry-service';
import type { ReplicationService } from '../replication/replication-service';
import type { ProfileStore } from '../settings/profile-store';
import type { WorkspaceService } from '../workspace/workspace-service';

export interface HandlerServices {
  app: { version: string; transport: 'electron' | 'web' };
  profiles: ProfileStore;
  connections: KafkaConnections;
  /** Topic, broker and group-config admin, per active profile (main/kafka-admin). */
  admins: AdminSessions;
  kafkaFactory: KafkaFactory;
  audit: AuditLog;
  replication: ReplicationService;
  ledger: LedgerSettings;
  workspace: WorkspaceService;
  governance: GovernanceService;
  registry: RegistryService;
  stale: StaleFeed;
  records: RecordsWiring;
  triage: TriageHandlerDependencies;
}

export function createHandlers(s: HandlerServices): Handlers {
  return {
    ...appHandlers(s.app),
    ...profileHandlers({ profiles: s.profiles, connections: s.connections, kafkaFactory: s.kafkaFactory }),
    ...kafkaHandlers({ connections: s.connections, profiles: s.profiles, audit: s.audit, stale: s.stale, admins: s.admins }),
    ...topicsHandlers({ admins: s.admins, connections: s.connections, profiles: s.profiles, audit: s.audit, registry: s.registry }),
    ...brokersHandlers(s.admins),
    ...auditHandlers(s.audit),
    ...replicationHandlers(s.replication),
    ...ledgerHandlers(s.ledger),
    ...workspaceHandlers(s.workspace, s.stale),
    ...governanceHandlers({ governance: s.governance, registry: s.registry, workspace: s.workspace, connections: s.connections }),
    ...registryHandlers(s.registry),
    ...recordsHandlers(s.records.service, s.records.produce),
    ...triageHandlers(s.triage),
  };
}
