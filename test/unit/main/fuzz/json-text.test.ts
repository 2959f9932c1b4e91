// The fuzz tests' own JSON writer agrees with JSON.stringify wherever that does not overflow.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonText, nested, withOwnKey } from '../../../support/fuzz-inputs';

describe('jsonText', () => {
  it('writes what JSON.stringify writes', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => {
      expect(jsonText(value)).toBe(JSON.stringify(value));
    }), { seed: 7, numRuns: 300 });
  });
  it('writes an own __proto__ key and values nested 100,000 deep', () => {
    expect(JSON.parse(jsonText(withOwnKey({}, '__proto__', { a: 1 })))).toEqual(JSON.parse('{"__proto__":{"a":1}}'));
    expect(jsonText(nested(100_000)).length).toBeGreaterThan(200_000);
  });
});
