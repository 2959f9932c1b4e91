// Triage: the active session (its timeline writing itself), or a way to start one, and every
// session on this machine and the team's, searchable; an address with a session id opens that one.
import { useState, type FormEvent } from 'react';
import { severities, type Severity } from '../../../../shared/triage/session';
import { useProfiles } from '../../api/profiles';
import { useActiveSession, useJoinSession, useStartSession, useTriageSessions } from '../../api/triage';
import { Empty, ErrorView, Loading } from '../../components/state-views';
import { hrefFor } from '../../router';
import { SessionView } from './session-view';

function StartForm() {
  const start = useStartSession();
  const active = useActiveSession();
  const profiles = useProfiles();
  const [title, setTitle] = useState('');
  const [severity, setSeverity] = useState<Severity>('SEV3');
  const [who, setWho] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    start.mutate({ title, severity, ...(who.trim() ? { who: who.trim() } : {}), ...(chosen.length ? { profileIds: chosen } : {}) });
  };
  return (
    <form className="card triage-start" onSubmit={submit} data-testid="start-session">
      <h2>Start a triage session</h2>
      <p className="muted small">Everything seen and done from now on is recorded: control actions, changes of what you watch, captures, notes. It survives restarts; end it to export a postmortem.</p>
      <div className="triage-row">
        <label className="grow">Title <input value={title} onChange={(e) => setTitle(e.target.value)} placeholder="Payments consumers falling behind" required maxLength={200} aria-label="Title" /></label>
        <label>Severity <select value={severity} onChange={(e) => setSeverity(e.target.value as Severity)} aria-label="Severity">
          {severities.map((s) => <option key={s} value={s}>{s}</option>)}
        </select></label>
        <label>Who <input value={who} onChange={(e) => setWho(e.target.value)} placeholder={active.data?.who ?? 'your name'} maxLength={100} aria-label="Who" /></label>
      </div>
      {(profiles.data?.profiles.length ?? 0) > 1 && (
        <fieldset className="chips" aria-label="Profiles involved">
          <legend className="small muted">Profiles involved (the active one when none is chosen)</legend>
          {profiles.data!.profiles.map((p) => (
            <label key={p.id} className={`chip ${chosen.includes(p.id) ? 'on' : ''}`}>
              <input type="checkbox" className="visually-hidden" checked={chosen.includes(p.id)} onChange={(e) => setChosen((c) => (e.target.checked ? [...c, p.id] : c.filter((x) => x !== p.id)))} />
              {p.name}{p.production ? ' (production)' : ''}
            </label>
          ))}
        </fieldset>
      )}
      <div><button type="submit" className="primary" disabled={start.isPending || !title.trim()} data-testid="start-submit">Start session</button></div>
      {start.isError && <ErrorView error={start.error} />}
    </form>
  );
}

function SessionList() {
  const [text, setText] = useState('');
  const sessions = useTriageSessions(text);
  const join = useJoinSession();
  const team = sessions.data?.team;
  return (
    <section className="triage-list">
      <div className="toolbar" role="search">
        <h2>Sessions</h2>
        <input value={text} onChange={(e) => setText(e.target.value)} placeholder="Search title, summary, people, profiles" aria-label="Search sessions" />
        {team?.configured && (
          <span className={`small ${team.reachable ? 'muted' : 'bad'}`} data-testid="team-status">
            Team store {team.reachable ? 'connected' : `unreachable${team.problem ? `: ${team.problem}` : ''}`}{team.pending > 0 ? ` · ${team.pending} to send` : ''}
          </span>
        )}
      </div>
      {sessions.isPending && !sessions.isError && <Loading what="the sessions" />}
      {sessions.isError && !sessions.data && <ErrorView error={sessions.error} />}
      {sessions.data && sessions.data.sessions.length === 0 && <Empty title="No sessions yet.">Sessions you start (and, with a team store, your teammates’) are listed here.</Empty>}
      {sessions.data && sessions.data.sessions.length > 0 && (
        <table className="grid" data-testid="session-table">
          <thead><tr><th>Started</th><th>Severity</th><th>Title</th><th>Who</th><th>Profiles</th><th>State</th><th /></tr></thead>
          <tbody>
            {sessions.data.sessions.map((s) => (
              <tr key={s.id} data-testid="session-row">
                <td className="small mono">{new Date(s.startedAt).toLocaleString('en-GB')}</td>
                <td>{s.severity}</td>
                <td><a href={hrefFor({ page: 'triage', sessionId: s.id })}>{s.title}</a>{s.summary && <div className="small muted ellipsis">{s.summary}</div>}</td>
                <td>{s.participants.join(', ')}</td>
                <td>{s.profiles.map((p) => p.name).join(', ')}</td>
                <td>{s.active ? <span className="badge state-moving">active</span> : s.endedAt ? <span className="badge state-idle">ended</span> : <span className="badge state-moving">open</span>}{s.origin === 'team' && <span className="badge">team</span>}</td>
                <td>{s.origin === 'team' && !s.endedAt && <button type="button" onClick={() => join.mutate({ id: s.id })} disabled={join.isPending}>Join</button>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {join.isError && <ErrorView error={join.error} />}
    </section>
  );
}

export function TriagePage({ sessionId }: { sessionId?: string }) {
  const active = useActiveSession();
  const activeId = active.data?.session?.id;
  return (
    <section className="page triage-page">
      <header className="page-header">
        {sessionId && <a href="#/triage" className="back">← Triage</a>}
        <h1>Triage</h1>
        <span className="muted">One session per incident: a timeline that writes itself, time-boxed production access, a postmortem at the end.</span>
      </header>
      {active.isPending && !active.isError && <Loading what="the triage session" />}
      {active.isError && !active.data && <ErrorView error={active.error} />}
      {active.data && (sessionId || activeId
        ? <SessionView sessionId={sessionId ?? activeId!} isActive={(sessionId ?? activeId) === activeId} />
        : <StartForm />)}
      {active.data && !sessionId && <SessionList />}
    </section>
  );
}
