// Capture: freezes what a page shows into the active triage session — its data, and its chart as a
// PNG when there is one (uPlot draws on a canvas). Drop it into any page:
//   <CaptureButton view="topic" title={`Topic ${name}`} subject={{ kind: 'topic', id: name }} data={() => shown} chart="[data-testid=throughput-chart]" />
// It is disabled, and says why, while no session is active.
import { useState, type RefObject } from 'react';
import { triageLimits, type WatchTarget } from '../../../shared/triage/session';
import { useActiveSession, useCapture } from '../api/triage';

export interface CaptureButtonProps {
  /** Which view this is (group-history, mismatch, pipelines…): the postmortem reads known views' data. */
  view: string;
  /** One line for the timeline. */
  title: string;
  subject?: WatchTarget | null;
  /** What is on screen, as data (a function is called at the click, so it is read fresh). */
  data: unknown;
  /** Where the chart is: a CSS selector or a ref to an element that holds a canvas (or is one). */
  chart?: string | RefObject<HTMLElement | null>;
  /** The live page to jump back to; the current address by default. */
  link?: string;
}

/** Longest side of a captured chart; larger canvases (high-DPI screens) are scaled down. */
const MAX_SIDE = 1600;

/** The chart's canvas as a bounded PNG on an opaque background, or null when there is none (or it cannot be made small enough). */
export function chartAsPng(root: Element | null): { pngBase64: string; width: number; height: number } | null {
  const canvas = root instanceof HTMLCanvasElement ? root : root?.querySelector('canvas') ?? null;
  if (!canvas || canvas.width === 0 || canvas.height === 0) return null;
  const background = getComputedStyle(document.documentElement).getPropertyValue('--panel').trim() || '#ffffff';
  let scale = Math.min(1, MAX_SIDE / Math.max(canvas.width, canvas.height));
  for (let attempt = 0; attempt < 5; attempt++, scale *= 0.6) {
    const width = Math.max(1, Math.round(canvas.width * scale));
    const height = Math.max(1, Math.round(canvas.height * scale));
    try {
      const copy = document.createElement('canvas');
      copy.width = width;
      copy.height = height;
      const context = copy.getContext('2d');
      if (!context) return null;
      context.fillStyle = background;
      context.fillRect(0, 0, width, height);
      context.drawImage(canvas, 0, 0, width, height);
      const url = copy.toDataURL('image/png');
      if (!url.startsWith('data:image/png;base64,')) return null;
      const pngBase64 = url.slice('data:image/png;base64,'.length);
      if (pngBase64.length <= triageLimits.captureImage) return { pngBase64, width, height };
    } catch {
      return null;
    }
  }
  return null;
}

export function CaptureButton({ view, title, subject = null, data, chart, link }: CaptureButtonProps) {
  const active = useActiveSession();
  const capture = useCapture();
  const [done, setDone] = useState<string | null>(null);
  const session = active.data?.session ?? null;
  const onClick = () => {
    const root = typeof chart === 'string' ? document.querySelector(chart) : chart?.current ?? null;
    const image = chart ? chartAsPng(root) : null;
    const shown = typeof data === 'function' ? (data as () => unknown)() : data;
    setDone(null);
    capture.mutate({ view, title, subject, data: shown ?? null, image, link: link ?? (window.location.hash.startsWith('#/') ? window.location.hash : '#/groups') }, {
      onSuccess: (result) => setDone(result.image ? 'Captured, with the chart' : chart ? 'Captured (the chart could not be kept)' : 'Captured'),
    });
  };
  return (
    <span className="capture">
      <button type="button" data-testid="capture-button" onClick={onClick} disabled={!session || capture.isPending}
        title={session ? `Freeze this view into the triage session “${session.title}”` : 'Start a triage session to capture what this page shows'}>
        Capture
      </button>
      {done && <span className="small muted" role="status" data-testid="capture-done">{done}</span>}
      {capture.isError && <span className="small bad" role="alert">{capture.error.message}</span>}
    </span>
  );
}
