// Issue 10's faults, against the real parts: every control action is recorded as it really
// happened. A full disk refuses the action before anything changes (real broker); answers lost
// between Sluice and the Schema Registry or the verification API (a proxy in front of the real
// service closes, hangs, fails with 500 or delays after the service applied the change) are
// answered and recorded as applied, read back from the target.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GroupDetail, GroupSummary } from '../../shared/kafka/groups';
import type { Mismatch, MismatchPage } from '../../shared/replication/verification';
import { runClients } from '../../sandbox/sandbox-clients';
import { auditActions } from '../support/audit';
import { testBrokers, testRegistryUrl, uniqueSuffix } from '../support/brokers';
import { eventually, startHarness, type Harness } from '../support/bridge-harness';
import { startFaultProxy, type Fault, type FaultProxy } from '../support/fault-proxy';
import { consumerGroupCommand, deleteTestArtifacts, parseTables } from '../support/kafka-cli';
import { startTestServices, type TestServices } from '../support/reference-services';
import { canMountTmpfs, mountSmallDisk, whyNoTmpfs, type SmallDisk } from '../support/small-disk';

const id = uniqueSuffix();

describe.skipIf(!canMountTmpfs)(`a full disk (${canMountTmpfs ? 'tmpfs' : whyNoTmpfs})`, () => {
  const topic = `it-disk-${id}`;
  const group = `it-disk-idle-${id}`;
  let disk: SmallDisk;
  let harness: Harness;

  beforeAll(async () => {
    disk = mountSmallDisk('4m');
    harness = await startHarness(testBrokers, { dataDir: disk.dir });
    await (await runClients(`topic name=${topic} partitions=2\nproduceOnce topic=${topic} count=20\ngroup id=${group} protocol=classic topic=${topic} members=1 stopAfter=10 maxPollRecords=5 closeAfter=true`, { brokers: testBrokers })).stop();
    await eventually('the group to commit and leave', async () => (await harness.value<{ groups: GroupSummary[] }>('groups.list')).groups.find((g) => g.groupId === group)?.state === 'Empty', 90_000);
  }, 180_000);
  afterAll(async () => {
    await harness?.close();
    disk?.unmount();
    await deleteTestArtifacts([group], [topic]);
  });

  it('refuses a reset whose intent cannot be written, and the broker keeps its offsets', async () => {
    const plan = await harness.value<{ partitions: Array<{ topic: string; partition: number; currentOffset: number | null }> }>('groups.resetOffsets', { groupId: group, to: { kind: 'earliest' }, dryRun: true });
    const expectedCurrent = plan.partitions.map((r) => ({ topic: r.topic, partition: r.partition, offset: r.currentOffset }));
    expect(expectedCurrent.some((e) => e.offset !== 0)).toBe(true); // applying would change something
    const cliBefore = parseTables(await consumerGroupCommand('--describe', '--group', group, '--offsets')).map((r) => r['CURRENT-OFFSET']);
    const filler = disk.fill();
    try {
      const answer = await harness.rpc('groups.resetOffsets', { groupId: group, to: { kind: 'earliest' }, dryRun: false, expectedCurrent });
      expect(answer.status).toBe(507);
      expect(answer.body.error).toMatchObject({ code: 'AUDIT_UNAVAILABLE', message: expect.stringContaining('nothing was changed') });
      const cliAfter = parseTables(await consumerGroupCommand('--describe', '--group', group, '--offsets')).map((r) => r['CURRENT-OFFSET']);
      expect(cliAfter).toEqual(cliBefore);
    } finally {
      (await import('node:fs')).rmSync(filler);
    }
    // Space is back: the same apply goes through, with its intent and outcome.
    await harness.value('groups.resetOffsets', { groupId: group, to: { kind: 'earliest' }, dryRun: false, expectedCurrent });
    const detail = await harness.value<GroupDetail>('groups.describe', { groupId: group });
    expect(detail.offsets.map((o) => o.committedOffset)).toEqual([0, 0]);
    expect(auditActions(harness.dataDir).filter((a) => a.action === 'groups.resetOffsets').map((a) => a.result)).toEqual(['applied']);
  });
});

const lostAnswers: Array<[Fault, number | undefined]> = [['close-after-apply', undefined], ['500-after-apply', undefined], ['hang-after-apply', 1], ['slow', undefined]];

