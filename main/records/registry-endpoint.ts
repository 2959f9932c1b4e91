// Which Schema Registry the records browser decodes with: the active profile's, else
// SLUICE_REGISTRY_URL as main found it at start — the same choice main/registry/registry-service.ts
// makes for the Schemas pages, so both speak to one registry.
import { registryFromEnvironment } from '../registry/registry-service';
import type { ProfileStore } from '../settings/profile-store';

export interface RegistryEndpoint {
  url: string;
  username: string;
  password: string | null;
}

export type RegistryEndpointSource = () => RegistryEndpoint | null;

export function registryEndpointSource(profiles: ProfileStore, fallback = registryFromEnvironment()): RegistryEndpointSource {
  return () => {
    const id = profiles.activeProfileId();
    const profile = id ? profiles.get(id) : null;
    if (profile?.registry.url) return { url: profile.registry.url, username: profile.registry.username, password: id ? profiles.registryPassword(id) : null };
    return fallback.url ? { url: fallback.url, username: fallback.username, password: fallback.password } : null;
  };
}
