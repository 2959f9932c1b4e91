// One session: its header (running time, who, profiles), the watch list, notes, grants, end and
// export, and the timeline — filtered by kind or words, each entry linking to the live page.
import { useState, type FormEvent } from 'react';
import { entryKinds, type EntryKind } from '../../../../shared/triage/session';
import type { SessionState } from '../../../../shared/triage/timeline';
import { useActiveSession, useAddNote, useEndSession, useExportSession, useRevokeWrite, useTriageSession } from '../../api/triage';
import { formatDuration, useMainClock } from '../../components/session-bar';
import { ErrorView, Loading, StaleBanner } from '../../components/state-views';
import { TimelineList } from './timeline-list';
import { WatchPanel } from './watch-panel';
import { download } from '../../components/download';

const kindLabels: Record<EntryKind, string> = { session: 'Session', watch: 'Watch list', action: 'Actions', change: 'Changes', capture: 'Captures', note: 'Notes', pin: 'Pinned', access: 'Access' };

function NoteEditor() {
  const add = useAddNote();
  const [text, setText] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate({ markdown: text }, { onSuccess: () => setText('') });
  };
  return (
    <form className="card note-editor" onSubmit={submit}>
      <label className="grow">Note (Markdown) <textarea value={text} onChange={(e) => setText(e.target.value)} rows={3} placeholder="What you see, what you think, what you try next" aria-label="Note" data-testid="note-text" /></label>
      <button type="submit" disabled={add.isPending || !text.trim()} data-testid="note-submit">Add note</button>
      {add.isError && <span className="small bad" role="alert">{add.error.message}</span>}
    </form>
  );
}

function Grants({ state, isActive }: { state: SessionState; isActive: boolean }) {
  const revoke = useRevokeWrite();
  if (state.grants.length === 0) return <p className="small muted">No write access granted. Production profiles stay read-only; grant write access for a time box from the bar at the top.</p>;
  return (
    <ul className="grants" data-testid="grants">
      {state.grants.map((g) => (
        <li key={g.grantId}>
          <span className={`badge ${g.state === 'active' ? 'state-moving' : 'state-idle'}`}>{g.state}</span> {g.profile.name} for {g.minutes} min by {g.by}: “{g.reason}” <span className="small muted">(until {new Date(g.expiresAt).toLocaleTimeString('en-GB')})</span>
          {isActive && g.state === 'active' && <button type="button" onClick={() => revoke.mutate({ grantId: g.grantId })} disabled={revoke.isPending}>Revoke</button>}
        </li>
      ))}
    </ul>
  );
}

function EndForm({ onDone }: { onDone: () => void }) {
  const end = useEndSession();
  const [summary, setSummary] = useState('');
  const [findings, setFindings] = useState('');
  const [followUps, setFollowUps] = useState('');
  const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    end.mutate({ summary, findings: lines(findings), followUps: lines(followUps) }, { onSuccess: onDone });
  };
  return (
    <form className="card end-form" onSubmit={submit} data-testid="end-form">
      <h3>End the session</h3>
      <label>Summary <textarea value={summary} onChange={(e) => setSummary(e.target.value)} rows={3} aria-label="Summary" required /></label>
      <label>Findings, one per line <textarea value={findings} onChange={(e) => setFindings(e.target.value)} rows={3} aria-label="Findings" /></label>
      <label>Follow-ups, one per line <textarea value={followUps} onChange={(e) => setFollowUps(e.target.value)} rows={3} aria-label="Follow-ups" /></label>
      <div className="triage-row"><button type="submit" className="primary" disabled={end.isPending || !summary.trim()} data-testid="end-submit">End session</button><button type="button" onClick={onDone}>Cancel</button></div>
      {end.isError && <ErrorView error={end.error} />}
    </form>
  );
}

