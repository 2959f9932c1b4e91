// The handler map: what each contract method does, in terms of main's services.
import type { ProfileSettings } from '../../shared/profiles/profiles';
import { AppFailure } from '../../shared/common/result';
import { describeCluster } from '../kafka/cluster-service';
import type { KafkaConnections, KafkaFactory } from '../kafka/connections';
import type { ProfileStore } from '../settings/profile-store';
import type { AuditLog } from '../audit/audit-log';
import { deleteGroup, deleteOffsets, resetOffsets, type ActionContext } from '../kafka/offset-actions';
import type { ReplicationService } from '../replication/replication-service';
import type { Handlers } from './router';
import type { GovernanceService } from '../governance/governance-service';
import { governanceOverview } from '../governance/governance-overview';
import type { RegistryService } from '../registry/registry-service';
import { RegistryClient } from '../registry/registry-client';
import type { WorkspaceService } from '../workspace/workspace-service';

export interface HandlerDependencies {
  version: string;
  transport: 'electron' | 'web';
  profiles: ProfileStore;
  connections: KafkaConnections;
  kafkaFactory: KafkaFactory;
  /** Called after a change that makes live data stale (profile switch, edit). */
  onProfilesChanged: () => void;
  audit: AuditLog;
  /** Called after a control action changed the cluster. */
  onClusterChanged: () => void;
  replication: ReplicationService;
  /** Called after a reconcile changed what the replication pages show. */
  onReplicationChanged: () => void;
  workspace: WorkspaceService;
  governance: GovernanceService;
  registry: RegistryService;
  /** Called after a registration or compatibility change. */
  onRegistryChanged: () => void;
}

