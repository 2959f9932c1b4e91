// The registry slice: subjects, versions and schemas of the active profile's Schema Registry, and
// the compatibility level (audited). Checking and registering drafts go through governance's gate.
import type { registryContract } from '../../shared/registry/contract';
import type { HandlerSlice } from '../platform/handler-types';
import type { RegistryService } from './registry-service';

export const registryHandlers = (registry: RegistryService): HandlerSlice<typeof registryContract> => ({
  'registry.subjects': () => registry.subjects(),
  'registry.versions': ({ subject }) => registry.versions(subject),
  'registry.schema': ({ subject, version }) => registry.schema(subject, version),
  'registry.setCompatibility': (input) => registry.setCompatibility(input),
});
