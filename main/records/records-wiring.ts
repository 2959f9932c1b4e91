// Builds the records slice's services from main's others, so the composition root adds one line.
import { AppFailure } from '../../shared/common/result';
import type { AuditLog } from '../audit/audit-log';
import type { AuditProfile } from '../audit/audited-action';
import type { KafkaConnections } from '../kafka/connections';
import { RegistryClient } from '../registry/registry-client';
import type { RegistryService } from '../registry/registry-service';
import type { ProfileStore } from '../settings/profile-store';
import type { WorkspaceService } from '../workspace/workspace-service';
import { workspaceClassifier } from './dictionary-classifier';
import type { ProduceDependencies } from './produce';
import { registryEndpointSource } from './registry-endpoint';
import { RecordsService } from './records-service';
import { SchemaCatalog } from './schema-catalog';

export interface RecordsWiring {
  service: RecordsService;
  produce: Omit<ProduceDependencies, 'records'>;
}

export function createRecords(deps: {
  profiles: ProfileStore; connections: KafkaConnections; workspace: WorkspaceService; registry: RegistryService; audit: AuditLog; auditProfile: () => AuditProfile;
}): RecordsWiring {
  const activeId = () => {
    const id = deps.profiles.activeProfileId();
    if (!id) throw new AppFailure('NO_PROFILE', 'No connection profile is set up. Add one with the bootstrap brokers of your cluster.');
    return id;
  };
  const schemas = new SchemaCatalog(registryEndpointSource(deps.profiles), (endpoint, id) => new RegistryClient(endpoint).within().subjectVersionsOfId(id));
  const service = new RecordsService({
    session: () => { const profileId = activeId(); return { profileId, settings: deps.connections.settingsFor(profileId) }; },
    schemas,
    classify: workspaceClassifier(() => (deps.workspace.analysis ? deps.workspace.dictionaryIndex() : null)),
    audit: deps.audit,
    auditProfile: deps.auditProfile,
  });
  return {
    service,
    produce: { schemas, registry: () => deps.registry.client(), profile: () => deps.profiles.get(activeId()), audit: deps.audit, auditProfile: deps.auditProfile },
  };
}
