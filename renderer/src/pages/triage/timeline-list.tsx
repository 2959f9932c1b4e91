// The timeline: newest first, each entry with its time, kind, who and what, the page it came from,
// and what is particular to it (a note's text, an action's outcome and command, a capture's chart).
import type { TimelineItem } from '../../../../shared/triage/timeline';
import { usePin, useTriageAttachment } from '../../api/triage';
import { Empty } from '../../components/state-views';
import { MarkdownPreview } from '../decisions/markdown-preview';

const resultTone = (result: string | null | undefined) => (result === 'applied' ? 'state-ok' : result === 'refused' ? 'state-moving' : result ? 'state-bad' : 'state-idle');
/** Only the console's own addresses are links: an entry from elsewhere (the team store) cannot lead out. */
const safeLink = (link: string | null) => (link && /^#\/[^\s]*$/.test(link) ? link : null);

function CaptureImage({ sessionId, file, alt }: { sessionId: string; file: string; alt: string }) {
  const image = useTriageAttachment(sessionId, file);
  if (!image.data) return <span className="small muted">{image.isError ? 'The chart could not be read.' : 'Loading the chart…'}</span>;
  return <img className="capture-image" src={`data:image/png;base64,${image.data.base64}`} alt={alt} data-testid="capture-image" />;
}

function Details({ item, sessionId }: { item: TimelineItem; sessionId: string }) {
  const e = item.entry;
  switch (e.kind) {
    case 'note':
      return <MarkdownPreview markdown={e.data.markdown} />;
    case 'action': {
      const result = item.outcome?.result ?? (e.data.phase === 'intent' ? 'pending' : e.data.result);
      return (
        <div className="small">
          <span className={`badge ${resultTone(result)}`} data-testid="action-result">{result}</span>
          {(item.outcome?.error ?? e.data.error) && <span className="muted"> {item.outcome?.error ?? e.data.error}</span>}
          {(item.outcome?.note ?? e.data.note) && <div className="muted">{item.outcome?.note ?? e.data.note}</div>}
          {(item.outcome?.command ?? e.data.command) && <pre className="command mono">{item.outcome?.command ?? e.data.command}</pre>}
        </div>
      );
    }
    case 'capture':
      return (
        <div>
          {e.data.image && <CaptureImage sessionId={sessionId} file={e.data.image.file} alt={e.title} />}
          <details className="small"><summary>Captured data</summary><pre className="mono capture-data">{JSON.stringify(e.data.data, null, 1).slice(0, 20_000)}</pre></details>
        </div>
      );
    case 'access':
      return <div className="small muted">{e.data.event === 'granted' ? `until ${new Date(e.data.expiresAt).toLocaleTimeString('en-GB')}` : e.data.event}: {e.data.reason}</div>;
    default:
      return null;
  }
}

export function TimelineList({ sessionId, items, editable }: { sessionId: string; items: TimelineItem[]; editable: boolean }) {
  const pin = usePin();
  if (items.length === 0) return <Empty title="Nothing here yet.">Watched changes, actions, captures and notes appear as they happen.</Empty>;
  return (
    <ol className="timeline" data-testid="timeline">
      {[...items].reverse().map((item) => {
        const e = item.entry;
        const link = safeLink(e.link);
        return (
          <li key={e.id} className={`timeline-item kind-${e.kind}${item.pinned ? ' pinned' : ''}`} data-testid="timeline-item" data-kind={e.kind}>
            <time className="mono small" dateTime={e.at} title={new Date(e.at).toLocaleString('en-GB')}>{new Date(e.at).toLocaleTimeString('en-GB')}</time>
            <span className="badge kind-badge">{item.pinned ? '★ ' : ''}{e.kind}</span>
            <div className="timeline-body">
              <div><strong data-testid="timeline-title">{e.title}</strong> <span className="small muted">{e.actor}{e.actor !== 'Sluice' ? ` · ${e.machine}` : ''}</span></div>
              <Details item={item} sessionId={sessionId} />
            </div>
            <div className="timeline-actions">
              {link && <a href={link} className="small">Open</a>}
              {editable && (e.kind !== 'pin' || e.data.entryId !== null) && (
                <button type="button" className="small-button" onClick={() => pin.mutate({ entryId: e.id, pinned: !item.pinned })} disabled={pin.isPending}>{item.pinned ? 'Unpin' : 'Pin'}</button>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
