// Connection profiles: the clusters (and their registries) Sluice can talk to, and which is active.
import { z } from 'zod';
import { method, noInput } from '../common/contract-method';
import { profileInputSchema, profileSettingsSchema, profileViewSchema, secretStorageSchema } from './profiles';

export const connectionTestSchema = z.object({
  reachable: z.boolean(),
  clusterId: z.string().nullable(),
  brokerCount: z.number().nullable(),
  latencyMs: z.number().nullable(),
  error: z.string().nullable(),
  /** The profile's Schema Registry, when it names one. */
  registry: z.object({ reachable: z.boolean(), subjects: z.number().nullable(), error: z.string().nullable() }).nullable(),
});
export type ConnectionTest = z.infer<typeof connectionTestSchema>;

/** Everything read from the active profile's cluster or registry: stale once the profile changes. */
const activeProfileReaders = [
  'profiles.list', 'cluster.describe', 'groups.list', 'groups.describe', 'groups.health', 'groups.history',
  'registry.subjects', 'registry.versions', 'governance.overview',
] as const;

export const profilesContract = {
  'profiles.list': method({
    input: noInput,
    output: z.object({ profiles: z.array(profileViewSchema), activeProfileId: z.string().nullable(), secretStorage: secretStorageSchema }),
    live: 2_000,
  }),
  'profiles.save': method({ input: profileInputSchema, output: profileViewSchema, invalidates: activeProfileReaders }),
  'profiles.delete': method({ input: z.object({ id: z.string() }).strict(), output: z.object({ deleted: z.boolean() }), invalidates: activeProfileReaders }),
  'profiles.activate': method({ input: z.object({ id: z.string() }).strict(), output: profileViewSchema, invalidates: activeProfileReaders }),
  'profiles.test': method({
    input: z.object({ id: z.string().optional(), settings: profileSettingsSchema.optional(), password: z.string().nullable().optional(), registryPassword: z.string().nullable().optional() }).strict(),
    output: connectionTestSchema,
  }),
};
