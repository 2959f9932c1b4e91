// Every contract method through the router of the real services (Kafka faked, the registry and the
// company APIs answering badly), with generated inputs: every answer is a Result, no call throws or
// hangs, nothing answers INTERNAL, and no answer carries a stack trace or an install path.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type MethodName } from '../../../../shared/contract';
import { answerProblem, startFuzzHarness, withinTime, type FuzzHarness } from '../../../support/fuzz-harness';
import { inputsFor } from '../../../support/fuzz-inputs';
import { fuzzOverrides } from '../../../support/fuzz-overrides';

const SEED = 20261202;
const RUNS = 40;

let harness: FuzzHarness;
beforeAll(async () => { harness = await startFuzzHarness(); });
afterAll(async () => { await harness?.close(); });

describe('router fuzz', () => {
  for (const method of Object.keys(contract) as MethodName[]) {
    it(method, async () => {
      const inputs = inputsFor(method, fuzzOverrides(harness.dataDir));
      await fc.assert(fc.asyncProperty(inputs, async (input) => {
        const answer = await withinTime(method, harness.services.router.call(method, input));
        const problem = answerProblem(answer);
        if (problem) throw new Error(problem);
      }), { seed: SEED, numRuns: RUNS, endOnFailure: true });
    }, 60_000);
  }

  it('answers method names that are not methods, prototype names included', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'groups.list\u0000', 'groups.list ', ''), fc.string()), async (name) => {
      const answer = await harness.services.router.call(name, {});
      expect(answerProblem(answer)).toBeNull();
      expect(isKnown(name) || (answer as { error?: { code: string } }).error?.code === 'UNKNOWN_METHOD').toBe(true);
    }), { seed: SEED, numRuns: 100 });
  });
});

const isKnown = (name: string) => Object.hasOwn(contract, name);

// What the fuzzer found on the way (each answered INTERNAL with a stack trace, named the install folder,
// or was misreported), kept as fixed cases. Each is called once per kind of unhelpful upstream answer.
const foundCases: Array<[string, MethodName, unknown, string?]> = [
  ['a 204 where a body is required reached the output check as null', 'replication.pipelines', {}],
  ['a 204 reached a handler as null (null.sort)', 'registry.subjects', {}],
  ['a 204 reached the audit helper as null', 'replication.reconcileMany', { filter: {}, idempotencyKey: 'fuzz-key-0001' }],
  ['a lone surrogate made encodeURIComponent throw in a client', 'registry.versions', { subject: 'a\udfffb' }, 'INVALID_INPUT'],
  ['a lone surrogate in a ledger payment id', 'ledger.payment', { paymentId: '\ud800' }, 'INVALID_INPUT'],
  ['a lone surrogate in a mismatch id', 'replication.reconcile', { id: 'a\udfffb', dryRun: true, idempotencyKey: 'fuzz-key-0002' }, 'INVALID_INPUT'],
  ['a NUL in a save path made fs throw with the absolute path', 'workspace.save', { path: 'decisions/a\u0000.md', text: 'x', baseVersion: null }, 'INVALID_INPUT'],
  ['a relative folder was resolved against the install folder and named it', 'workspace.open', { path: 'relative-folder-that-is-not-there' }, 'INVALID_INPUT'],
  ['a non-ASCII idempotency key made fetch throw, retried for 4 s as "unreachable"', 'replication.cancelReconcileJob', { id: 'job-1', idempotencyKey: '灀勊覿薋-key' }, 'INVALID_INPUT'],
];

describe('cases the fuzzer found', () => {
  for (const [what, method, input, code] of foundCases) {
    it(`${method}: ${what}`, async () => {
      for (let i = 0; i < 10; i++) {
        const answer = await withinTime(method, harness.services.router.call(method, input), 3_000);
        expect(answerProblem(answer)).toBeNull();
        if (code) expect(answer).toMatchObject({ ok: false, error: { code } });
      }
    });
  }
});
