// Runs the soak child for a while and summarizes its memory: start, max, end, and the trend
// (least-squares slope over the second half, in MB per minute).
import { spawn } from 'node:child_process';
import { build } from 'esbuild';

export interface SoakResult { minutes: number; samples: number; startMb: number; maxMb: number; endMb: number; slopeMbPerMin: number; medianSweepMs: number; groups: number }

const mb = (bytes: number) => bytes / 1_048_576;

export function slope(points: Array<[number, number]>): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const num = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const den = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

/** The soak runs bundled JavaScript, as the app does, not TypeScript through a loader. */
async function bundleSoak(): Promise<string> {
  const outdir = 'bench-results/build';
  await build({
    entryPoints: { soak: 'test/bench/soak.ts', 'monitor-worker': 'main/kafka/monitor/monitor-worker.ts' },
    bundle: true, platform: 'node', format: 'esm', target: 'node22', outdir, outExtension: { '.js': '.mjs' },
    external: ['@platformatic/kafka', 'zod', 'ws'], logLevel: 'warning',
  });
  return `${outdir}/soak.mjs`;
}

export async function soak(brokers: string, minutes: number, log: (line: string) => void): Promise<SoakResult> {
  const entry = await bundleSoak();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [entry, brokers], { stdio: ['ignore', 'pipe', 'inherit'] });
    const samples: Array<{ at: number; rss: number; sweepMs: number; groups: number }> = [];
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let nl;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        try {
          const sample = JSON.parse(line);
          samples.push(sample);
          if (samples.length % 12 === 0) log(`  ${Math.round((sample.at - samples[0]!.at) / 60_000)} min: RSS ${mb(sample.rss).toFixed(0)} MB, sweep ${sample.sweepMs} ms`);
        } catch { /* a log line */ }
      }
    });
    child.once('error', reject);
    setTimeout(() => {
      child.kill('SIGTERM');
      if (samples.length === 0) return reject(new Error('The soak produced no samples.'));
      const start = samples[0]!;
      const secondHalf = samples.slice(Math.floor(samples.length / 2));
      const sweeps = samples.map((s) => s.sweepMs).sort((a, b) => a - b);
      resolve({
        minutes, samples: samples.length,
        startMb: mb(start.rss), maxMb: mb(Math.max(...samples.map((s) => s.rss))), endMb: mb(samples[samples.length - 1]!.rss),
        slopeMbPerMin: slope(secondHalf.map((s) => [(s.at - start.at) / 60_000, mb(s.rss)])),
        medianSweepMs: sweeps[Math.floor(sweeps.length / 2)]!, groups: start.groups,
      });
    }, minutes * 60_000);
  });
}
