// A real chart (uPlot: small, fast, canvas) for time series, themed from the console's CSS
// variables so it reads in light and dark mode.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface Series {
  label: string;
  values: Array<number | null>;
  color: string;
  /** Draw as steps (epochs, change-only samples) rather than lines. */
  stepped?: boolean;
  /** A second y scale (drawn on the right) for values in other units, such as seconds. */
  scale?: 'right';
}

const palette = ['#6366f1', '#f59e0b', '#10b981', '#ef4444', '#06b6d4', '#a855f7', '#84cc16', '#f97316', '#3b82f6', '#ec4899'];
export const seriesColor = (i: number) => palette[i % palette.length]!;

function cssVar(name: string) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#888';
}

export function TimeSeriesChart({ times, series, height = 220, title, testId }: { times: number[]; series: Series[]; height?: number; title: string; testId?: string }) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  // The chart is rebuilt only when the set of series changes (not their values): this string is
  // everything the build reads from them, so data updates go through setData below.
  const shape = JSON.stringify(series.map((s) => ({ label: s.label, color: s.color, stepped: !!s.stepped, scale: s.scale ?? null })));

  useEffect(() => {
    if (!host.current) return;
    const layout = JSON.parse(shape) as Array<{ label: string; color: string; stepped: boolean; scale: 'right' | null }>;
    const axis = { stroke: cssVar('--muted'), grid: { stroke: cssVar('--border'), width: 1 }, ticks: { stroke: cssVar('--border') } };
    const options: uPlot.Options = {
      width: host.current.clientWidth || 600,
      height,
      title,
      scales: { x: { time: true } },
      axes: [axis, { ...axis, size: 60 }, ...(layout.some((s) => s.scale === 'right') ? [{ ...axis, scale: 'right', side: 1, size: 60, grid: { show: false } }] : [])],
      legend: { live: true },
      series: [{}, ...layout.map((s) => ({
        label: s.label, stroke: s.color, width: 2, spanGaps: false,
        ...(s.scale ? { scale: s.scale } : {}),
        ...(s.stepped ? { paths: uPlot.paths.stepped!({ align: 1 }) } : {}),
      }))],
    };
    plot.current = new uPlot(options, [[], ...layout.map(() => [])], host.current);
    const resize = new ResizeObserver(() => plot.current?.setSize({ width: host.current!.clientWidth, height }));
    resize.observe(host.current);
    return () => {
      resize.disconnect();
      plot.current?.destroy();
      plot.current = null;
    };
  }, [shape, height, title]);

  useEffect(() => {
    plot.current?.setData([times.map((t) => t / 1000), ...series.map((s) => s.values)] as uPlot.AlignedData);
  }, [times, series]);

  return <div className="chart" ref={host} data-testid={testId} />;
}
