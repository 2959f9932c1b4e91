// One group: KIP-848 epochs (or the classic protocol), members with their reconciliation state,
// and lag per partition. Live by push from main.
import { useState } from 'react';
import { CaptureButton } from '../../components/capture-button';
import { DecisionLinks } from '../../components/decision-links';
import { groupDetailCapture } from '../../../../shared/triage/captures';
import type { GroupDetail, GroupMember, PartitionOffset } from '../../../../shared/kafka/groups';
import { formatAssignment, memberReconciliation, partitionCount } from '../../../../shared/kafka/reconciliation';
import { totalLag } from '../../../../shared/kafka/lag';
import { useGroup, useGroupHealth } from '../../api/kafka';
import { formatNumber, StateBadge, TypeBadge } from '../../components/badges';
import { formatSeconds, formatTime } from '../../components/format';
import { HealthBadge } from '../../components/health-badge';
import { Empty, ErrorView, Loading, StaleBanner } from '../../components/state-views';
import { DataAgeBanner } from '../../components/stale-banner';
import { hrefFor } from '../../router';
import { DeleteDialog } from './delete-dialog';
import { GroupConfigs } from './group-configs';
import { HealthPanel } from './health-panel';
import { HistoryPanel } from './history-panel';
import { ResetDialog } from './reset-dialog';

function Fact({ label, value, testId }: { label: string; value: React.ReactNode; testId?: string }) {
  return (
    <div className="fact">
      <div className="fact-label">{label}</div>
      <div className="fact-value" data-testid={testId}>{value}</div>
    </div>
  );
}

function Facts({ group }: { group: GroupDetail }) {
  const lag = totalLag(group.offsets.map((o) => o.lag));
  const coordinator = group.coordinator ? `${group.coordinator.host}:${group.coordinator.port} (${group.coordinator.nodeId})` : '—';
  return (
    <div className="facts">
      {group.type === 'consumer' ? (
        <>
          <Fact label="Group epoch" value={formatNumber(group.groupEpoch)} testId="group-epoch" />
          <Fact label="Assignment epoch" value={formatNumber(group.assignmentEpoch)} testId="assignment-epoch" />
          <Fact label="Assignor" value={group.assignor ?? '—'} testId="assignor" />
        </>
      ) : (
        <>
          <Fact label="Protocol type" value={group.protocolType ?? '—'} />
          <Fact label="Assignment strategy" value={group.protocol ?? '—'} testId="protocol" />
        </>
      )}
      <Fact label="Members" value={group.members.length} testId="member-count" />
      <Fact label="Total lag" value={lag === null ? 'no offset' : formatNumber(lag)} testId="total-lag" />
      <Fact label="Coordinator" value={coordinator} />
    </div>
  );
}

function MemberRow({ member, groupEpoch }: { member: GroupMember; groupEpoch: number | null }) {
  const r = memberReconciliation(member, groupEpoch);
  return (
    <tr data-testid="member-row" className={r.reconciling ? 'reconciling' : ''}>
      <td className="mono ellipsis" title={member.memberId}>{member.memberId}</td>
      <td>{member.clientId}{member.protocol === 'classic' && <span className="badge type-classic" title="This member still speaks the classic protocol inside a KIP-848 group: an online migration" data-testid="classic-member">classic protocol</span>}</td>
      <td className="mono">{member.host}</td>
      <td>{member.instanceId ?? '—'}</td>
      <td>{member.rack ?? '—'}</td>
      {groupEpoch !== null && (
        <td className="num" data-testid="member-epoch">
          {formatNumber(member.memberEpoch)}
          {r.epochBehind && <span className="badge state-moving" title="Member epoch is behind the group epoch">behind</span>}
        </td>
      )}
      <td className="mono small">{member.subscribedTopicRegex ? `/${member.subscribedTopicRegex}/` : (member.subscribedTopics ?? []).join(', ') || '—'}</td>
      <td className="mono small" data-testid="member-assignment">{formatAssignment(member.assignment) || '—'} <span className="muted">({partitionCount(member.assignment)})</span></td>
      {groupEpoch !== null && (
        <td className="small" data-testid="member-reconciliation">
          {r.reconciling ? (
            <div className="reconcile">
              <span className="badge state-moving">reconciling</span>
              {member.epochBehindSince ? <span className="muted" data-testid="behind-since"> behind the group epoch since {formatTime(member.epochBehindSince)}</span> : null}
              {r.toRevoke.length > 0 && <div>to revoke: <span className="mono">{formatAssignment(r.toRevoke)}</span></div>}
              {r.toAssign.length > 0 && <div>to assign: <span className="mono">{formatAssignment(r.toAssign)}</span></div>}
            </div>
          ) : <span className="badge state-ok">reconciled</span>}
        </td>
      )}
    </tr>
  );
}

