// Connection profiles. The renderer sees whether a secret is set, never its value.
import { z } from 'zod';

export const saslMechanisms = ['none', 'PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512'] as const;

const brokerAddress = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9.\-_[\]:]+:\d{1,5}$/, 'A broker address is host:port, for example 127.0.0.1:9092');

export const profileSettingsSchema = z.object({
  name: z.string().trim().min(1, 'A profile needs a name').max(80),
  bootstrapBrokers: z.array(brokerAddress).min(1, 'At least one bootstrap broker is needed'),
  /** The environment color shown in the title bar, as #rrggbb. */
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'A color is #rrggbb'),
  production: z.boolean(),
  tls: z.object({
    enabled: z.boolean(),
    /** Off only for test clusters with self-signed certificates. */
    verifyServerCertificate: z.boolean(),
    /** PEM text of a private CA, when the brokers' certificates are not publicly trusted. */
    caCertificate: z.string().max(100_000).nullable(),
  }),
  sasl: z.object({
    mechanism: z.enum(saslMechanisms),
    username: z.string().max(256),
  }),
  /** The cluster's Schema Registry (Confluent REST API); profiles saved before it existed have none. */
  registry: z.object({
    url: z.string().trim().max(500).refine((u) => u === '' || /^https?:\/\/[^\s]+$/.test(u), 'A registry URL starts with http:// or https://, for example http://127.0.0.1:8081/apis/ccompat/v7'),
    username: z.string().max(256),
  }).default({ url: '', username: '' }),
});
export type ProfileSettings = z.infer<typeof profileSettingsSchema>;

export const profileViewSchema = profileSettingsSchema.extend({
  id: z.string(),
  /** True when a SASL password is stored; the password itself never leaves main. */
  hasPassword: z.boolean(),
  hasRegistryPassword: z.boolean(),
  /** Defined by SLUICE_KAFKA_BROKERS: shown, but not editable or deletable. */
  fromEnvironment: z.boolean(),
});
export type ProfileView = z.infer<typeof profileViewSchema>;

/** Where stored passwords are kept: encrypted by the OS keychain, or in main's memory until it stops. */
export const secretStorageSchema = z.object({
  kind: z.enum(['os-keychain', 'memory']),
  /** Why passwords are not kept safely on disk (Linux without a keyring); null when nothing is wrong. */
  warning: z.string().nullable(),
});
export type SecretStorage = z.infer<typeof secretStorageSchema>;

export const profileInputSchema = z.object({
  id: z.string().optional(),
  settings: profileSettingsSchema,
  /** undefined keeps the stored password, null removes it, a string replaces it. */
  password: z.string().max(4096).nullable().optional(),
  /** The registry's password, with the same rules. */
  registryPassword: z.string().max(4096).nullable().optional(),
});
export type ProfileInput = z.infer<typeof profileInputSchema>;
