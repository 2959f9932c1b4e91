// The governance slice: names, schemas and live tables against the dictionary; the overview of
// compliance and drift; and the registration gate (registry.check, registry.register).
import type { governanceContract } from '../../shared/governance/contract';
import type { KafkaConnections } from '../kafka/connections';
import type { RegistryService } from '../registry/registry-service';
import type { HandlerSlice } from '../platform/handler-types';
import type { WorkspaceService } from '../workspace/workspace-service';
import { GovernanceOverviewService } from './governance-overview';
import type { GovernanceService } from './governance-service';
import { RegistrationGate } from './registration-gate';

export interface GovernanceHandlerDependencies {
  governance: GovernanceService;
  registry: RegistryService;
  workspace: WorkspaceService;
  connections: KafkaConnections;
}

export function governanceHandlers(deps: GovernanceHandlerDependencies): HandlerSlice<typeof governanceContract> {
  const gate = new RegistrationGate(deps.registry, deps.governance);
  const overview = new GovernanceOverviewService({
    registry: deps.registry, governance: deps.governance, workspace: deps.workspace,
    groupTypes: async () => new Map((await deps.connections.active().groups.list()).map((g) => [g.groupId, g.type])),
  });
  return {
    'governance.checkNames': ({ names }) => deps.governance.checkNames(names),
    'governance.lintSchema': (input) => deps.governance.lintSchema(input),
    'governance.lintDatabase': (input) => deps.governance.lintDatabase(input),
    'governance.overview': () => overview.overview(),
    'registry.check': (input) => gate.check(input),
    'registry.register': (input) => gate.register(input),
  };
}
