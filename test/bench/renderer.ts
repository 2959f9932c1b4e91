/// <reference lib="dom" />
// The console in Chromium against web mode on the 10,000-group cluster: time from the groups data
// arriving to the table painted, a re-sort and a filter keystroke to paint, and scroll frame times.
import { launchChromium } from '../support/browser';
import { startConsoleServer } from '../support/console-server';

export interface RendererResult { rows: number; dataToPaintMs: number; sortToPaintMs: number; filterToPaintMs: number; scrollFrames: number; p50FrameMs: number; p95FrameMs: number; maxFrameMs: number; droppedFrames: number }

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;

export async function rendererBench(brokers: string, expectedGroups: number): Promise<RendererResult> {
  const server = await startConsoleServer(brokers, { SLUICE_CHECK_OUTPUTS: '0' }); // measured as users run it
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${server.url}/#token=${server.token}`);
    await page.waitForFunction((n) => document.querySelector('[data-testid=group-count]')?.textContent?.replace(/,/g, '').startsWith(String(n)), expectedGroups, { timeout: 120_000 });
    // The push that carried the complete list, and the first painted frame after it.
    const dataToPaintMs = await page.evaluate(() => {
      const data = performance.getEntriesByName('sluice:data:groups.list');
      const painted = performance.getEntriesByName('sluice:groups-painted');
      for (let i = data.length - 1; i >= 0; i--) {
        const after = painted.find((p) => p.startTime >= data[i]!.startTime);
        if (after) return after.startTime - data[i]!.startTime;
      }
      return -1;
    });
    const rows = await page.evaluate(() => Number(document.querySelector('[role=table]')?.getAttribute('aria-rowcount')));
    // Timed inside the page, from the event to the next painted frame, without the test driver's own latency.
    const interactionToPaint = (script: string) => page.evaluate<number>(`new Promise((resolve) => {
      performance.clearMarks('sluice:groups-painted');
      const t0 = performance.now();
      ${script};
      function wait() {
        const painted = performance.getEntriesByName('sluice:groups-painted')[0];
        if (painted) resolve(painted.startTime - t0); else requestAnimationFrame(wait);
      }
      requestAnimationFrame(wait);
    })`);
    const sortToPaintMs = await interactionToPaint(`[...document.querySelectorAll('[role=columnheader]')].find((h) => h.textContent.startsWith('Lag (offsets)')).click()`);
    const filterToPaintMs = await interactionToPaint(`(() => {
      const input = document.querySelector('input[aria-label="Filter groups"]');
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, '1');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    })()`);
    await page.getByLabel('Filter groups').fill('');
    await page.waitForTimeout(500);
    // Passed as a string: the TypeScript runner would otherwise wrap named functions in a helper
    // that does not exist in the page.
    const frames = await page.evaluate<number[]>(`new Promise((resolve) => {
      const scroller = document.querySelector('[data-testid=groups-scroller]');
      const deltas = [];
      let last = performance.now();
      let n = 0;
      function step(now) {
        deltas.push(now - last);
        last = now;
        scroller.scrollTop += 240;
        if (++n < 300) requestAnimationFrame(step);
        else resolve(deltas.slice(1));
      }
      requestAnimationFrame(step);
    })`);
    return { rows, dataToPaintMs, sortToPaintMs, filterToPaintMs, scrollFrames: frames.length, p50FrameMs: percentile(frames, 0.5), p95FrameMs: percentile(frames, 0.95), maxFrameMs: Math.max(...frames),
      // rAF times are vsync-aligned: a delta past ~1.5 intervals means at least one frame was missed.
      droppedFrames: frames.filter((d) => d > 25).length };
  } finally {
    await browser.close();
    await server.stop();
  }
}
