// The profiles slice: connection profiles and which one is active. A change starts the active
// profile's cluster session at once, so history is sampled from then on, not from the first look.
import type { profilesContract } from '../../shared/profiles/contract';
import { AppFailure } from '../../shared/common/result';
import type { KafkaConnections, KafkaFactory } from '../kafka/connections';
import type { HandlerSlice } from '../platform/handler-types';
import type { ProfileStore } from '../settings/profile-store';
import { testConnection } from './connection-test';

export interface ProfileHandlerDependencies {
  profiles: ProfileStore;
  connections: KafkaConnections;
  kafkaFactory: KafkaFactory;
}

export function profileHandlers(deps: ProfileHandlerDependencies): HandlerSlice<typeof profilesContract> {
  const afterChange = <T>(value: T): T => {
    deps.connections.startActive();
    return value;
  };
  return {
    'profiles.list': () => deps.profiles.list(),
    'profiles.save': (input) => afterChange(deps.profiles.save(input)),
    'profiles.delete': ({ id }) => afterChange({ deleted: deps.profiles.delete(id) }),
    'profiles.activate': ({ id }) => afterChange(deps.profiles.activate(id)),
    'profiles.test': async ({ id, settings, password, registryPassword }) => {
      if (settings) {
        // Testing an edited form: a blank password means "use the stored one", as in the form, but
        // only where it was stored for; edited addresses need it typed again.
        const credentials = deps.profiles.credentialsFor(id, settings, { password, registryPassword });
        return testConnection(deps.kafkaFactory, settings, credentials.password, credentials.registryPassword);
      }
      if (!id) throw new AppFailure('INVALID_INPUT', 'Give either a profile id or the settings to test.');
      return testConnection(deps.kafkaFactory, deps.profiles.get(id), deps.profiles.password(id), deps.profiles.registryPassword(id));
    },
  };
}
