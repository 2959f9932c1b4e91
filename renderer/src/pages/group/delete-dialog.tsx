// Delete a group, or its committed offsets for one topic: preview, then apply.
import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { GroupDetail } from '../../../../shared/kafka/groups';
import { useAction } from '../../api/hooks';
import { formatNumber } from '../../components/badges';
import { navigate } from '../../router';
import { ConfirmApply } from './confirm-apply';

export function DeleteDialog({ group, topic, onClose }: { group: GroupDetail; topic: string | null; onClose: () => void }) {
  const deleteGroup = useAction('groups.delete');
  const deleteOffsets = useAction('groups.deleteOffsets');
  const action = topic === null ? deleteGroup : deleteOffsets;
  const client = useQueryClient();
  const [done, setDone] = useState(false);
  const run = (dryRun: boolean, confirmation?: string) => {
    const onSuccess = () => {
      if (dryRun) return;
      setDone(true);
      void client.invalidateQueries();
    };
    if (topic === null) deleteGroup.mutate({ groupId: group.groupId, dryRun, confirmation }, { onSuccess });
    else deleteOffsets.mutate({ groupId: group.groupId, topic, dryRun, confirmation }, { onSuccess });
  };
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => run(true), []);
  const preview = action.data;
  return (
    <div className="dialog-backdrop" role="presentation" onKeyDown={(e) => { if (e.key === 'Escape') onClose(); }}>
      <div className="dialog card" role="dialog" aria-modal="true" aria-label={topic === null ? 'Delete group' : 'Delete offsets'}>
        <h2>{topic === null ? <>Delete group <span className="mono">{group.groupId}</span></> : <>Delete offsets of <span className="mono">{group.groupId}</span> for <span className="mono">{topic}</span></>}</h2>
        {!preview && action.isPending && <p className="muted">Previewing…</p>}
        {preview && (
          <>
            <p>{topic === null ? 'The group and all its committed offsets will be removed:' : 'These committed offsets will be removed:'}</p>
            <table className="grid compact"><tbody>
              {preview.partitions.map((p) => <tr key={`${p.topic}-${p.partition}`}><td className="mono">{p.topic}-{p.partition}</td><td className="num">{formatNumber(p.committedOffset)}</td></tr>)}
            </tbody></table>
            {done ? (
              <div className="actions"><span className="ok-text" role="status">Deleted and recorded in the audit log.</span><span className="spacer" />
                <button type="button" className="primary" onClick={() => { onClose(); if (topic === null) navigate({ page: 'groups' }); }}>Done</button></div>
            ) : (
              <ConfirmApply blockedReason={preview.blockedReason} requiresConfirmation={preview.requiresConfirmation} command={preview.command}
                applying={action.isPending} label={topic === null ? 'Delete group' : 'Delete offsets'} onApply={(c) => run(false, c)} onCancel={onClose} />
            )}
          </>
        )}
        {action.error && <p className="error-text" role="alert">{action.error.message}</p>}
        {!preview && action.error && <div className="actions"><button type="button" onClick={onClose}>Close</button></div>}
      </div>
    </div>
  );
}
