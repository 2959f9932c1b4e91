// Delete a group, or its committed offsets for one topic: preview, then apply.
import { useCallback, useEffect, useState } from 'react';
import type { GroupDetail } from '../../../../shared/kafka/groups';
import { useDeleteGroup, useDeleteOffsets } from '../../api/kafka';
import { formatNumber } from '../../components/badges';
import { navigate } from '../../router';
import { ConfirmApply } from './confirm-apply';

export function DeleteDialog({ group, topic, onClose }: { group: GroupDetail; topic: string | null; onClose: () => void }) {
  const deleteGroup = useDeleteGroup();
  const deleteOffsets = useDeleteOffsets();
  const action = topic === null ? deleteGroup : deleteOffsets;
  const [done, setDone] = useState(false);
  const { groupId } = group;
  // Stable across renders (react-query's mutate), so the preview runs once when the dialog opens.
  const { mutate: mutateGroup } = deleteGroup;
  const { mutate: mutateOffsets } = deleteOffsets;
  const run = useCallback((dryRun: boolean, confirmation?: string) => {
    // What a delete makes stale is refreshed by the hook, as the contract declares.
    const onSuccess = () => { if (!dryRun) setDone(true); };
    if (topic === null) mutateGroup({ groupId, dryRun, confirmation }, { onSuccess });
    else mutateOffsets({ groupId, topic, dryRun, confirmation }, { onSuccess });
  }, [mutateGroup, mutateOffsets, groupId, topic]);
  useEffect(() => run(true), [run]);
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
