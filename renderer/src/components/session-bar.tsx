// The triage session in the shell: the active session with its running time (a link to its
// timeline), or a way to start one; on a production profile, whether it is read-only or writable
// and for how long (a countdown to the grant's expiry), with a way to grant write access.
import { useEffect, useState, type FormEvent } from 'react';
import { useProfiles } from '../api/profiles';
import { useActiveSession, useGrantWrite } from '../api/triage';

/** A display clock, one tick a second, set to main's clock (a countdown must not trust the page's). */
export function useMainClock(mainNow: string | undefined): number {
  const [offset, setOffset] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (mainNow) setOffset(Date.parse(mainNow) - Date.now());
  }, [mainNow]);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  return now + offset;
}

export const formatDuration = (ms: number) => {
  const total = Math.max(0, Math.floor(ms / 1_000));
  const h = Math.floor(total / 3_600);
  const m = Math.floor((total % 3_600) / 60);
  const s = total % 60;
  return `${h > 0 ? `${h}:` : ''}${String(m).padStart(h > 0 ? 2 : 1, '0')}:${String(s).padStart(2, '0')}`;
};

function GrantForm({ profileName, onDone }: { profileName: string; onDone: () => void }) {
  const grant = useGrantWrite();
  const [minutes, setMinutes] = useState(30);
  const [reason, setReason] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    grant.mutate({ minutes, reason }, { onSuccess: onDone });
  };
  return (
    <form className="session-grant card" onSubmit={submit} data-testid="grant-form">
      <strong>Write access to {profileName}</strong>
      <span className="small muted">Recorded in the audit log and the session; read-only again when the time is up.</span>
      <label>For <select value={minutes} onChange={(e) => setMinutes(Number(e.target.value))} aria-label="Minutes">
        {[5, 15, 30, 60, 120, 240].map((m) => <option key={m} value={m}>{m} minutes</option>)}
      </select></label>
      <label>Reason <input value={reason} onChange={(e) => setReason(e.target.value)} placeholder="reset the stuck group" aria-label="Reason" required minLength={3} /></label>
      <div className="triage-row">
        <button type="submit" className="danger" disabled={grant.isPending || reason.trim().length < 3} data-testid="grant-submit">Grant write access</button>
        <button type="button" onClick={onDone}>Cancel</button>
      </div>
      {grant.isError && <span className="small bad" role="alert">{grant.error.message}</span>}
    </form>
  );
}

export function SessionBar() {
  const active = useActiveSession();
  const profiles = useProfiles();
  const now = useMainClock(active.data?.now);
  const [granting, setGranting] = useState(false);
  const session = active.data?.session ?? null;
  const profile = profiles.data?.profiles.find((p) => p.id === profiles.data?.activeProfileId) ?? null;
  const grant = profile ? active.data?.grants.find((g) => g.profile.id === profile.id && Date.parse(g.expiresAt) > now) ?? null : null;
  return (
    <div className="session-bar" data-testid="session-bar">
      {session
        ? <a href="#/triage" className="session-running" data-testid="session-running" title={`Triage session by ${session.who}`}>
            <span className="session-dot" aria-hidden /> {session.severity} · {session.title} <span className="mono">{formatDuration(now - Date.parse(session.startedAt))}</span>
          </a>
        : <a href="#/triage" className="session-start small" data-testid="session-start">Start triage</a>}
      {profile?.production && (grant
        ? <span className="badge state-moving write-countdown" data-testid="write-countdown" title={`Granted by ${grant.by}: ${grant.reason}`}>writable · {formatDuration(Date.parse(grant.expiresAt) - now)} left</span>
        : <>
            <span className="badge state-idle" data-testid="read-only" title="Production profiles are read-only unless a triage session grants write access for a time box">read-only</span>
            {session && <button type="button" className="small-button" onClick={() => setGranting((g) => !g)} data-testid="grant-write">Grant write…</button>}
          </>)}
      {granting && profile?.production && !grant && <GrantForm profileName={profile.name} onDone={() => setGranting(false)} />}
    </div>
  );
}