describe('Schema Registry answers lost after it applied the change', () => {
  let proxy: FaultProxy;
  let harness: Harness;
  const subject = (fault: string) => `it-lost-${fault}-${id}-value`;
  const schema = (n: number) => JSON.stringify({ type: 'record', name: `Lost${n}`, namespace: `it${id}`, fields: [{ name: 'payId', type: 'string' }] });

  beforeAll(async () => {
    proxy = await startFaultProxy(testRegistryUrl);
    harness = await startHarness(testBrokers, { env: { SLUICE_REGISTRY_URL: proxy.url }, exampleWorkspace: true });
  }, 120_000);
  afterAll(async () => {
    await harness?.close();
    await proxy?.close();
  });

  it.each(lostAnswers)('registration, %s: answered and recorded as applied, once', async (fault, times) => {
    proxy.set({ match: /^POST .*\/subjects\/[^/]+\/versions$/, fault, times, delayMs: 2_000 });
    const answer = await harness.rpc<{ id: number; version: number | null }>('registry.register', { subject: subject(fault), schemaType: 'AVRO', schema: schema(1) });
    proxy.set(null);
    expect(answer.body).toMatchObject({ ok: true, value: { id: expect.any(Number), version: 1 } });
    const registered = await fetch(`${testRegistryUrl}/subjects/${encodeURIComponent(subject(fault))}/versions`).then((r) => r.json());
    expect(registered).toEqual([1]);
    const actions = auditActions(harness.dataDir).filter((a) => a.action === 'registry.register' && (a.target as { subject: string }).subject === subject(fault));
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({ result: 'applied', after: { version: 1 } });
  }, 90_000);

  it('a compatibility change whose every answer is lost is read back and recorded as applied', async () => {
    const name = subject('compat');
    await harness.value('registry.register', { subject: name, schemaType: 'AVRO', schema: schema(2) });
    proxy.set({ match: /^PUT .*\/config\//, fault: '500-after-apply' });
    const answer = await harness.rpc('registry.setCompatibility', { subject: name, level: 'FULL' });
    proxy.set(null);
    expect(answer.body).toMatchObject({ ok: true, value: { compatibility: 'FULL' } });
    const action = auditActions(harness.dataDir).filter((a) => a.action === 'registry.setCompatibility').at(-1);
    expect(action).toMatchObject({ result: 'applied', note: expect.stringContaining('answer was lost'), readBack: { compatibility: 'FULL' } });
  }, 90_000);
});

describe('verification API answers lost after it reconciled', () => {
  let services: TestServices;
  let proxy: FaultProxy;
  let harness: Harness;

  beforeAll(async () => {
    services = await startTestServices('pglite');
    proxy = await startFaultProxy(services.verificationUrl);
    harness = await startHarness(testBrokers, { env: { SLUICE_VERIFICATION_URL: proxy.url, SLUICE_VERIFICATION_TOKEN: services.verificationToken } });
  }, 180_000);
  afterAll(async () => {
    await harness?.close();
    await proxy?.close();
    await services?.stop();
  }, 60_000);

  const divergentMismatch = async (): Promise<Mismatch> => {
    const [fault] = await services.inject('alter-target-column');
    return eventually('the mismatch', async () => {
      const page = await harness.value<MismatchPage>('replication.mismatches', { table: 'payments', status: 'divergent', limit: 1000 });
      return page.items.find((m) => m.key.payment_id === fault!.key.payment_id) ?? null;
    }, 30_000, 500);
  };

  it.each(lostAnswers)('reconcile, %s: answered and recorded as applied, once', async (fault, times) => {
    const mismatch = await divergentMismatch();
    const idempotencyKey = `it-${fault}-${mismatch.id}`;
    proxy.set({ match: /^POST .*\/reconcile$/, fault, times, delayMs: 2_000 });
    const answer = await harness.rpc('replication.reconcile', { id: mismatch.id, dryRun: false, idempotencyKey });
    proxy.set(null);
    expect(answer.body).toMatchObject({ ok: true, value: { dryRun: false, result: { verified: true, status: 'resolved' } } });
    const detail = await services.verification<{ history: Array<{ action: string }> }>(`/v1/mismatches/${mismatch.id}`);
    expect(detail.body.history.filter((h) => h.action === 'reconciled')).toHaveLength(1);
    const actions = auditActions(harness.dataDir).filter((a) => a.action === 'replication.reconcile' && (a.target as { mismatchId: string }).mismatchId === mismatch.id);
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({ result: 'applied', after: { verified: true } });
    if (fault !== 'slow') expect(actions[0]!.note).toMatch(/answer was lost|replayed/);
  }, 90_000);
});
