// Every contract method through the HTTP bridge of the real services, with generated bodies (inputs
// from each method's schema with hostile leaves, shapeless values nested up to 20,000 deep, text that
// is not JSON, bodies over the size limit) and generated method names: no 500, every answer a
// Result whose error is typed and carries no stack trace or install path, and the server still
// answering afterwards.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type MethodName } from '../../../../shared/contract';
import { answerProblem, startFuzzHarness, withinTime, type FuzzHarness } from '../../../support/fuzz-harness';
import { inputsFor, jsonText, prototypeNames } from '../../../support/fuzz-inputs';
import { fuzzOverrides } from '../../../support/fuzz-overrides';
import { rawHttp } from '../../../support/raw-http';

const SEED = 20261203;
const RUNS = 25;

let harness: FuzzHarness;
beforeAll(async () => { harness = await startFuzzHarness(); });
afterAll(async () => { await harness?.close(); });

/** Posts a body to /rpc/<path> and says what is wrong with the answer, or null. */
async function post(path: string, body: string | Uint8Array<ArrayBuffer>): Promise<string | null> {
  const response = await withinTime(path, fetch(`${harness.bridge.url}/rpc/${path}`, {
    method: 'POST', headers: { authorization: `Bearer ${harness.token}`, 'content-type': 'application/json' }, body,
  }));
  const text = await response.text();
  if (response.status === 500) return `HTTP 500: ${text.slice(0, 300)}`;
  let answer: unknown;
  try {
    answer = JSON.parse(text);
  } catch {
    return `HTTP ${response.status} with a body that is not JSON: ${text.slice(0, 200)}`;
  }
  return answerProblem(answer);
}

/** Bodies that are not a JSON value at all, or are too big. */
const junkBodies: fc.Arbitrary<string | Uint8Array<ArrayBuffer>> = fc.oneof(
  fc.constantFrom('', '{', '{"a":', 'null', 'undefined', 'NaN', '[1,]', '\u0000', '{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"x":1}}}', '"\\ud800"', '{"a":"\\u0000"}'),
  fc.uint8Array({ maxLength: 64 }).map((bytes) => Uint8Array.from(bytes)),
  fc.integer({ min: 1, max: 3 }).map((k) => `"${'x'.repeat(k * 700_000)}"`),
  fc.integer({ min: 100, max: 200_000 }).map((levels) => '['.repeat(levels) + ']'.repeat(levels)),
);

describe('HTTP bridge fuzz', () => {
  for (const method of Object.keys(contract) as MethodName[]) {
    it(method, async () => {
      const bodies = fc.oneof({ weight: 4, arbitrary: inputsFor(method, fuzzOverrides(harness.dataDir)).map(jsonText) }, { weight: 1, arbitrary: junkBodies });
      await fc.assert(fc.asyncProperty(bodies, async (body) => {
        const problem = await post(method, body);
        if (problem) throw new Error(problem);
      }), { seed: SEED, numRuns: RUNS, endOnFailure: true });
    }, 60_000);
  }

  it('answers method names that are not methods, %-escapes and prototype names included', async () => {
    const names = fc.oneof(fc.constantFrom(...prototypeNames, '%', '%E0%A4%A', '%00', 'groups.list%00', '..%2fhealthz', '%2e%2e', 'groups.list/extra', ''), fc.webSegment(), fc.string());
    await fc.assert(fc.asyncProperty(names, async (name) => {
      const problem = await post(name, '{}');
      if (problem) throw new Error(`${JSON.stringify(name)}: ${problem}`);
    }), { seed: SEED, numRuns: 150 });
  });

  it('answers request targets that are not paths, and is still serving afterwards', async () => {
    const targets = fc.oneof(fc.constantFrom('//', '/%', '*', '/rpc/%', '/rpc/%%', 'http://x/rpc/groups.list', '/%2F%2F', '/healthz?%'), fc.webPath().map((p) => `/${p.replace(/^\//, '')}`));
    await fc.assert(fc.asyncProperty(targets, fc.constantFrom('GET', 'POST', 'HEAD', 'OPTIONS', 'PUT'), async (target, method) => {
      const { status } = await rawHttp(harness.bridge.port, method, target);
      expect(status, `${method} ${target}`).not.toBeNull();
      expect(status!, `${method} ${target}`).toBeLessThan(500);
    }), { seed: SEED, numRuns: 60 });
    expect((await fetch(`${harness.bridge.url}/healthz`)).status).toBe(200);
  });
});