export function createHandlers(deps: HandlerDependencies): Handlers {
  const session = () => deps.connections.active();
  const actionContext = (): ActionContext => {
    const s = session();
    return {
      kafka: s.client, groups: s.groups, profile: deps.profiles.get(s.profileId), audit: deps.audit,
      changed: () => { s.monitor.refresh(); deps.onClusterChanged(); },
    };
  };

  async function testRegistry(settings: ProfileSettings, password: string | null) {
    if (!settings.registry.url) return null;
    try {
      const client = new RegistryClient({ url: settings.registry.url, username: settings.registry.username, password }, { retryDelaysMs: [], timeoutMs: 5_000 });
      return { reachable: true, subjects: (await client.subjects()).length, error: null };
    } catch (error) {
      return { reachable: false, subjects: null, error: error instanceof Error ? error.message : String(error) };
    }
  }

  async function testConnection(settings: ProfileSettings, password: string | null, registryPassword: string | null) {
    const started = Date.now();
    const client = deps.kafkaFactory({ bootstrapBrokers: settings.bootstrapBrokers, tls: settings.tls, sasl: { ...settings.sasl, password } });
    const registry = testRegistry(settings, registryPassword);
    try {
      const cluster = await client.describeCluster();
      return { reachable: true, clusterId: cluster.clusterId, brokerCount: cluster.brokers.length, latencyMs: Date.now() - started, error: null, registry: await registry };
    } catch (error) {
      return { reachable: false, clusterId: null, brokerCount: null, latencyMs: null, error: error instanceof Error ? error.message : String(error), registry: await registry };
    } finally {
      await client.close();
    }
  }

  return {
    'app.info': () => ({ version: deps.version, transport: deps.transport }),
    'profiles.list': () => deps.profiles.list(),
    'profiles.save': (input) => {
      const saved = deps.profiles.save(input);
      deps.onProfilesChanged();
      return saved;
    },
    'profiles.delete': ({ id }) => {
      const deleted = deps.profiles.delete(id);
      deps.onProfilesChanged();
      return { deleted };
    },
    'profiles.activate': ({ id }) => {
      const profile = deps.profiles.activate(id);
      deps.onProfilesChanged();
      return profile;
    },
    'profiles.test': async ({ id, settings, password, registryPassword }) => {
      if (settings) {
        // Testing an edited form: a blank password means "use the stored one", as in the form.
        return testConnection(settings, password ?? (id ? deps.profiles.password(id) : null), registryPassword ?? (id ? deps.profiles.registryPassword(id) : null));
      }
      if (!id) throw new AppFailure('INVALID_INPUT', 'Give either a profile id or the settings to test.');
      const profile = deps.profiles.get(id);
      return testConnection(profile, deps.profiles.password(id), deps.profiles.registryPassword(id));
    },
    'cluster.describe': () => describeCluster(session().client),
    'groups.list': async () => ({ groups: await session().groups.list() }),
    'groups.describe': ({ groupId }) => session().groups.describe(groupId),
    'groups.health': ({ groupId }) => session().monitor.health(groupId),
    'groups.history': ({ groupId, stuckAfterMs }) => session().monitor.history(groupId, stuckAfterMs ?? 30_000),
    'groups.resetOffsets': (input) => resetOffsets(actionContext(), input),
    'groups.delete': (input) => deleteGroup(actionContext(), input),
    'groups.deleteOffsets': (input) => deleteOffsets(actionContext(), input),
    'audit.list': ({ limit }) => ({ records: deps.audit.recent(limit ?? 200) }),
    'replication.pipelines': () => deps.replication.verifier.pipelines(),
    'replication.mismatches': (input) => deps.replication.verifier.mismatches(input),
    'replication.mismatch': ({ id }) => deps.replication.verifier.mismatch(id),
    'replication.reconcile': async (input) => {
      const response = await deps.replication.reconcile(input);
      if (!input.dryRun) deps.onReplicationChanged();
      return response;
    },
    'replication.reconcileMany': (input) => deps.replication.reconcileMany(input),
    'replication.reconcileJob': ({ id }) => deps.replication.verifier.reconcileJob(id),
    'replication.cancelReconcileJob': (input) => deps.replication.cancelReconcileJob(input),
    'ledger.payment': ({ paymentId }) => deps.replication.ledger.payment(paymentId),
    'ledger.payments': (input) => deps.replication.ledger.payments(input),
    'ledger.outboxHealth': () => deps.replication.ledger.outboxHealth(),
    'workspace.state': () => deps.workspace.state(),
    'workspace.open': ({ path }) => deps.workspace.open(path),
    'workspace.file': ({ path }) => deps.workspace.file(path),
    'workspace.save': (input) => deps.workspace.save(input),
    'workspace.saveDraft': (input) => deps.workspace.saveDraft(input),
    'workspace.discardDraft': ({ path }) => deps.workspace.discardDraft(path),
    'workspace.createAdr': (input) => deps.workspace.createAdr(input),
    'workspace.dictionary': () => deps.workspace.dictionaryView(),
    'workspace.ontology': () => deps.workspace.ontologyView(),
    'governance.checkNames': ({ names }) => deps.governance.checkNames(names),
    'governance.lintSchema': (input) => deps.governance.lintSchema(input),
    'governance.lintDatabase': (input) => deps.governance.lintDatabase(input),
    'governance.overview': () => governanceOverview({
      registry: deps.registry, governance: deps.governance, workspace: deps.workspace,
      groupTypes: async () => new Map((await session().groups.list()).map((g) => [g.groupId, g.type])),
    }),
    'registry.subjects': () => deps.registry.subjects(),
    'registry.versions': ({ subject }) => deps.registry.versions(subject),
    'registry.schema': ({ subject, version }) => deps.registry.schema(subject, version),
    'registry.check': (input) => deps.registry.check(input),
    'registry.register': async (input) => {
      const result = await deps.registry.register(input);
      deps.onRegistryChanged();
      return result;
    },
    'registry.setCompatibility': async (input) => {
      const result = await deps.registry.setCompatibility(input);
      deps.onRegistryChanged();
      return result;
    },
  };
}
