// One subject: its versions (schema, id, references and who references it), a diff between any
// two versions, its compatibility level (changed through a preview), the decisions about it and
// any drift from them, and the draft of its next version.
import { useMemo, useState } from 'react';
import { prettySchema, diffFields } from '../../../../shared/governance/schema-diff';
import { useGovernanceOverview } from '../../api/governance';
import { useSchemaVersion, useSubjectVersions } from '../../api/registry';
import { useWorkspaceState } from '../../api/workspace';
import { CodeDiff, CodeEditor, languageForSchema } from '../../editor';
import { ErrorView, Loading } from '../../components/state-views';
import { hrefFor, navigate } from '../../router';
import { topicOfSubject } from '../../../../shared/topics/topics';
import { adrLabel } from '../decisions/adr-status';
import { CompatibilityDialog } from './compatibility-dialog';
import { ComplianceBar } from './compliance-bar';
import { SchemaDraft } from './schema-draft';
import { RegistryAdvice, RegistryProblem } from './registry-problem';

const tabs = ['schema', 'diff', 'references', 'draft'] as const;
type Tab = (typeof tabs)[number];

export function SubjectPage({ subject, tab }: { subject: string; tab?: string }) {
  const versions = useSubjectVersions(subject);
  const overview = useGovernanceOverview();
  const state = useWorkspaceState();
  const isNew = versions.isError && versions.error.error.code === 'NOT_FOUND';
  const list = versions.data?.versions ?? [];
  const latestVersion = list[list.length - 1] ?? null;
  const [version, setVersion] = useState<number | null>(null);
  const shown = version ?? latestVersion;
  const schema = useSchemaVersion(subject, shown ?? 'latest', { enabled: shown !== null });
  const latest = useSchemaVersion(subject, latestVersion ?? 'latest', { enabled: latestVersion !== null });
  const [changingCompatibility, setChangingCompatibility] = useState(false);
  // Kept here: registering a first version turns the page from "new subject" into the usual one.
  const [registered, setRegistered] = useState<number | null>(null);
  const active: Tab = isNew ? 'draft' : (tabs.find((t) => t === tab) ?? 'schema');
  const compliance = overview.data?.subjects.find((s) => s.subject === subject);
  const drift = overview.data?.drift.filter((d) => d.target === subject) ?? [];
  const adrs = (state.data?.workspace?.adrs ?? []).filter((a) => a.links.subjects.includes(subject) || subject in a.expects.compatibility);
  const expected = adrs.find((a) => a.statusKind === 'accepted' && a.expects.compatibility[subject])?.expects.compatibility[subject];

  // TopicNameStrategy: `<topic>-key` / `<topic>-value` belongs to that topic.
  const ofTopic = topicOfSubject(subject);
  if (versions.isPending && !versions.isError) return <Loading what={subject} />;
  if (versions.isError && !isNew && !versions.data) return <ErrorView error={versions.error} action={<RegistryAdvice error={versions.error} />} />;
  return (
    <section className="page">
      <header className="page-header">
        <a className="back" href="#/schemas">← Schemas</a>
        <h1 className="mono">{subject}</h1>
        {ofTopic && <a className="link-chip" href={hrefFor({ page: 'topic', topic: ofTopic.topic })} data-testid="subject-topic" title={`The ${ofTopic.part} schema of this topic (TopicNameStrategy)`}>topic {ofTopic.topic}</a>}
        {isNew ? <span className="badge state-moving">new subject</span> : (
          <>
            <span className="muted">{list.length} version{list.length === 1 ? '' : 's'}</span>
            <span>Compatibility <strong data-testid="subject-compatibility">{versions.data?.compatibility ?? '—'}</strong></span>
            <button type="button" onClick={() => setChangingCompatibility(true)} data-testid="change-compatibility">Change…</button>
            <span className="muted small">Mode {versions.data?.mode ?? '— (not reported)'}</span>
            {compliance && <ComplianceBar compliance={compliance} />}
          </>
        )}
        <div className="toolbar">{adrs.map((a) => <a key={a.number} className="link-chip" href={hrefFor({ page: 'decision', number: a.number })} data-testid="subject-adr">{adrLabel(a.number)} {a.title}</a>)}</div>
      </header>
      <RegistryProblem error={versions.data && !isNew ? versions.error : null} />
      {drift.map((d) => (
        <div key={d.kind + d.adr} className="conflict-banner" role="alert" data-testid="subject-drift">
          {d.message} <a href={hrefFor({ page: 'decision', number: d.adr })}>Read {adrLabel(d.adr)}</a>
          {d.kind === 'compatibility' && <button type="button" onClick={() => setChangingCompatibility(true)}>Set {d.expected}</button>}
        </div>
      ))}
      {registered !== null && <p className="ok-text" role="status" data-testid="registered">Registered {subject} version {registered}. The audit log has the record.</p>}
      <div className="tabs" role="tablist">
        {tabs.filter((t) => !isNew || t === 'draft').map((t) => (
          <button key={t} type="button" role="tab" aria-selected={active === t} className={active === t ? 'on' : ''} onClick={() => navigate({ page: 'subject', subject, tab: t })}>
            {t === 'draft' ? (isNew ? 'First version' : 'Next version (draft)') : t}
          </button>
        ))}
      </div>
      {active === 'schema' && (
        <div className="subject-schema">
          <div className="toolbar">
            <label className="inline-field">Version
              <select aria-label="Version" value={shown ?? ''} onChange={(e) => setVersion(Number(e.target.value))}>
                {[...list].reverse().map((v) => <option key={v} value={v}>{v}{v === latestVersion ? ' (latest)' : ''}</option>)}
              </select>
            </label>
            {schema.data && <span className="muted small">id {schema.data.id} · {schema.data.schemaType}</span>}
          </div>
          {schema.isError && <ErrorView error={schema.error} action={<RegistryAdvice error={schema.error} />} />}
          {schema.data && <CodeEditor path={`registry/${subject}/v${schema.data.version}`} language={languageForSchema(schema.data.schemaType)} value={prettySchema(schema.data.schemaType, schema.data.schema)} readOnly height="480px" />}
        </div>
      )}
      {active === 'diff' && <VersionDiff subject={subject} versions={list} />}
      {active === 'references' && schema.data && (
        <div className="columns-2">
          <div>
            <h2>References (version {schema.data.version} uses)</h2>
            {schema.data.references.length === 0 ? <p className="muted">None.</p> : (
              <ul data-testid="references">{schema.data.references.map((r) => <li key={r.name}><span className="mono">{r.name}</span> → <a href={hrefFor({ page: 'subject', subject: r.subject })}>{r.subject}</a> version {r.version}</li>)}</ul>
            )}
          </div>
          <div>
            <h2>Referenced by</h2>
            {schema.data.referencedBy.length === 0 ? <p className="muted">No schema references this version.</p> : (
              <ul data-testid="referenced-by">{schema.data.referencedBy.map((r) => <li key={`${r.subject}:${r.version}`}><a href={hrefFor({ page: 'subject', subject: r.subject })}>{r.subject}</a> version {r.version} (id {r.id})</li>)}</ul>
            )}
          </div>
        </div>
      )}
      {active === 'draft' && (isNew || latest.data) && <SchemaDraft subject={subject} latest={latest.data ? { schemaType: latest.data.schemaType, schema: latest.data.schema } : null} onRegistered={setRegistered} />}
      {active === 'draft' && !isNew && latest.isPending && <Loading what="the latest version" />}
      {changingCompatibility && <CompatibilityDialog subject={subject} current={versions.data?.compatibility ?? null} expected={expected} onClose={() => setChangingCompatibility(false)} />}
    </section>
  );
}

