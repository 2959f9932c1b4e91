// Schema Registry (Confluent REST API) data as the console sees it: subjects with their versions,
// ids, types, compatibility and mode; one version with its references and who references it.
import { z } from 'zod';

export const compatibilityLevels = ['BACKWARD', 'BACKWARD_TRANSITIVE', 'FORWARD', 'FORWARD_TRANSITIVE', 'FULL', 'FULL_TRANSITIVE', 'NONE'] as const;
export type CompatibilityLevel = (typeof compatibilityLevels)[number];

/** What each level promises, in words, for the change-compatibility preview. */
export const compatibilityMeaning: Record<CompatibilityLevel, string> = {
  BACKWARD: 'consumers on the new schema can read data written with the previous version',
  BACKWARD_TRANSITIVE: 'consumers on the new schema can read data written with every earlier version',
  FORWARD: 'consumers on the previous version can read data written with the new schema',
  FORWARD_TRANSITIVE: 'consumers on every earlier version can read data written with the new schema',
  FULL: 'both directions, against the previous version',
  FULL_TRANSITIVE: 'both directions, against every earlier version',
  NONE: 'no check at all: any change is accepted',
};

export const schemaTypes = ['AVRO', 'JSON', 'PROTOBUF'] as const;
export type SchemaType = (typeof schemaTypes)[number];
export const schemaTypeSchema = z.enum(schemaTypes);
export const referenceSchema = z.object({ name: z.string(), subject: z.string(), version: z.number() });

export const subjectSummarySchema = z.object({
  subject: z.string(),
  versions: z.number(),
  latestVersion: z.number(),
  id: z.number(),
  schemaType: schemaTypeSchema,
  compatibility: z.string().nullable(),
  /** Null where the registry does not report modes (Apicurio's ccompat API). */
  mode: z.string().nullable(),
  references: z.number(),
});
export type SubjectSummary = z.infer<typeof subjectSummarySchema>;

export const schemaVersionSchema = z.object({
  subject: z.string(),
  version: z.number(),
  id: z.number(),
  schemaType: schemaTypeSchema,
  schema: z.string(),
  references: z.array(referenceSchema),
  referencedBy: z.array(z.object({ subject: z.string(), version: z.number(), id: z.number() })),
});
export type SchemaVersion = z.infer<typeof schemaVersionSchema>;

export const subjectVersionsSchema = z.object({
  subject: z.string(),
  versions: z.array(z.number()),
  compatibility: z.string().nullable(),
  mode: z.string().nullable(),
});
