// A triage service over a throwaway data folder, with a development and a production profile, for
// unit tests and the durability child process.
import path from 'node:path';
import { AuditLog } from '../../main/audit/audit-log';
import { ProfileStore } from '../../main/settings/profile-store';
import { MemorySecretStore } from '../../main/settings/secret-store';
import { SessionStore } from '../../main/triage/session-store';
import { TriageService } from '../../main/triage/triage-service';
import { WriteAccess } from '../../main/triage/write-access';

export interface TriageFixture {
  dataDir: string;
  audit: AuditLog;
  profiles: ProfileStore;
  triage: TriageService;
  access: WriteAccess;
  productionId: string;
  developmentId: string;
  clock: { now: number };
  close(): void;
}

const settings = (name: string, production: boolean) => ({
  name, bootstrapBrokers: ['127.0.0.1:1'], color: production ? '#dc2626' : '#4f7cff', production,
  tls: { enabled: false, verifyServerCertificate: true, caCertificate: null }, sasl: { mechanism: 'none' as const, username: '' },
  registry: { url: '', username: '' },
});

/** Builds (or, on the same folder, reopens: a restart) the services triage runs on. */
export function triageFixture(dataDir: string, options: { machine?: string; clock?: { now: number } } = {}): TriageFixture {
  const profiles = new ProfileStore(dataDir, new MemorySecretStore(), null);
  const existing = profiles.list().profiles;
  const productionId = existing.find((p) => p.production)?.id ?? profiles.save({ settings: settings('Payments prod', true) }).id;
  const developmentId = existing.find((p) => !p.production)?.id ?? profiles.save({ settings: settings('Payments dev', false) }).id;
  if (existing.length === 0) profiles.activate(developmentId);
  const audit = new AuditLog(path.join(dataDir, 'audit.jsonl'));
  const clock = options.clock ?? { now: Date.now() };
  const triage = new TriageService({ store: new SessionStore(dataDir), audit, profiles, defaultWho: 'ana', machine: options.machine ?? 'laptop-1', now: () => clock.now });
  const access = new WriteAccess(triage, profiles);
  return { dataDir, audit, profiles, triage, access, productionId, developmentId, clock, close() { access.close(); triage.close(); } };
}
