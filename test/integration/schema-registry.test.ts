// Schema governance against the real Schema Registry (the sandbox's Apicurio, Confluent API) and
// the example workspace, through the same HTTP API the console uses: subjects, versions, references
// both ways, compatibility tests, the lint gate with an audited override, compatibility changes,
// and drift between an accepted decision and the registry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditActions } from '../support/audit';
import type { SchemaVersion, SubjectSummary } from '../../shared/registry/registry';
import type { CompatibilityCheck } from '../../shared/governance/governance-api';
import type { GovernanceOverview } from '../../shared/governance/overview';
import type { SchemaLint } from '../../shared/governance/schema-lint';
import { testBrokers, testRegistryUrl, uniqueSuffix } from '../support/brokers';
import { startHarness, type Harness } from '../support/bridge-harness';
import { refusedPort } from '../support/refused-port';

const id = uniqueSuffix();
const payments = `it-${id}.payment-events-value`;
const envelope = `it-${id}.payment-envelope-value`;
const ledger = `it-${id}.ledger-entries-value`;
const settlement = `it-${id}.settlements-value`;
let harness: Harness;

const record = (fields: Array<Record<string, unknown>>) => JSON.stringify({ type: 'record', name: 'PaymentEvent', namespace: `it${id}`, fields });
const v1 = record([{ name: 'payId', type: 'string' }, { name: 'payAmt', type: 'long' }, { name: 'mrchId', type: 'string' }]);
const v2 = record([{ name: 'payId', type: 'string' }, { name: 'payAmt', type: 'long' }, { name: 'mrchId', type: 'string' }, { name: 'crncyCd', type: 'string', default: 'KRW' }]);
const auditRecords = () => auditActions(harness.dataDir);

beforeAll(async () => {
  harness = await startHarness(testBrokers, { env: { SLUICE_REGISTRY_URL: testRegistryUrl }, exampleWorkspace: true });
});

afterAll(async () => {
  for (const subject of [envelope, payments, ledger, settlement]) {
    await fetch(`${testRegistryUrl}/subjects/${encodeURIComponent(subject)}`, { method: 'DELETE' }).catch(() => undefined);
    await fetch(`${testRegistryUrl}/subjects/${encodeURIComponent(subject)}?permanent=true`, { method: 'DELETE' }).catch(() => undefined);
  }
  await harness?.close();
});

