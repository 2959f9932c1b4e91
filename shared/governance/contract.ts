// Naming governance: names, schemas and live tables checked against the workspace's dictionary, the
// overview of compliance and drift, and the gate in front of the registry. `registry.check` and
// `registry.register` keep their names (scripts use them) but belong here: a draft is tested
// together with its lint, and only a reason in the audit log gets a failing lint past the gate.
import { z } from 'zod';
import { method, noInput } from '../common/contract-method';
import { registryReaders } from '../registry/contract';
import { referenceSchema, schemaTypeSchema } from '../registry/registry';
import { compatibilityCheckSchema, databaseLintSchema, nameCheckSchema, registerInputSchema, schemaLintSchema } from './governance-api';
import { governanceOverviewSchema } from './overview';

export const governanceContract = {
  'governance.checkNames': method({
    input: z.object({ names: z.array(z.string().max(300)).min(1).max(100_000) }).strict(),
    output: z.object({ results: z.array(nameCheckSchema) }),
  }),
  'governance.lintSchema': method({
    input: z.object({ schemaType: z.enum(['AVRO', 'JSON', 'PROTOBUF', 'SQL']), schema: z.string().max(2_000_000), subject: z.string().max(300).optional() }).strict(),
    output: schemaLintSchema,
  }),
  'governance.overview': method({ input: noInput, output: governanceOverviewSchema, live: 10_000 }),
  'governance.lintDatabase': method({
    input: z.object({ url: z.string().trim().min(1).max(2000), schema: z.string().trim().min(1).max(200).optional() }).strict(),
    output: databaseLintSchema,
  }),
  'registry.check': method({
    input: z.object({ subject: z.string().trim().min(1).max(300), schemaType: schemaTypeSchema, schema: z.string().min(1).max(2_000_000), references: z.array(referenceSchema).optional() }).strict(),
    output: compatibilityCheckSchema,
  }),
  'registry.register': method({ input: registerInputSchema, output: z.object({ id: z.number(), version: z.number().nullable() }), invalidates: registryReaders }),
};
