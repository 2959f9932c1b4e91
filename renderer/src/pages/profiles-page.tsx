// Connection profiles: add, edit, test and switch. Passwords go to main and never come back;
// the form only learns whether one is stored.
import { useState } from 'react';
import { saslMechanisms, profileSettingsSchema, type ProfileSettings, type ProfileView } from '../../../shared/profiles/profiles';
import { useActivateProfile, useDeleteProfile, useProfiles, useSaveProfile, useTestProfile } from '../api/profiles';
import { ErrorView, Loading } from '../components/state-views';

const blank: ProfileSettings = {
  name: '',
  bootstrapBrokers: ['127.0.0.1:9092'],
  color: '#22c55e',
  production: false,
  tls: { enabled: false, verifyServerCertificate: true, caCertificate: null },
  sasl: { mechanism: 'none', username: '' },
  registry: { url: '', username: '' },
};

function toSettings(p: ProfileView): ProfileSettings {
  return { name: p.name, bootstrapBrokers: p.bootstrapBrokers, color: p.color, production: p.production, tls: p.tls, sasl: p.sasl, registry: p.registry };
}

function ProfileForm({ profile, onDone }: { profile: ProfileView | null; onDone: () => void }) {
  const [settings, setSettings] = useState<ProfileSettings>(profile ? toSettings(profile) : blank);
  const [brokersText, setBrokersText] = useState(settings.bootstrapBrokers.join(', '));
  const [password, setPassword] = useState('');
  const [clearPassword, setClearPassword] = useState(false);
  const [registryPassword, setRegistryPassword] = useState('');
  const [clearRegistryPassword, setClearRegistryPassword] = useState(false);
  const save = useSaveProfile();
  const test = useTestProfile();
  const candidate = { ...settings, bootstrapBrokers: brokersText.split(/[,\s]+/).filter(Boolean) };
  const validation = profileSettingsSchema.safeParse(candidate);
  const problems = validation.success ? [] : validation.error.issues.map((i) => i.message);
  const update = (patch: Partial<ProfileSettings>) => setSettings((s) => ({ ...s, ...patch }));

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!validation.success || save.isPending) return;
    save.mutate(
      {
        ...(profile ? { id: profile.id } : {}), settings: validation.data, password: clearPassword ? null : password || undefined,
        registryPassword: clearRegistryPassword ? null : registryPassword || undefined,
      },
      { onSuccess: onDone },
    );
  };

  return (
    <form className="card profile-form" onSubmit={submit} aria-label={profile ? `Edit ${profile.name}` : 'New profile'}>
      <h2>{profile ? `Edit “${profile.name}”` : 'New connection profile'}</h2>
      <label>Name<input name="name" value={settings.name} onChange={(e) => update({ name: e.target.value })} autoFocus required /></label>
      <label>Bootstrap brokers<input name="brokers" value={brokersText} onChange={(e) => setBrokersText(e.target.value)} placeholder="host1:9092, host2:9092" /></label>
      <div className="row">
        <label>Environment colour<input name="color" type="color" value={settings.color} onChange={(e) => update({ color: e.target.value })} /></label>
        <label className="check"><input name="production" type="checkbox" checked={settings.production} onChange={(e) => update({ production: e.target.checked, ...(e.target.checked && settings.color === blank.color ? { color: '#dc2626' } : {}) })} /> Production (destructive actions ask for its name)</label>
      </div>
      <fieldset>
        <legend>TLS</legend>
        <label className="check"><input type="checkbox" checked={settings.tls.enabled} onChange={(e) => update({ tls: { ...settings.tls, enabled: e.target.checked } })} /> Use TLS</label>
        {settings.tls.enabled && (
          <>
            <label className="check"><input type="checkbox" checked={settings.tls.verifyServerCertificate} onChange={(e) => update({ tls: { ...settings.tls, verifyServerCertificate: e.target.checked } })} /> Verify the brokers’ certificates</label>
            <label>CA certificate (PEM, optional)<textarea rows={3} value={settings.tls.caCertificate ?? ''} onChange={(e) => update({ tls: { ...settings.tls, caCertificate: e.target.value || null } })} /></label>
          </>
        )}
      </fieldset>
      <fieldset>
        <legend>SASL</legend>
        <label>Mechanism
          <select value={settings.sasl.mechanism} onChange={(e) => update({ sasl: { ...settings.sasl, mechanism: e.target.value as ProfileSettings['sasl']['mechanism'] } })}>
            {saslMechanisms.map((m) => <option key={m} value={m}>{m}</option>)}
          </select>
        </label>
        {settings.sasl.mechanism !== 'none' && (
          <>
            <label>User name<input value={settings.sasl.username} onChange={(e) => update({ sasl: { ...settings.sasl, username: e.target.value } })} autoComplete="off" /></label>
            <label>Password
              <input type="password" value={password} onChange={(e) => { setPassword(e.target.value); setClearPassword(false); }} autoComplete="new-password"
                placeholder={profile?.hasPassword ? 'stored — leave blank to keep' : ''} />
            </label>
            {profile?.hasPassword && <label className="check"><input type="checkbox" checked={clearPassword} onChange={(e) => setClearPassword(e.target.checked)} /> Remove the stored password</label>}
          </>
        )}
      </fieldset>
      <fieldset>
        <legend>Schema Registry</legend>
        <label>Registry URL (Confluent API)<input name="registryUrl" value={settings.registry.url} onChange={(e) => update({ registry: { ...settings.registry, url: e.target.value } })} placeholder="http://127.0.0.1:8081/apis/ccompat/v7" /></label>
        {settings.registry.url && (
          <div className="row">
            <label>User name (basic auth, optional)<input value={settings.registry.username} onChange={(e) => update({ registry: { ...settings.registry, username: e.target.value } })} autoComplete="off" /></label>
            <label>Password
              <input type="password" value={registryPassword} onChange={(e) => { setRegistryPassword(e.target.value); setClearRegistryPassword(false); }} autoComplete="new-password"
                placeholder={profile?.hasRegistryPassword ? 'stored — leave blank to keep' : ''} />
            </label>
            {profile?.hasRegistryPassword && <label className="check"><input type="checkbox" checked={clearRegistryPassword} onChange={(e) => setClearRegistryPassword(e.target.checked)} /> Remove it</label>}
          </div>
        )}
      </fieldset>
      {problems.length > 0 && <ul className="problems">{problems.map((p) => <li key={p}>{p}</li>)}</ul>}
      {save.error && <p className="error-text" role="alert">{save.error.message}</p>}
      {test.error && <p className="error-text" role="alert" data-testid="test-error">{test.error.message}</p>}
      {test.data && (
        <p className={test.data.reachable ? 'ok-text' : 'error-text'} role="status" data-testid="test-result">
          {test.data.reachable ? `Connected: cluster ${test.data.clusterId}, ${test.data.brokerCount} broker(s), ${test.data.latencyMs} ms.` : `Could not connect: ${test.data.error}`}
        </p>
      )}
      {test.data?.registry && (
        <p className={test.data.registry.reachable ? 'ok-text' : 'error-text'} role="status" data-testid="registry-test-result">
          {test.data.registry.reachable ? `Schema Registry answered: ${test.data.registry.subjects} subject(s).` : `Schema Registry: ${test.data.registry.error}`}
        </p>
      )}
      <div className="actions">
        <button type="button" disabled={!validation.success || test.isPending}
          onClick={() => validation.success && test.mutate({ ...(profile ? { id: profile.id } : {}), settings: validation.data, password: password || null, registryPassword: registryPassword || null })}>
          {test.isPending ? 'Testing…' : 'Test connection'}
        </button>
        <span className="spacer" />
        <button type="button" onClick={onDone}>Cancel</button>
        <button type="submit" className="primary" disabled={!validation.success || save.isPending}>{save.isPending ? 'Saving…' : 'Save'}</button>
      </div>
    </form>
  );
}

