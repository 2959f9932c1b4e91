import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClusterProbe } from '../../../../../main/kafka/monitor/cluster-probe';

// The probe on a fake clock: a broker that stops answering is noticed two seconds after the
// unanswered question was sent, and an answer ends the silence; changes are told once each.
describe('ClusterProbe', () => {
  beforeEach(() => { vi.useFakeTimers(); vi.setSystemTime(1_000_000); });
  afterEach(() => vi.useRealTimers());

  /** A cluster whose answers the test releases: `hang` makes the next questions wait. */
  function cluster() {
    let hung = false;
    const waiting: Array<() => void> = [];
    const ask = vi.fn(() => (hung ? new Promise<void>((resolve) => waiting.push(resolve)) : Promise.resolve()));
    return { ask, hang: () => { hung = true; }, thaw: () => { hung = false; for (const answer of waiting.splice(0)) answer(); } };
  }

  it('asks about once a second while the cluster answers, and never calls it silent', async () => {
    const c = cluster();
    const changed = vi.fn();
    const probe = new ClusterProbe(c.ask, changed);
    probe.start();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(c.ask.mock.calls.length).toBeGreaterThanOrEqual(9);
    expect(c.ask.mock.calls.length).toBeLessThanOrEqual(11);
    expect(probe.silentSince).toBeNull();
    expect(changed).not.toHaveBeenCalled();
    probe.stop();
  });

  it('calls a hung cluster silent within 3 s of the hang, dated from the unanswered question, and ends the silence on its answer', async () => {
    const c = cluster();
    const changed = vi.fn();
    const probe = new ClusterProbe(c.ask, changed);
    probe.start();
    await vi.advanceTimersByTimeAsync(1_500);
    const hungAt = Date.now();
    c.hang();
    await vi.advanceTimersByTimeAsync(3_000);
    expect(probe.silentSince).not.toBeNull();
    expect(probe.silentSince!).toBeGreaterThanOrEqual(hungAt);
    expect(probe.silentSince!).toBeLessThanOrEqual(hungAt + 1_000);
    expect(changed).toHaveBeenCalledTimes(1);
    // The wait grows; nothing more is told, and no questions pile up behind the unanswered one.
    const asked = c.ask.mock.calls.length;
    await vi.advanceTimersByTimeAsync(20_000);
    expect(changed).toHaveBeenCalledTimes(1);
    expect(c.ask.mock.calls.length).toBe(asked);
    c.thaw();
    await vi.advanceTimersByTimeAsync(0);
    expect(probe.silentSince).toBeNull();
    expect(changed).toHaveBeenCalledTimes(2);
    probe.stop();
  });

  it('calls a cluster that refuses the question silent at once', async () => {
    const changed = vi.fn();
    const probe = new ClusterProbe(() => Promise.reject(new Error('ECONNREFUSED')), changed);
    probe.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(probe.silentSince).toBe(1_000_000);
    expect(changed).toHaveBeenCalledTimes(1);
    probe.stop();
  });

  it('tells nothing after it is stopped', async () => {
    const c = cluster();
    const changed = vi.fn();
    const probe = new ClusterProbe(c.ask, changed);
    probe.start();
    c.hang();
    await vi.advanceTimersByTimeAsync(500);
    probe.stop();
    await vi.advanceTimersByTimeAsync(10_000);
    c.thaw();
    await vi.advanceTimersByTimeAsync(0);
    expect(changed).not.toHaveBeenCalled();
  });
});