function VersionDiff({ subject, versions }: { subject: string; versions: number[] }) {
  const [from, setFrom] = useState(versions[Math.max(0, versions.length - 2)] ?? 1);
  const [to, setTo] = useState(versions[versions.length - 1] ?? 1);
  const left = useSchemaVersion(subject, from);
  const right = useSchemaVersion(subject, to);
  const changes = useMemo(() => (left.data && right.data && left.data.schemaType === right.data.schemaType ? diffFields(left.data.schemaType, left.data.schema, right.data.schema) : []), [left.data, right.data]);
  const pick = (label: string, value: number, set: (v: number) => void) => (
    <label className="inline-field">{label}<select aria-label={label} value={value} onChange={(e) => set(Number(e.target.value))}>{versions.map((v) => <option key={v} value={v}>{v}</option>)}</select></label>
  );
  return (
    <div className="version-diff">
      <div className="toolbar">{pick('From version', from, setFrom)}{pick('To version', to, setTo)}</div>
      {changes.length > 0 ? (
        <table className="grid compact" data-testid="version-changes"><thead><tr><th>Field</th><th>Change</th><th>Before</th><th>After</th></tr></thead>
          <tbody>{changes.map((c) => <tr key={c.path}><td className="mono">{c.path}</td><td>{c.change}</td><td className="mono">{c.before ?? ''}</td><td className="mono">{c.after ?? ''}</td></tr>)}</tbody></table>
      ) : <p className="muted small">{left.data && right.data ? 'No field was added, removed or retyped.' : ''}</p>}
      {left.data && right.data && <CodeDiff original={prettySchema(left.data.schemaType, left.data.schema)} modified={prettySchema(right.data.schemaType, right.data.schema)} language={languageForSchema(right.data.schemaType)} originalLabel={`Version ${from}`} modifiedLabel={`Version ${to}`} height="460px" />}
    </div>
  );
}
