// The hang bench (`npm run bench -- --only=hang`): how soon the console says its data is old when
// the broker hangs, and how soon it is current again. The monitor runs as the app runs it (in its
// worker thread) over 10,000 groups on a broker of the bench's own, which is frozen with SIGSTOP
// (sockets open, no answers: a hung broker) at a random moment of the sweep cycle and thawed
// later. Measured from the freeze: the first groups.list answer that is not current (what the
// page's banner shows, pushed at once by the monitor's change), and how long an open group page's
// describe then takes; from the thaw: the first current list. Target: the banner within 5 s.
import { GroupsService } from '../../main/kafka/groups-service';
import { MonitorHost } from '../../main/kafka/monitor/monitor-host';
import { PlatformaticKafka } from '../../main/kafka/platformatic-kafka';
import type { PrivateBroker } from '../support/private-broker';
import { median } from './sweep';
import { groupName } from './scale';

export interface HangRecord {
  /** From SIGSTOP to the first list answer marked overdue or failing. */
  staleAfterMs: number | null;
  /** How long a group page's describe took once the list was stale. */
  describeMs: number | null;
  describeStatus: string | null;
  /** From SIGCONT to the first current list. */
  currentAfterMs: number | null;
}

export interface HangResult {
  hangs: HangRecord[];
  medianStaleMs: number | null;
  maxStaleMs: number | null;
  medianRecoveryMs: number | null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const settings = (bootstrap: string) => ({ bootstrapBrokers: [bootstrap], tls: { enabled: false, verifyServerCertificate: true, caCertificate: null }, sasl: { mechanism: 'none' as const, username: '', password: null } });

export async function hangBench(broker: PrivateBroker, hangs: number, holdMs: number, log: (line: string) => void): Promise<HangResult> {
  const monitor = new MonitorHost(settings(broker.bootstrap), { intervalMs: 5_000 });
  const client = new PlatformaticKafka(settings(broker.bootstrap));
  const groups = new GroupsService(client, monitor);
  const sample = groupName(7);
  /** The list's status, asked at once on every change the monitor tells and every 100 ms besides. */
  const status = async () => (await monitor.groupList()).freshness.status;
  const waitFor = async (wanted: (s: string) => boolean, timeoutMs: number): Promise<number | null> => {
    const from = Date.now();
    let changed = false;
    const off = monitor.onChange(() => { changed = true; });
    try {
      while (Date.now() - from < timeoutMs) {
        if (wanted(await status().catch(() => 'error'))) return Date.now();
        const until = Date.now() + 100;
        while (!changed && Date.now() < until) await sleep(10);
        changed = false;
      }
      return null;
    } finally { off(); }
  };
  const records: HangRecord[] = [];
  try {
    if ((await waitFor((s) => s === 'current', 300_000)) === null) throw new Error('The monitor never had a current list.');
    await groups.describeLive(sample);
    for (let i = 0; i < hangs; i++) {
      // A random moment of the 5-s sweep cycle: just after a sweep, or in the middle of one.
      await sleep(10_000 + Math.random() * 5_000);
      await groups.describeLive(sample);
      const frozenAt = Date.now();
      broker.freeze();
      let record: HangRecord;
      try {
        const staleAt = await waitFor((s) => s === 'overdue' || s === 'failing', 60_000);
        const asked = Date.now();
        const detail = await groups.describeLive(sample).catch(() => null);
        record = { staleAfterMs: staleAt === null ? null : staleAt - frozenAt, describeMs: Date.now() - asked, describeStatus: detail?.freshness.status ?? 'error', currentAfterMs: null };
        await sleep(Math.max(0, holdMs - (Date.now() - frozenAt)));
      } finally {
        broker.thaw();
      }
      const thawedAt = Date.now();
      const currentAt = await waitFor((s) => s === 'current', 120_000);
      record.currentAfterMs = currentAt === null ? null : currentAt - thawedAt;
      records.push(record);
      log(`   hang ${i + 1}: banner after ${record.staleAfterMs === null ? 'NEVER' : `${(record.staleAfterMs / 1000).toFixed(1)} s`}; group page's describe then ${record.describeMs} ms (${record.describeStatus}); current ${record.currentAfterMs === null ? 'NOT within 2 min' : `${(record.currentAfterMs / 1000).toFixed(1)} s`} after the thaw`);
    }
  } finally {
    broker.thaw();
    await monitor.close();
    await client.close();
  }
  const stale = records.flatMap((r) => (r.staleAfterMs === null ? [] : [r.staleAfterMs]));
  const recovered = records.flatMap((r) => (r.currentAfterMs === null ? [] : [r.currentAfterMs]));
  return {
    hangs: records,
    medianStaleMs: stale.length ? median(stale) : null,
    maxStaleMs: stale.length ? Math.max(...stale) : null,
    medianRecoveryMs: recovered.length ? median(recovered) : null,
  };
}
