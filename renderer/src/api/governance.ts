// Naming governance: names, schemas and live tables checked against the dictionary, the overview
// of compliance and drift (live), and the gate in front of the registry (check, then register).
import type { MethodInput } from '../../../shared/contract';
import { useContractMutation, useFetchQuery, useLiveQuery } from './query-core';

export const useGovernanceOverview = () => useLiveQuery('governance.overview', {});
export const useCheckNames = () => useContractMutation('governance.checkNames');
export const useLintDatabase = () => useContractMutation('governance.lintDatabase');
/** A schema's names linted as it is typed; asked again on every mount (the dictionary may have changed). */
export const useSchemaLint = (input: MethodInput<'governance.lintSchema'>, options: { enabled?: boolean } = {}) =>
  useFetchQuery('governance.lintSchema', input, { ...options, staleTime: 0, keepPrevious: true });
/** Compatibility and lint of a draft against the registry, on demand. */
export const useCheckSchema = () => useContractMutation('registry.check');
export const useRegister = () => useContractMutation('registry.register');
