import { describe, expect, it } from 'vitest';
import { inputShapeProblem, MAX_INPUT_DEPTH } from '../../../../shared/common/input-shape';

/** A value nested `levels` deep, built without recursion. */
function nested(levels: number): unknown {
  let value: unknown = [];
  for (let i = 1; i < levels; i++) value = [value];
  return value;
}

describe('inputShapeProblem', () => {
  it('passes primitives and ordinary inputs', () => {
    for (const value of [undefined, null, 0, 'text', {}, { groupId: 'payments', filter: { state: ['Stable'] } }]) expect(inputShapeProblem(value)).toBeNull();
  });
  it('passes exactly the maximum depth and refuses one level more', () => {
    expect(inputShapeProblem(nested(MAX_INPUT_DEPTH))).toBeNull();
    expect(inputShapeProblem(nested(MAX_INPUT_DEPTH + 1))).toMatch(/deeper than 64 levels/);
  });
  it('measures a value nested 1,000,000 levels deep without overflowing the stack', () => {
    expect(inputShapeProblem(nested(1_000_000))).toMatch(/deeper than/);
  });
  it('refuses a cycle (possible over IPC, whose structured clone keeps them)', () => {
    const cyclic: { self?: unknown } = {};
    cyclic.self = cyclic;
    expect(inputShapeProblem(cyclic)).toMatch(/deeper than/);
  });
  it('refuses a value whose shared references would make the walk explode', () => {
    let value: unknown = [];
    for (let i = 0; i < 40; i++) value = [value, value];
    expect(inputShapeProblem(value)).toMatch(/more than 1,000,000 values/);
  });
  it('refuses text with a lone surrogate, in a value or a key, at any depth', () => {
    for (const value of ['\ud800', { groupId: 'a\udfffb' }, [[{ x: ['ok', 'k848\ud83d'] }]], { ['\udc00']: 1 }]) {
      expect(inputShapeProblem(value)).toMatch(/lone UTF-16 surrogate/);
    }
    expect(inputShapeProblem({ name: 'Zahlung 🙂', note: 'e\u0301' })).toBeNull();
  });
});
