// The decisions about what a page shows: ADRs whose front matter links to this group, topic,
// table, subject or term (or states an expectation about it). Superseded and rejected records are
// history, not guidance, and are left out.
import type { LinkKind } from '../../../shared/workspace/adr';
import { useWorkspaceState } from '../api/workspace';
import { hrefFor } from '../router';

export function DecisionLinks({ links }: { links: Array<{ kind: LinkKind; name: string }> }) {
  const state = useWorkspaceState();
  const adrs = (state.data?.workspace?.adrs ?? []).filter((a) => a.statusKind !== 'superseded' && a.statusKind !== 'rejected' && links.some(({ kind, name }) =>
    a.links[kind].includes(name) || (kind === 'subjects' && name in a.expects.compatibility) || (kind === 'groups' && name in a.expects.groupType)));
  if (adrs.length === 0) return null;
  return (
    <div className="decision-links small" data-testid="decision-links">
      <span className="muted">Decisions:</span>
      {adrs.map((a) => (
        <a key={a.number} className="link-chip" href={hrefFor({ page: 'decision', number: a.number })} title={a.status}>
          ADR-{String(a.number).padStart(4, '0')} {a.title}
        </a>
      ))}
    </div>
  );
}
