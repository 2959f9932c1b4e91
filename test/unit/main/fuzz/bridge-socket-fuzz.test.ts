// Every live method through the bridge's WebSocket, with generated subscription inputs (schema-shaped
// with hostile leaves, broken, shapeless and deeply nested), and frames that are not subscriptions at
// all: every push is data or a typed error without stack trace or install path, the socket stays
// open, and the server keeps answering.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { contract, isLiveMethod, type MethodName } from '../../../../shared/contract';
import { answerProblem, startFuzzHarness, withinTime, type FuzzHarness } from '../../../support/fuzz-harness';
import { inputsFor, jsonText, nested, prototypeNames, withOwnKey } from '../../../support/fuzz-inputs';
import { fuzzOverrides } from '../../../support/fuzz-overrides';

const SEED = 20261204;
const RUNS = 25;
const FRAME_LIMIT = 64 * 1024;

interface Push { kind: string; subscriptionId: string; value?: unknown; error?: unknown }

/** One socket; pushes are handed to whoever waits for their subscription id. */
class PushClient {
  readonly #waiting = new Map<string, { resolve: (push: Push) => void; reject: (error: Error) => void }>();
  readonly #early = new Map<string, Push[]>();
  closeCode: number | null = null;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const push = JSON.parse(data.toString()) as Push;
      const waiter = this.#waiting.get(push.subscriptionId);
      if (waiter) {
        this.#waiting.delete(push.subscriptionId);
        waiter.resolve(push);
      } else {
        this.#early.set(push.subscriptionId, [...(this.#early.get(push.subscriptionId) ?? []), push]);
      }
    });
    ws.on('close', (code) => {
      this.closeCode = code;
      for (const waiter of this.#waiting.values()) waiter.reject(new Error(`the server closed the socket (${code})`));
      this.#waiting.clear();
    });
  }

  static open(url: string, token: string): Promise<PushClient> {
    const ws = new WebSocket(`${url.replace('http', 'ws')}/events?token=${token}`);
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new PushClient(ws)));
      ws.once('error', reject);
    });
  }

  /** Sends a frame and resolves with the first push for `subscriptionId`. */
  exchange(frame: string | Uint8Array<ArrayBuffer>, subscriptionId: string): Promise<Push> {
    const early = this.#early.get(subscriptionId)?.shift();
    if (early) return Promise.resolve(early);
    if (!this.open) return Promise.reject(new Error(`the socket is closed (${this.closeCode})`));
    const answered = new Promise<Push>((resolve, reject) => this.#waiting.set(subscriptionId, { resolve, reject }));
    this.ws.send(frame, { binary: typeof frame !== 'string' });
    return withinTime(`a push for ${JSON.stringify(subscriptionId)}`, answered, 10_000);
  }

  get open() {
    return this.ws.readyState === WebSocket.OPEN;
  }
}

let harness: FuzzHarness;
let client: PushClient;
let serial = 0;
beforeAll(async () => {
  harness = await startFuzzHarness();
  client = await PushClient.open(harness.bridge.url, harness.token);
});
afterAll(async () => {
  client?.ws.terminate();
  await harness?.close();
});

const pushProblem = (push: Push) => {
  if (push.kind === 'data') return null;
  if (push.kind !== 'error') return `a push of kind ${push.kind}`;
  return answerProblem({ ok: false, error: push.error });
};

describe('WebSocket fuzz', () => {
  const liveMethods = (Object.keys(contract) as MethodName[]).filter(isLiveMethod);

  for (const method of liveMethods) {
    it(method, async () => {
      await fc.assert(fc.asyncProperty(inputsFor(method, fuzzOverrides(harness.dataDir)), async (input) => {
        const subscriptionId = `s${++serial}`;
        const frame = jsonText({ kind: 'subscribe', subscriptionId, method, input });
        // A frame over the limit closes the socket by design (the hostile-request tests cover it).
        fc.pre(Buffer.byteLength(frame) <= FRAME_LIMIT);
        const push = await client.exchange(frame, subscriptionId);
        client.ws.send(JSON.stringify({ kind: 'unsubscribe', subscriptionId }));
        const problem = pushProblem(push);
        if (problem) throw new Error(problem);
      }), { seed: SEED, numRuns: RUNS, endOnFailure: true });
      expect(client.open).toBe(true);
    }, 60_000);
  }

  it('answers frames that are not subscriptions with INVALID_INPUT and keeps the socket open', async () => {
    const junk = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.constantFrom('', '{', 'null', '[]', '"\\ud800"', '{"kind":"subscribe"}', '{"kind":"nope","subscriptionId":"x"}', '{"kind":"subscribe","subscriptionId":"","method":"groups.list"}'),
      fc.constantFrom(...prototypeNames).map((key) => jsonText(withOwnKey({ kind: 'subscribe', subscriptionId: 'p' }, key, { method: 'groups.list' }))),
      fc.record({ kind: fc.constantFrom('subscribe', 'unsubscribe'), subscriptionId: fc.oneof(fc.constant('x'.repeat(101)), fc.integer()), method: fc.jsonValue() }).map(jsonText),
      fc.integer({ min: 100, max: 12_000 }).map((levels) => jsonText(nested(levels))), // under the frame limit
      fc.uint8Array({ maxLength: 32 }).map((bytes) => Uint8Array.from(bytes)),
    );
    await fc.assert(fc.asyncProperty(junk, async (frame) => {
      const push = await client.exchange(frame, '');
      expect(push).toMatchObject({ kind: 'error', subscriptionId: '', error: { code: 'INVALID_INPUT' } });
      expect(pushProblem(push)).toBeNull();
    }), { seed: SEED, numRuns: 150 });
    expect(client.open).toBe(true);
  }, 60_000);

  it('refuses a subscription to every method that is not live, prototype names included, with UNKNOWN_METHOD', async () => {
    const names = [...(Object.keys(contract) as MethodName[]).filter((m) => !isLiveMethod(m)), ...prototypeNames, '', 'groups.list\u0000'];
    for (const method of names) {
      const subscriptionId = `s${++serial}`;
      const push = await client.exchange(JSON.stringify({ kind: 'subscribe', subscriptionId, method, input: {} }), subscriptionId);
      expect(push, method).toMatchObject({ kind: 'error', error: { code: 'UNKNOWN_METHOD' } });
      expect(pushProblem(push)).toBeNull();
    }
    expect(client.open).toBe(true);
    expect((await fetch(`${harness.bridge.url}/healthz`)).status).toBe(200);
  }, 60_000);
});