function MembersTable({ group }: { group: GroupDetail }) {
  if (group.members.length === 0) return <Empty title="No active members.">The group keeps its committed offsets until they expire.</Empty>;
  const kip848 = group.type === 'consumer';
  const classicMembers = group.members.filter((m) => m.protocol === 'classic').length;
  return (
    <div className="scroll-x">
      {kip848 && classicMembers > 0 && (
        <p className="stale-banner" data-testid="migration-banner">Protocol migration in progress: {classicMembers} of {group.members.length} members still use the classic protocol inside this KIP-848 group.</p>
      )}
      <table className="grid" data-testid="members-table">
        <thead>
          <tr>
            <th>Member id</th><th>Client id</th><th>Host</th><th>Instance id</th><th>Rack</th>
            {kip848 && <th className="num">Member epoch</th>}
            <th>Subscribed</th><th>Assignment</th>
            {kip848 && <th>Reconciliation</th>}
          </tr>
        </thead>
        <tbody>
          {group.members.map((m) => <MemberRow key={m.memberId} member={m} groupEpoch={kip848 ? group.groupEpoch : null} />)}
        </tbody>
      </table>
    </div>
  );
}

function OffsetsTable({ groupId, offsets, members }: { groupId: string; offsets: PartitionOffset[]; members: GroupMember[] }) {
  const health = useGroupHealth(groupId);
  if (offsets.length === 0) return <Empty title="No committed offsets and no assigned partitions." />;
  const clientOf = new Map(members.map((m) => [m.memberId, m.clientId]));
  const healthOf = new Map((health.data?.partitions ?? []).map((p) => [`${p.topic}-${p.partition}`, p]));
  return (
    <table className="grid" data-testid="offsets-table">
      <thead>
        <tr><th>Topic</th><th className="num">Partition</th><th className="num">Committed offset</th><th className="num">Log-end offset</th><th className="num">Lag</th><th className="num" title="Interpolation model">Lag (time)</th><th>Health</th><th>Owner</th></tr>
      </thead>
      <tbody>
        {offsets.map((o) => (
          <tr key={`${o.topic}-${o.partition}`} data-testid="offset-row">
            <td className="mono"><a href={hrefFor({ page: 'topic', topic: o.topic })} data-testid="offset-topic-link">{o.topic}</a></td>
            <td className="num">{o.partition}</td>
            <td className="num">{o.committedOffset === null ? <span className="muted" title="The group has not committed an offset on this partition">no offset</span> : formatNumber(o.committedOffset)}</td>
            <td className="num">{formatNumber(o.logEndOffset)}</td>
            <td className="num" data-testid="partition-lag">{o.lag === null ? <span className="muted">—</span> : formatNumber(o.lag)}</td>
            <td className="num">{(() => { const h = healthOf.get(`${o.topic}-${o.partition}`); return h ? `${h.lagSeconds.atLeast ? '≥ ' : ''}${formatSeconds(h.lagSeconds.interpolated)}` : '—'; })()}</td>
            <td>{(() => { const h = healthOf.get(`${o.topic}-${o.partition}`); return h ? <HealthBadge status={h.status} title={h.rule} /> : <span className="muted">—</span>; })()}</td>
            <td className="ellipsis" title={o.memberId ?? ''}>{o.memberId ? clientOf.get(o.memberId) ?? o.memberId : <span className="muted">unassigned</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

type Tab = 'overview' | 'health' | 'history' | 'configs';

function Actions({ group }: { group: GroupDetail }) {
  const [dialog, setDialog] = useState<{ kind: 'reset' } | { kind: 'delete'; topic: string | null } | null>(null);
  const topics = [...new Set(group.offsets.filter((o) => o.committedOffset !== null).map((o) => o.topic))];
  const canChangeOffsets = group.type === 'classic' || group.type === 'consumer';
  if (!canChangeOffsets) return null;
  return (
    <div className="actions group-actions">
      <button type="button" data-testid="reset-offsets" onClick={() => setDialog({ kind: 'reset' })}>Reset offsets…</button>
      {topics.length > 0 && (
        <select aria-label="Delete offsets for a topic" value="" onChange={(e) => e.target.value && setDialog({ kind: 'delete', topic: e.target.value })}>
          <option value="">Delete offsets for…</option>
          {topics.map((t) => <option key={t} value={t}>{t}</option>)}
        </select>
      )}
      <button type="button" className="danger" onClick={() => setDialog({ kind: 'delete', topic: null })}>Delete group…</button>
      {dialog?.kind === 'reset' && <ResetDialog group={group} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'delete' && <DeleteDialog group={group} topic={dialog.topic} onClose={() => setDialog(null)} />}
    </div>
  );
}

export function GroupPage({ groupId }: { groupId: string }) {
  const group = useGroup(groupId);
  const [tab, setTab] = useState<Tab>('overview');
  return (
    <section className="page">
      <header className="page-header">
        <a href="#/groups" className="back">← Consumer groups</a>
        <h1 className="mono" data-testid="group-title">{groupId}</h1>
        {group.data && (
          <div className="badges">
            <TypeBadge type={group.data.type} />
            <StateBadge state={group.data.state} />
          </div>
        )}
        {group.data && <Actions group={group.data} />}
        {group.data && tab === 'overview' && <CaptureButton view="group" title={`Group ${groupId}: ${group.data.state}, ${group.data.members.length} members`} subject={{ kind: 'group', id: groupId }} data={() => groupDetailCapture(group.data!, Date.now())} />}
        <DecisionLinks links={[{ kind: 'groups', name: groupId }, ...[...new Set(group.data?.offsets.map((o) => o.topic) ?? [])].map((name) => ({ kind: 'topics' as const, name }))]} />
      </header>
      <StaleBanner error={group.data ? group.error : null} />
      <DataAgeBanner freshness={group.data?.freshness} />
      {group.isPending && !group.isError && <Loading what="the group" />}
      {group.isError && !group.data && <ErrorView error={group.error} />}
      {group.data && (
        <>
          <Facts group={group.data} />
          <div className="tabs" role="tablist">
            {(['overview', 'health', 'history', 'configs'] as const).map((t) => (
              <button key={t} type="button" role="tab" aria-selected={tab === t} className={tab === t ? 'on' : ''} onClick={() => setTab(t)}>
                {{ overview: 'Members & partitions', health: 'Health', history: 'History', configs: 'Configs' }[t]}
              </button>
            ))}
          </div>
          {tab === 'overview' && (
            <>
              <h2>Members</h2>
              <MembersTable group={group.data} />
              <h2>Partitions</h2>
              <OffsetsTable groupId={groupId} offsets={group.data.offsets} members={group.data.members} />
            </>
          )}
          {tab === 'health' && <HealthPanel groupId={groupId} />}
          {tab === 'history' && <HistoryPanel groupId={groupId} />}
          {tab === 'configs' && <GroupConfigs groupId={groupId} type={group.data.type} />}
        </>
      )}
    </section>
  );
}