function ExportPanel({ sessionId }: { sessionId: string }) {
  const exporter = useExportSession();
  const result = exporter.data;
  return (
    <div className="export-panel">
      <button type="button" onClick={() => exporter.mutate({ id: sessionId })} disabled={exporter.isPending} data-testid="export-session">Export postmortem</button>
      {exporter.isError && <ErrorView error={exporter.error} />}
      {result && (
        <div className="card small" data-testid="export-result">
          <div>Postmortem, {result.charts} chart{result.charts === 1 ? '' : 's'} and the session as JSON written to <span className="mono" data-testid="export-folder">{result.folder}</span> ({result.durationMs} ms).</div>
          <div>{result.adr ? <>Decision draft: <a href={`#/decisions/${result.adr.number}`} className="mono" data-testid="export-adr">{result.adr.path}</a> (proposed)</> : <span className="muted">No decision draft: {result.adrProblem}</span>}</div>
          <button type="button" onClick={() => download(result.postmortem.fileName, result.postmortem.mediaType, result.postmortem.content)} data-testid="download-postmortem">Download {result.postmortem.fileName}</button>
        </div>
      )}
    </div>
  );
}

export function SessionView({ sessionId, isActive }: { sessionId: string; isActive: boolean }) {
  const [kinds, setKinds] = useState<EntryKind[]>([]);
  const [text, setText] = useState('');
  const [ending, setEnding] = useState(false);
  const view = useTriageSession(sessionId, { kinds, text });
  const state = view.data?.state ?? null;
  const now = useMainClock(useActiveSession().data?.now);
  const toggle = (kind: EntryKind) => setKinds((k) => (k.includes(kind) ? k.filter((x) => x !== kind) : [...k, kind]));
  if (view.isPending && !view.isError) return <Loading what="the session" />;
  if (view.isError && !view.data) return <ErrorView error={view.error} />;
  if (!state) return <ErrorView error={new Error('This session has no start entry (its file may be damaged).')} />;
  return (
    <div className="session-view" data-testid="session-view">
      <StaleBanner error={view.data ? view.error : null} />
      <div className="card session-header">
        <h2 data-testid="session-title">{state.severity} · {state.title}</h2>
        <div className="small muted">
          Started {new Date(state.startedAt).toLocaleString('en-GB')} by {state.who}
          {state.endedAt ? <> · ended {new Date(state.endedAt).toLocaleString('en-GB')} ({formatDuration(Date.parse(state.endedAt) - Date.parse(state.startedAt))})</> : <> · running {formatDuration(now - Date.parse(state.startedAt))}</>}
          {state.profiles.length > 0 && <> · {state.profiles.map((p) => `${p.name}${p.production ? ' (production)' : ''}`).join(', ')}</>}
          {state.participants.length > 1 && <> · with {state.participants.filter((p) => p !== state.who).join(', ')}</>}
        </div>
        {state.summary && <p data-testid="session-summary">{state.summary}</p>}
        {view.data!.damagedLines > 0 && <p className="small bad">{view.data!.damagedLines} damaged line(s) in the session file were skipped.</p>}
        <div className="triage-row">
          {isActive && !ending && <button type="button" onClick={() => setEnding(true)} data-testid="end-session">End session…</button>}
          <ExportPanel sessionId={sessionId} />
        </div>
        {ending && <EndForm onDone={() => setEnding(false)} />}
      </div>
      <div className="triage-columns">
        <div className="triage-side">
          <WatchPanel watches={state.watches} editable={isActive} />
          <div className="card"><h3>Production access</h3><Grants state={state} isActive={isActive} /></div>
        </div>
        <div className="triage-main">
          {isActive && <NoteEditor />}
          <div className="toolbar timeline-filters" role="search">
            <div className="chips" role="group" aria-label="Kinds">
              {entryKinds.map((k) => (
                <button key={k} type="button" className={`chip ${kinds.includes(k) ? 'on' : ''}`} aria-pressed={kinds.includes(k)} onClick={() => toggle(k)} data-testid={`filter-${k}`}>
                  {kindLabels[k]} <span className="muted">{state.counts[k] ?? 0}</span>
                </button>
              ))}
            </div>
            <input value={text} onChange={(e) => setText(e.target.value)} placeholder="Search the timeline" aria-label="Search the timeline" />
          </div>
          <TimelineList sessionId={sessionId} items={view.data!.items} editable={isActive} />
          {view.data!.matching > view.data!.items.length && <p className="small muted">Showing the newest {view.data!.items.length} of {view.data!.matching}; filter to see older ones.</p>}
        </div>
      </div>
    </div>
  );
}
