// The active profile's Schema Registry: subjects and versions (live), one version's schema, and the
// compatibility level. Checking and registering a draft go through governance (./governance.ts).
import type { MethodInput } from '../../../shared/contract';
import { useContractMutation, useFetchQuery, useLiveQuery } from './query-core';

type Version = MethodInput<'registry.schema'>['version'];

export const useSubjects = () => useLiveQuery('registry.subjects', {});
export const useSubjectVersions = (subject: string) => useLiveQuery('registry.versions', { subject });
/** A registered version never changes; a new version keeps the old one shown until it arrives. */
export const useSchemaVersion = (subject: string, version: Version, options: { enabled?: boolean } = {}) =>
  useFetchQuery('registry.schema', { subject, version }, { ...options, keepPrevious: true });
export const useSetCompatibility = () => useContractMutation('registry.setCompatibility');