describe('schema registry', () => {
  it('registers a standard schema, and lists the subject with its type, versions and compatibility', async () => {
    const check = await harness.value<CompatibilityCheck>('registry.check', { subject: payments, schemaType: 'AVRO', schema: v1 });
    expect(check).toMatchObject({ compatible: null, latestVersion: null, blockedByLint: false, lint: { summary: { fields: 3, standard: 3, errors: 0 } } });
    expect(await harness.value('registry.register', { subject: payments, schemaType: 'AVRO', schema: v1 })).toMatchObject({ version: 1 });
    const { subjects } = await harness.value<{ subjects: SubjectSummary[] }>('registry.subjects');
    expect(subjects.find((s) => s.subject === payments)).toMatchObject({ schemaType: 'AVRO', versions: 1, latestVersion: 1, references: 0 });
  });

  it('changes the compatibility level and records it in the audit log', async () => {
    const result = await harness.value<{ compatibility: string; before: string | null }>('registry.setCompatibility', { subject: payments, level: 'BACKWARD' });
    expect(result.compatibility).toBe('BACKWARD');
    expect((await harness.value<{ compatibility: string }>('registry.versions', { subject: payments })).compatibility).toBe('BACKWARD');
    const audit = auditRecords().filter((r) => r.action === 'registry.setCompatibility' && (r.target as { subject: string }).subject === payments);
    expect(audit.at(-1)).toMatchObject({ result: 'applied', before: { compatibility: result.before }, after: { compatibility: 'BACKWARD' } });
  });

  it('tests a draft: compatible or not under the subject level, what changes, and an already registered version', async () => {
    const compatible = await harness.value<CompatibilityCheck>('registry.check', { subject: payments, schemaType: 'AVRO', schema: v2 });
    expect(compatible).toMatchObject({ compatible: true, compatibility: 'BACKWARD', latestVersion: 1, existingVersion: null, changes: [{ path: 'PaymentEvent.crncyCd', change: 'added', after: 'string' }] });
    const breaking = record([{ name: 'payId', type: 'string' }, { name: 'payAmt', type: 'string' }, { name: 'mrchId', type: 'string' }, { name: 'crncyCd', type: 'string' }]);
    const incompatible = await harness.value<CompatibilityCheck>('registry.check', { subject: payments, schemaType: 'AVRO', schema: breaking });
    expect(incompatible.compatible).toBe(false);
    expect(incompatible.changes).toContainEqual({ path: 'PaymentEvent.payAmt', change: 'retyped', before: 'long', after: 'string' });
    expect((await harness.value<CompatibilityCheck>('registry.check', { subject: payments, schemaType: 'AVRO', schema: v1 })).existingVersion).toBe(1);
  });

  it('refuses a draft with naming errors unless a reason is given, and audits the override', async () => {
    const nonstandard = record([{ name: 'payId', type: 'string' }, { name: 'payAmt', type: 'long' }, { name: 'mrchId', type: 'string' }, { name: 'crncyCd', type: 'string', default: 'KRW' }, { name: 'paymentChannel', type: 'string', default: 'WEB' }]);
    const gate = await harness.rpc('registry.register', { subject: payments, schemaType: 'AVRO', schema: nonstandard });
    expect(gate.body.error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/has 3 naming error\(s\)/) });
    expect((await harness.value<{ versions: number[] }>('registry.versions', { subject: payments })).versions).toEqual([1]);
    const reason = 'Channel codes join the dictionary in DA-112; the payments team needs the field now.';
    expect(await harness.value('registry.register', { subject: payments, schemaType: 'AVRO', schema: nonstandard, overrideReason: reason })).toMatchObject({ version: 2 });
    const audit = auditRecords().filter((r) => r.action === 'registry.register' && (r.target as { subject: string }).subject === payments);
    expect(audit.at(-1)).toMatchObject({ result: 'applied', after: { version: 2, lintErrors: 3, overrideReason: reason } });
  });

  it('shows references both ways', async () => {
    const schema = JSON.stringify({ type: 'record', name: 'Envelope', namespace: `it${id}`, fields: [{ name: 'evtId', type: 'string' }, { name: 'payment', type: `it${id}.PaymentEvent` }] });
    const references = [{ name: `it${id}.PaymentEvent`, subject: payments, version: 1 }];
    await harness.value('registry.register', { subject: envelope, schemaType: 'AVRO', schema, references });
    const used = await harness.value<SchemaVersion>('registry.schema', { subject: payments, version: 1 });
    expect(used.referencedBy).toEqual([expect.objectContaining({ subject: envelope, version: 1 })]);
    const user = await harness.value<SchemaVersion>('registry.schema', { subject: envelope, version: 'latest' });
    expect(user.references).toEqual(references);
  });

  it('lints and registers JSON Schema and Protobuf subjects', async () => {
    const json = JSON.stringify({ type: 'object', properties: { ldgr_entr_id: { type: 'string', maxLength: 36 }, entr_amt: { type: 'integer' }, entryDate: { type: 'string', format: 'date' } } });
    const lint = await harness.value<SchemaLint>('governance.lintSchema', { schemaType: 'JSON', schema: json, subject: ledger });
    expect(lint.fields.map((f) => [f.name, f.check.verdict, f.fix?.text ?? null])).toEqual([['ldgr_entr_id', 'standard', null], ['entr_amt', 'standard', null], ['entryDate', 'nonstandard', 'entrDt']]);
    await harness.value('registry.register', { subject: ledger, schemaType: 'JSON', schema: json, overrideReason: 'entryDate is the partner file layout, fixed until 2027.' });
    const proto = 'syntax = "proto3";\nmessage Settlement {\n  string stlm_id = 1;\n  int64 stlm_amt = 2;\n  string stlm_dt = 3;\n}\n';
    const check = await harness.value<CompatibilityCheck>('registry.check', { subject: settlement, schemaType: 'PROTOBUF', schema: proto });
    expect(check.lint.diagnostics.map((d) => `${d.line}:${d.code}`)).toEqual(['5:type-mismatch']);
    await harness.value('registry.register', { subject: settlement, schemaType: 'PROTOBUF', schema: proto, overrideReason: 'The settlement date is a string until the bank file changes.' });
    const { subjects } = await harness.value<{ subjects: SubjectSummary[] }>('registry.subjects');
    expect(subjects.filter((s) => s.subject === ledger || s.subject === settlement).map((s) => s.schemaType).sort()).toEqual(['JSON', 'PROTOBUF']);
  });

  it('reports compliance per subject and drift from an accepted decision until the registry agrees', async () => {
    const adr = `---\nstatus: accepted\ndate: 2026-12-01\ndecision-makers: Guild\nconsulted: Payments\ninformed: All\nlinks:\n  subjects: [${payments}]\nexpects:\n  compatibility:\n    ${payments}: FULL_TRANSITIVE\n---\n\n# Payment events are FULL_TRANSITIVE\n\n## Context and Problem Statement\n\nx\n\n## Considered Options\n\n* a\n\n## Decision Outcome\n\na\n`;
    await harness.value('workspace.save', { path: 'decisions/0042-it-payment-events-compatibility.md', text: adr, baseVersion: null });
    const before = await harness.value<GovernanceOverview>('governance.overview');
    expect(before.drift).toContainEqual(expect.objectContaining({ adr: 42, kind: 'compatibility', target: payments, expected: 'FULL_TRANSITIVE', actual: 'BACKWARD' }));
    expect(before.subjects.find((s) => s.subject === payments)).toMatchObject({ version: 2, fields: 5, standard: 4, errors: 3, adrs: [42] });
    await harness.value('registry.setCompatibility', { subject: payments, level: 'FULL_TRANSITIVE' });
    const after = await harness.value<GovernanceOverview>('governance.overview');
    expect(after.drift.filter((d) => d.target === payments)).toEqual([]);
  });
});

