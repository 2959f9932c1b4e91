// One decision: its MADR front matter, what it links to (subjects, topics, groups, tables, terms,
// each a link to its page), supersede links both ways, drift found against it, and the rendered text.
import { useState } from 'react';
import { linkKinds } from '../../../../shared/workspace/adr';
import { useGovernanceOverview } from '../../api/governance';
import { useWorkspaceFile, useWorkspaceState } from '../../api/workspace';
import { ErrorView, Loading } from '../../components/state-views';
import { hrefFor, type Route } from '../../router';
import { AdrStatus, adrLabel } from './adr-status';
import { MarkdownPreview } from './markdown-preview';
import { NewDecision } from './new-decision';

const linkRoute: Record<(typeof linkKinds)[number], (name: string) => Route | null> = {
  subjects: (subject) => ({ page: 'subject', subject }),
  groups: (groupId) => ({ page: 'group', groupId }),
  terms: (entry) => ({ page: 'dictionary', tab: 'terms', entry }),
  topics: (topic) => ({ page: 'topic', topic }),
  tables: () => ({ page: 'replication' }),
};

export function AdrPage({ number }: { number: number }) {
  const state = useWorkspaceState();
  const adr = state.data?.workspace?.adrs.find((a) => a.number === number);
  const file = useWorkspaceFile(adr?.file ?? '', { enabled: !!adr });
  const overview = useGovernanceOverview();
  const [superseding, setSuperseding] = useState(false);
  if (state.isPending && !state.isError) return <Loading what="the decision" />;
  if (state.isError && !state.data) return <ErrorView error={state.error} />;
  if (!adr) return <div className="state-view"><h3>There is no {adrLabel(number)} in this workspace.</h3><a href="#/decisions">All decisions</a></div>;
  const drift = overview.data?.drift.filter((d) => d.adr === number) ?? [];
  const all = state.data!.workspace!.adrs;
  const title = (n: number) => all.find((a) => a.number === n)?.title ?? '(missing)';
  return (
    <section className="page">
      <header className="page-header">
        <a className="back" href="#/decisions">← Decisions</a>
        <h1><span className="muted mono">{adrLabel(adr.number)}</span> {adr.title}</h1>
        <AdrStatus kind={adr.statusKind} status={adr.status} />
        <div className="toolbar">
          <span className="spacer" />
          <a className="button" href={hrefFor({ page: 'workspace', file: adr.file })} data-testid="edit-decision">Edit</a>
          {adr.statusKind !== 'superseded' && <button type="button" onClick={() => setSuperseding(true)} data-testid="supersede">Supersede…</button>}
        </div>
      </header>
      <div className="columns-2">
        <div>{file.data?.text != null ? <MarkdownPreview markdown={file.data.text} />
          : file.data ? <p className="muted" data-testid="file-unreadable">The text is not shown: it is {file.data.unreadableReason}.</p> : <Loading what="the text" />}</div>
        <aside>
          <dl className="event">
            <dt>Date</dt><dd>{adr.date ?? '—'}</dd>
            <dt>Decided by</dt><dd>{adr.decisionMakers.join(', ') || '—'}</dd>
            <dt>Consulted</dt><dd>{adr.consulted.join(', ') || '—'}</dd>
            <dt>Informed</dt><dd>{adr.informed.join(', ') || '—'}</dd>
            <dt>File</dt><dd className="mono small">{adr.file}</dd>
          </dl>
          {(adr.supersededBy || adr.supersedes.length > 0) && (
            <>
              <h2>Supersede links</h2>
              {adr.supersededBy && <p data-testid="superseded-by">Superseded by <a href={hrefFor({ page: 'decision', number: adr.supersededBy })}>{adrLabel(adr.supersededBy)} {title(adr.supersededBy)}</a></p>}
              {adr.supersedes.map((n) => <p key={n} data-testid="supersedes">Supersedes <a href={hrefFor({ page: 'decision', number: n })}>{adrLabel(n)} {title(n)}</a></p>)}
            </>
          )}
          <h2>About</h2>
          {linkKinds.every((k) => adr.links[k].length === 0) ? <p className="muted small">No links in the front matter (links: subjects, topics, groups, tables, terms).</p> : (
            <dl className="event" data-testid="adr-links">
              {linkKinds.filter((k) => adr.links[k].length > 0).map((kind) => (
                <div key={kind} style={{ display: 'contents' }}>
                  <dt>{kind}</dt>
                  <dd>{adr.links[kind].map((name) => {
                    const route = linkRoute[kind](name);
                    return <span key={name} className="link-chip">{route ? <a href={hrefFor(route)}>{name}</a> : <span className="mono">{name}</span>}</span>;
                  })}</dd>
                </div>
              ))}
            </dl>
          )}
          {(Object.keys(adr.expects.compatibility).length > 0 || Object.keys(adr.expects.groupType).length > 0) && (
            <>
              <h2>Expects of the platform</h2>
              <ul className="small">
                {Object.entries(adr.expects.compatibility).map(([s, level]) => <li key={s}><a href={hrefFor({ page: 'subject', subject: s })}>{s}</a> has compatibility {level}</li>)}
                {Object.entries(adr.expects.groupType).map(([g, type]) => <li key={g}><a href={hrefFor({ page: 'group', groupId: g })}>{g}</a> is a {type} group</li>)}
              </ul>
              {adr.statusKind === 'accepted' && (drift.length === 0 ? <p className="ok-text small" data-testid="no-drift">The platform agrees with this decision.</p> : (
                <ul className="drift-list" data-testid="adr-drift">{drift.map((d) => <li key={`${d.kind}:${d.target}`} className="error-text">{d.message}</li>)}</ul>
              ))}
            </>
          )}
        </aside>
      </div>
      {superseding && <NewDecision adrs={all} supersedes={adr.number} onClose={() => setSuperseding(false)} />}
    </section>
  );
}
