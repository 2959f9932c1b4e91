// Kafka 4's dynamic group configs on the group page: session and heartbeat intervals of consumer,
// share and streams groups, share.auto.offset.reset…, shown with their source and changed through
// the same preview, production confirmation and audit as every action.
import { useState } from 'react';
import type { GroupType } from '../../../../shared/kafka/groups';
import { useAlterGroupConfigs, useGroupConfigs } from '../../api/kafka';
import { ErrorView, Loading } from '../../components/state-views';
import { ConfigEditDialog, type RunConfigChange } from '../topics/config-edit-dialog';
import { ConfigTable } from '../topics/config-table';

const appliesTo: Record<GroupType, string> = {
  consumer: 'consumer.*',
  share: 'share.*',
  streams: 'streams.*',
  classic: 'none of these: a classic group takes its timeouts from each consumer\'s own settings',
};

export function GroupConfigs({ groupId, type }: { groupId: string; type: GroupType }) {
  const configs = useGroupConfigs(groupId);
  const alter = useAlterGroupConfigs();
  const [editing, setEditing] = useState<{ name: string | null } | null>(null);
  const { mutate } = alter;
  const run: RunConfigChange = (request, callbacks) => mutate({ groupId, ...request }, callbacks);
  if (configs.isPending && !configs.isError) return <Loading what="the group's configs" />;
  if (!configs.data) return configs.error ? <ErrorView error={configs.error} /> : null;
  const prefix = `${type}.`;
  // The configs that apply to this group's type first.
  const ordered = [...configs.data.configs].sort((a, b) => Number(!a.name.startsWith(prefix)) - Number(!b.name.startsWith(prefix)) || a.name.localeCompare(b.name));
  return (
    <section data-testid="group-configs">
      <p className="muted small">Kafka 4 keeps these per group on the brokers (KIP-848, KIP-932, KIP-1071). For a {type} group, {appliesTo[type]} apply{type === 'classic' ? '' : '; a change reaches the members at their next heartbeat'}.</p>
      <div className="toolbar"><button type="button" onClick={() => { alter.reset(); setEditing({ name: null }); }} data-testid="change-group-configs">Change configs…</button></div>
      <ConfigTable configs={ordered} onEdit={(name) => { alter.reset(); setEditing({ name }); }} testId="group-config-table" />
      {editing && (
        <ConfigEditDialog title={<>Change configs of group <span className="mono">{groupId}</span></>} configs={configs.data.configs} initialName={editing.name}
          run={run} pending={alter.isPending} error={alter.error} onClose={() => setEditing(null)} />
      )}
    </section>
  );
}
