// A stored password is sealed together with the endpoint it was typed for, so it can only ever be
// sent there: a SASL password to the same bootstrap brokers over the same protection (TLS on or
// off, certificate checks, CA, mechanism), a registry password to the same registry URL. Whoever
// edits a profile's addresses (the form, a script on the bridge, a hostile page with the token)
// must type the password again; the secret never follows the edit.
import { createHash } from 'node:crypto';
import type { ProfileSettings } from '../../shared/profiles/profiles';

/** Where a secret may be sent: a canonical key to compare, and words to show a person. */
export interface SecretEndpoint {
  key: string;
  label: string;
}

const SEALED_PREFIX = 'sluice-bound-secret:v1:';

export function saslEndpointOf(settings: Pick<ProfileSettings, 'bootstrapBrokers' | 'tls' | 'sasl'>): SecretEndpoint {
  // The same brokers in another order, or with other spacing or letter case, are the same brokers.
  const brokers = [...new Set(settings.bootstrapBrokers.map((b) => b.trim().toLowerCase()))].sort();
  const { tls } = settings;
  const ca = tls.caCertificate?.trim() ? createHash('sha256').update(tls.caCertificate.trim()).digest('hex') : null;
  const key = JSON.stringify({ brokers, tls: tls.enabled ? { verify: tls.verifyServerCertificate, ca } : null, mechanism: settings.sasl.mechanism });
  const protection = !tls.enabled ? 'without TLS' : `over TLS${tls.verifyServerCertificate ? '' : ' without certificate checks'}${ca ? ' with a private CA' : ''}`;
  return { key, label: `brokers ${brokers.join(', ')} ${protection} with ${settings.sasl.mechanism}` };
}

export function registryEndpointOf(url: string): SecretEndpoint {
  const trimmed = url.trim();
  let canonical = trimmed.replace(/\/+$/, '');
  try {
    const parsed = new URL(trimmed);
    canonical = `${parsed.protocol}//${parsed.host}${parsed.pathname.replace(/\/+$/, '')}${parsed.search}`;
  } catch {
    // Not a URL: compared as typed.
  }
  return { key: JSON.stringify({ registry: canonical }), label: canonical };
}

/** What the secret store keeps: the password and the endpoint it belongs to, in one value. */
export const sealSecret = (endpoint: SecretEndpoint, secret: string): string => `${SEALED_PREFIX}${JSON.stringify({ endpoint, secret })}`;

/**
 * The password and its endpoint; `endpoint` is null for a password stored before secrets were
 * bound, which belongs to the endpoint its profile was saved with.
 */
export function unsealSecret(stored: string): { endpoint: SecretEndpoint | null; secret: string } {
  if (!stored.startsWith(SEALED_PREFIX)) return { endpoint: null, secret: stored };
  try {
    const value = JSON.parse(stored.slice(SEALED_PREFIX.length)) as { endpoint?: { key?: unknown; label?: unknown }; secret?: unknown };
    if (typeof value.secret === 'string' && typeof value.endpoint?.key === 'string' && typeof value.endpoint.label === 'string') {
      return { endpoint: { key: value.endpoint.key, label: value.endpoint.label }, secret: value.secret };
    }
  } catch {
    // Fall through: an unreadable seal binds to nothing, so it is never sent anywhere.
  }
  return { endpoint: { key: '', label: 'an unreadable endpoint' }, secret: '' };
}