describe('connection profiles', () => {
  it('test the registry a profile names, with the cluster', async () => {
    const settings = (url: string) => ({
      name: 'with registry', bootstrapBrokers: [testBrokers], color: '#22c55e', production: false,
      tls: { enabled: false, verifyServerCertificate: true, caCertificate: null }, sasl: { mechanism: 'none', username: '' }, registry: { url, username: '' },
    });
    const ok = await harness.value<{ reachable: boolean; registry: { reachable: boolean; subjects: number } }>('profiles.test', { settings: settings(testRegistryUrl) });
    expect(ok.reachable).toBe(true);
    expect(ok.registry.reachable).toBe(true);
    expect(ok.registry.subjects).toBeGreaterThanOrEqual(4);
    const port = await refusedPort();
    const down = await harness.value<{ registry: { reachable: boolean; error: string } }>('profiles.test', { settings: settings(`http://127.0.0.1:${port}/apis/ccompat/v7`) });
    expect(down.registry).toMatchObject({ reachable: false, error: expect.stringMatching(/schema registry is unreachable .* connection refused/) });
    expect((await harness.value<{ registry: unknown }>('profiles.test', { settings: settings('') })).registry).toBeNull();
  });
});

describe('registry errors', () => {
  it('says when no registry is configured, and when it cannot be reached', async () => {
    const none = await startHarness(testBrokers, { env: { SLUICE_REGISTRY_URL: '' } });
    try {
      expect((await none.rpc('registry.subjects')).body.error).toMatchObject({ code: 'SERVICE_NOT_CONFIGURED', message: expect.stringMatching(/No Schema Registry is configured/) });
    } finally {
      await none.close();
    }
    const port = await refusedPort();
    const down = await startHarness(testBrokers, { env: { SLUICE_REGISTRY_URL: `http://127.0.0.1:${port}/apis/ccompat/v7` } });
    try {
      const { status, body } = await down.rpc('registry.subjects');
      expect(status).toBe(503);
      expect(body.error?.message).toMatch(/schema registry is unreachable at http:\/\/127\.0\.0\.1:\d+\/apis\/ccompat\/v7\/: connection refused/);
    } finally {
      await down.close();
    }
  });
});
