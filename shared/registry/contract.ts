// The Schema Registry (Confluent REST API) of the active profile: subjects, versions, schemas, and
// the compatibility level. Checking and registering a draft are governance's (shared/governance).
import { z } from 'zod';
import { method, noInput } from '../common/contract-method';
import { compatibilityLevels, schemaVersionSchema, subjectSummarySchema, subjectVersionsSchema } from './registry';

/** What a registry change makes stale; the audit log gained a record. */
export const registryReaders = ['registry.subjects', 'registry.versions', 'governance.overview', 'audit.list'] as const;
const subject = z.string().min(1).max(300);

export const registryContract = {
  'registry.subjects': method({ input: noInput, output: z.object({ registryUrl: z.string(), subjects: z.array(subjectSummarySchema) }), live: 5_000 }),
  'registry.versions': method({ input: z.object({ subject }).strict(), output: subjectVersionsSchema, live: 5_000 }),
  'registry.schema': method({
    input: z.object({ subject, version: z.union([z.number().int().positive(), z.literal('latest')]) }).strict(),
    output: schemaVersionSchema,
  }),
  'registry.setCompatibility': method({
    input: z.object({ subject, level: z.enum(compatibilityLevels) }).strict(),
    output: z.object({ subject: z.string(), compatibility: z.string(), before: z.string().nullable() }),
    invalidates: registryReaders,
  }),
};