export function ProfilesPage() {
  const profiles = useProfiles();
  const activate = useActivateProfile();
  const remove = useDeleteProfile();
  const [editing, setEditing] = useState<ProfileView | 'new' | null>(null);

  return (
    <section className="page">
      <header className="page-header">
        <h1>Connections</h1>
        <div className="toolbar"><button type="button" className="primary" onClick={() => setEditing('new')}>Add profile</button></div>
      </header>
      {profiles.data?.secretStorage.warning && <p className="stale-banner" role="alert" data-testid="secret-storage-warning">{profiles.data.secretStorage.warning}</p>}
      {profiles.isPending && !profiles.isError && <Loading what="profiles" />}
      {profiles.isError && !profiles.data && <ErrorView error={profiles.error} />}
      {editing && <ProfileForm key={editing === 'new' ? 'new' : editing.id} profile={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
      {profiles.data && profiles.data.profiles.length === 0 && !editing && (
        <div className="state-view"><h3>No connection profiles yet.</h3><p className="muted">Add one with your cluster’s bootstrap brokers, or start Sluice with SLUICE_KAFKA_BROKERS set.</p></div>
      )}
      {profiles.data && profiles.data.profiles.length > 0 && (
        <ul className="profile-list">
          {profiles.data.profiles.map((p) => {
            const isActive = p.id === profiles.data.activeProfileId;
            return (
              <li key={p.id} className={`card profile ${isActive ? 'active' : ''}`} style={{ borderLeftColor: p.color }} data-testid="profile-card">
                <div>
                  <strong>{p.name}</strong> {p.production && <span className="production-label">PRODUCTION</span>} {isActive && <span className="badge state-ok">active</span>}
                  <div className="muted mono small">{p.bootstrapBrokers.join(', ')}</div>
                  <div className="muted small">{p.tls.enabled ? 'TLS' : 'plaintext'} · SASL {p.sasl.mechanism}{p.hasPassword ? ' · password stored' : ''}{p.fromEnvironment ? ' · from SLUICE_KAFKA_BROKERS' : ''}</div>
                  {p.registry.url && <div className="muted small">Schema Registry <span className="mono">{p.registry.url}</span>{p.registry.username ? ` as ${p.registry.username}` : ''}</div>}
                </div>
                <div className="actions">
                  {!isActive && <button type="button" onClick={() => activate.mutate({ id: p.id })}>Use</button>}
                  {!p.fromEnvironment && <button type="button" onClick={() => setEditing(p)}>Edit</button>}
                  {!p.fromEnvironment && (
                    <button type="button" className="danger" onClick={() => { if (window.confirm(`Delete the profile “${p.name}”? Its stored password is deleted too.`)) remove.mutate({ id: p.id }); }}>Delete</button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
