import { describe, expect, it } from 'vitest';
import {
  changeApplied, configChangesSchema, configDiff, configsCommand, configSourceKind, configView, unknownConfigNames, type ConfigEntryView,
} from '../../../../shared/kafka/configs';

const entry = (name: string, value: string | null, sourceName: string, extra: Partial<ConfigEntryView> = {}): ConfigEntryView =>
  ({ name, value, source: configSourceKind(sourceName), sourceName, readOnly: false, sensitive: false, synonyms: [], ...extra });

describe('config sources', () => {
  it('groups Kafka\'s sources into default, dynamic and static', () => {
    expect(configSourceKind('DEFAULT_CONFIG')).toBe('default');
    expect(configSourceKind('STATIC_BROKER_CONFIG')).toBe('static');
    for (const s of ['DYNAMIC_TOPIC_CONFIG', 'DYNAMIC_BROKER_CONFIG', 'DYNAMIC_DEFAULT_BROKER_CONFIG', 'DYNAMIC_GROUP_CONFIG']) expect(configSourceKind(s)).toBe('dynamic');
    expect(configSourceKind('SOMETHING_NEW')).toBe('unknown');
  });
  it('never lets a sensitive value through, in the value or its synonyms', () => {
    const view = configView({ name: 'ssl.keystore.password', value: 'hunter2', source: 'DYNAMIC_BROKER_CONFIG', readOnly: false, sensitive: true, synonyms: [{ name: 'x', value: 'hunter2', source: 'STATIC_BROKER_CONFIG' }] });
    expect(JSON.stringify(view)).not.toContain('hunter2');
    expect(view).toMatchObject({ value: null, sensitive: true, source: 'dynamic', sourceName: 'DYNAMIC_BROKER_CONFIG' });
  });
});

describe('a config change', () => {
  const current = [entry('retention.ms', '604800000', 'DEFAULT_CONFIG'), entry('cleanup.policy', 'compact', 'DYNAMIC_TOPIC_CONFIG'), entry('min.insync.replicas', '2', 'DYNAMIC_TOPIC_CONFIG')];

  it('is a diff of old and new per key, with what is already so marked unchanged', () => {
    const rows = configDiff(current, { set: { 'retention.ms': '3600000', 'min.insync.replicas': '2' }, delete: ['cleanup.policy'] });
    expect(rows).toEqual([
      { name: 'cleanup.policy', before: 'compact', beforeSource: 'dynamic', after: null, change: 'delete', sensitive: false },
      { name: 'min.insync.replicas', before: '2', beforeSource: 'dynamic', after: '2', change: 'unchanged', sensitive: false },
      { name: 'retention.ms', before: '604800000', beforeSource: 'default', after: '3600000', change: 'set', sensitive: false },
    ]);
  });
  it('deleting an inherited value changes nothing; setting a default value explicitly does', () => {
    expect(configDiff(current, { set: { 'retention.ms': '604800000' }, delete: [] })[0]!.change).toBe('set');
    expect(configDiff(current, { set: {}, delete: ['retention.ms'] })[0]!.change).toBe('unchanged');
  });
  it('names keys the resource does not know', () => {
    expect(unknownConfigNames(current, { set: { 'retention.msx': '1' }, delete: ['cleanup.policy'] })).toEqual(['retention.msx']);
  });
  it('is refused when empty, contradictory or oddly named', () => {
    expect(configChangesSchema.safeParse({ set: {}, delete: [] }).success).toBe(false);
    expect(configChangesSchema.safeParse({ set: { a: '1' }, delete: ['a'] }).success).toBe(false);
    expect(configChangesSchema.safeParse({ set: { 'a b': '1' }, delete: [] }).success).toBe(false);
    expect(configChangesSchema.safeParse({ set: { 'retention.ms': '1' }, delete: ['cleanup.policy'] }).success).toBe(true);
  });
  it('reads as the kafka-configs command, lists in brackets and odd words quoted', () => {
    expect(configsCommand(['b1:9092', 'b2:9092'], 'topics', 'orders', { set: { 'retention.ms': '1000', 'cleanup.policy': 'compact,delete' }, delete: ['min.insync.replicas'] }))
      .toBe("kafka-configs.sh --bootstrap-server b1:9092,b2:9092 --entity-type topics --entity-name orders --alter --add-config 'cleanup.policy=[compact,delete],retention.ms=1000' --delete-config min.insync.replicas");
    expect(configsCommand(['b:1'], 'groups', "it's", { set: { 'consumer.session.timeout.ms': '45000' }, delete: [] }))
      .toBe("kafka-configs.sh --bootstrap-server b:1 --entity-type groups --entity-name 'it'\\''s' --alter --add-config consumer.session.timeout.ms=45000");
  });
  it('is read back as applied, not applied or partly', () => {
    const changes = { set: { 'retention.ms': '3600000' }, delete: ['cleanup.policy'] };
    expect(changeApplied(current, changes)).toBe('none');
    expect(changeApplied([entry('retention.ms', '3600000', 'DYNAMIC_TOPIC_CONFIG'), entry('cleanup.policy', 'delete', 'DEFAULT_CONFIG')], changes)).toBe('all');
    expect(changeApplied([entry('retention.ms', '3600000', 'DYNAMIC_TOPIC_CONFIG'), entry('cleanup.policy', 'compact', 'DYNAMIC_TOPIC_CONFIG')], changes)).toBe('partly');
  });
});
