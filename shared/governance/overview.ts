// The governance overview: each subject's compliance with the standard (its latest version linted
// against the dictionary), and drift, where the running platform disagrees with an accepted
// decision (an ADR that fixes FULL_TRANSITIVE for a subject whose level is BACKWARD).
import { z } from 'zod';
import { schemaTypes } from '../registry/registry';

export const driftKinds = ['compatibility', 'group-type', 'missing-subject', 'missing-group'] as const;

export const driftSchema = z.object({
  adr: z.number(),
  adrTitle: z.string(),
  adrFile: z.string(),
  kind: z.enum(driftKinds),
  target: z.string(),
  expected: z.string().nullable(),
  actual: z.string().nullable(),
  message: z.string(),
});
export type Drift = z.infer<typeof driftSchema>;

export const subjectComplianceSchema = z.object({
  subject: z.string(),
  version: z.number(),
  schemaType: z.enum(schemaTypes),
  compatibility: z.string().nullable(),
  fields: z.number(),
  standard: z.number(),
  errors: z.number(),
  warnings: z.number(),
  /** Fields whose term maps to an ontology concept. */
  mapped: z.number(),
  /** Share of fields that are standard terms, 0..1; 1 for a schema without fields. */
  compliance: z.number(),
  adrs: z.array(z.number()),
});
export type SubjectCompliance = z.infer<typeof subjectComplianceSchema>;

export const governanceOverviewSchema = z.object({
  registryUrl: z.string().nullable(),
  /** Why the registry part is missing (not configured, unreachable); the drift of groups still shows. */
  registryError: z.string().nullable(),
  subjects: z.array(subjectComplianceSchema),
  drift: z.array(driftSchema),
  /** Checks that could not run (the cluster is unreachable), so "no drift" is not read as "all fine". */
  unchecked: z.array(z.string()),
});
export type GovernanceOverview = z.infer<typeof governanceOverviewSchema>;
