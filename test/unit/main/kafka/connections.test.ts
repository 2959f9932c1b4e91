import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { inThreadMonitor, KafkaConnections, type MonitorContext } from '../../../../main/kafka/connections';
import { GroupMonitor } from '../../../../main/kafka/monitor/group-monitor';
import { environmentProfile, ProfileStore } from '../../../../main/settings/profile-store';
import { MemorySecretStore } from '../../../../main/settings/secret-store';
import { fakeKafka } from '../../../support/fake-kafka';

vi.mock('../../../../main/platform/logger', () => ({ createLogger: () => ({ debug() {}, info() {}, warn() {}, error() {} }) }));

const open: KafkaConnections[] = [];
afterEach(async () => { await Promise.all(open.splice(0).map((c) => c.close())); });

function connections(monitorFactory: ConstructorParameters<typeof KafkaConnections>[2]['monitorFactory']) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sluice-connections-'));
  const profiles = new ProfileStore(dataDir, new MemorySecretStore(), environmentProfile('b1:9092'));
  const kafka = fakeKafka();
  const c = new KafkaConnections(profiles, () => kafka, { dataDir, sweepIntervalMs: 60_000, monitorFactory });
  open.push(c);
  return { c, kafka, dataDir };
}

describe('KafkaConnections', () => {
  it('builds the monitor with the factory it was given, from the session’s settings, client and history folder', async () => {
    const seen: MonitorContext[] = [];
    const { c, kafka, dataDir } = connections((context) => { seen.push(context); return inThreadMonitor(context); });
    const session = c.active();
    expect(seen).toHaveLength(1);
    expect(seen[0]!.client).toBe(kafka);
    expect(seen[0]!.settings.bootstrapBrokers).toEqual(['b1:9092']);
    expect(seen[0]!.options).toMatchObject({ intervalMs: 60_000, historyDir: path.join(dataDir, 'history') });
    expect(session.monitor).toBeInstanceOf(GroupMonitor);
    expect((await session.groups.list()).map((g) => g.groupId)).toEqual(['k848', 'old', 'queue']);
    expect(c.active()).toBe(session);
  });
});
