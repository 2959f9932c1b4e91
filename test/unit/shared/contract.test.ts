import { describe, expect, it } from 'vitest';
import { contract, isLiveMethod, isMethodName, pushMessageSchema, subscriptionRequestSchema } from '../../../shared/contract';
import { groupDetailSchema } from '../../../shared/kafka/groups';
import { profileSettingsSchema } from '../../../shared/profiles/profiles';

const goodProfile = {
  name: 'local', bootstrapBrokers: ['127.0.0.1:9092'], color: '#22c55e', production: false,
  tls: { enabled: false, verifyServerCertificate: true, caCertificate: null }, sasl: { mechanism: 'none', username: '' },
};

describe('contract', () => {
  it('declares the public HTTP API methods of the walking skeleton', () => {
    for (const name of ['cluster.describe', 'groups.list', 'groups.describe']) expect(isMethodName(name)).toBe(true);
    expect(isMethodName('toString')).toBe(false);
    expect(isMethodName('__proto__')).toBe(false);
  });
  it('marks only polled views as live', () => {
    expect(isLiveMethod('groups.list')).toBe(true);
    expect(isLiveMethod('groups.describe')).toBe(true);
    expect(isLiveMethod('profiles.save')).toBe(false);
  });
  it('rejects unknown fields and wrong types in inputs', () => {
    expect(contract['groups.describe'].input.safeParse({ groupId: 'g' }).success).toBe(true);
    expect(contract['groups.describe'].input.safeParse({ groupId: '' }).success).toBe(false);
    expect(contract['groups.describe'].input.safeParse({ groupId: 1 }).success).toBe(false);
    expect(contract['groups.describe'].input.safeParse({ groupId: 'g', extra: 1 }).success).toBe(false);
    expect(contract['groups.list'].input.safeParse({ x: 1 }).success).toBe(false);
  });
  it('requires every field of a group detail, with null for what does not apply', () => {
    const classic = {
      groupId: 'g', type: 'classic', state: 'Stable', coordinator: null, groupEpoch: null, assignmentEpoch: null, assignor: null,
      protocolType: 'consumer', protocol: 'range', members: [], offsets: [{ topic: 't', partition: 0, committedOffset: null, logEndOffset: 5, lag: null, memberId: null }],
    };
    expect(groupDetailSchema.safeParse(classic).success).toBe(true);
    const { groupEpoch: _omitted, ...missing } = classic;
    expect(groupDetailSchema.safeParse(missing).success).toBe(false);
    expect(groupDetailSchema.safeParse({ ...classic, type: 'unknown' }).success).toBe(false);
  });
  it('validates profiles: broker addresses, colours and names', () => {
    expect(profileSettingsSchema.safeParse(goodProfile).success).toBe(true);
    expect(profileSettingsSchema.safeParse({ ...goodProfile, bootstrapBrokers: ['no-port'] }).success).toBe(false);
    expect(profileSettingsSchema.safeParse({ ...goodProfile, bootstrapBrokers: [] }).success).toBe(false);
    expect(profileSettingsSchema.safeParse({ ...goodProfile, color: 'red' }).success).toBe(false);
    expect(profileSettingsSchema.safeParse({ ...goodProfile, name: '  ' }).success).toBe(false);
  });
  it('parses subscription traffic and rejects anything else', () => {
    expect(subscriptionRequestSchema.safeParse({ kind: 'subscribe', subscriptionId: 's1', method: 'groups.list', input: {} }).success).toBe(true);
    expect(subscriptionRequestSchema.safeParse({ kind: 'subscribe', subscriptionId: '', method: 'groups.list' }).success).toBe(false);
    expect(pushMessageSchema.safeParse({ kind: 'data', subscriptionId: 's1', value: { a: 1 } }).success).toBe(true);
    expect(pushMessageSchema.safeParse({ kind: 'other', subscriptionId: 's1' }).success).toBe(false);
  });
});
