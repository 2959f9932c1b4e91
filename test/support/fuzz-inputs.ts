// Generated inputs for the contract fuzz tests: each method's input schema (as JSON Schema, from
// zod) turned into a fast-check arbitrary whose leaves are hostile (lone surrogates, NUL, huge
// strings, prototype names, path tricks, wrong types), mixed with values of no shape at all
// (deep nesting, junk) and inputs that break the schema on purpose.
import fc from 'fast-check';
import { z } from 'zod';
import { contract, type MethodName } from '../../shared/contract';

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  additionalProperties?: boolean | JsonSchema;
  default?: unknown;
};

/** Values nested `levels` deep, built without recursion (an object at the bottom, arrays around it). */
export function nested(levels: number, leaf: unknown = {}): unknown {
  let value: unknown = leaf;
  for (let i = 0; i < levels; i++) value = i % 2 ? { a: value } : [value];
  return value;
}

/** An object with an own property of a prototype name (what JSON.parse makes of {"__proto__": …}). */
export function withOwnKey(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
  return target;
}

export const prototypeNames = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '__defineGetter__', 'valueOf'];

/** Any UTF-16 code unit, lone surrogates included (fast-check's own strings are well-formed). */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

/** Names the fakes behind the fuzzed services know, so some inputs reach deep into a handler. */
const knownNames = ['k848', 'old', 'queue', 't', 'payments', 'payments-value', 'latest', 'decisions/0001-record-architecture-decisions.md', 'dictionary/words.yaml', 'sluice-workspace.yaml', 'pipe-1', 'merchant-1'];

export const hostileString = (maxLength = 300): fc.Arbitrary<string> => fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...knownNames) },
  { weight: 3, arbitrary: fc.string({ unit: codeUnit, maxLength: Math.min(maxLength, 40) }) },
  { weight: 2, arbitrary: fc.constantFrom('\ud800', 'a\udfffb', '\udc00\ud800', 'k848\ud83d', '%E0%A4%A', '%', '\u0000', 'a\u0000b', 'decisions/a\u0000.md', 'x/\u0000/y') },
  { weight: 2, arbitrary: fc.constantFrom(...prototypeNames) },
  { weight: 2, arbitrary: fc.constantFrom('../../etc/passwd', '/etc/passwd', 'decisions/../../x.md', '..', '.', './', '//', '\\\\server\\share', 'C:\\Windows', '~', 'decisions/', 'a'.repeat(300) + '.md') },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\n', '\r\n', '\t', '\u202e', '\ufeff', '🙂', 'e\u0301', '${process.env}', '{{7*7}}', '<script>', "'; DROP TABLE x; --") },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 3 }).map((k) => 'x'.repeat(k === 1 ? maxLength : k === 2 ? maxLength + 1 : Math.min(1_000_000, maxLength * 4 + 1))) },
);

/** A value of any JSON type: the wrong type wherever a schema wants another. */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, -0, 1e308, Number.MAX_SAFE_INTEGER + 2, '', [], {}, [null], { length: 1 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Values of no particular shape: deep nesting, prototype keys, wrong types. */
export const shapeless: fc.Arbitrary<unknown> = fc.oneof(
  wrongType,
  fc.integer({ min: 60, max: 20_000 }).map((levels) => nested(levels)),
  fc.constantFrom(...prototypeNames).map((key) => withOwnKey({}, key, { polluted: true })),
  fc.dictionary(hostileString(40), wrongType, { maxKeys: 5 }),
  fc.array(wrongType, { maxLength: 5 }),
);

function fromSchema(schema: JsonSchema, override: (path: string) => fc.Arbitrary<unknown> | undefined, path: string): fc.Arbitrary<unknown> {
  const own = override(path);
  if (own) return own;
  if (schema.anyOf || schema.oneOf) return fc.oneof(...(schema.anyOf ?? schema.oneOf)!.map((s) => fromSchema(s, override, path)));
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length > 1) return fc.oneof(...types.map((type) => fromSchema({ ...schema, type }, override, path)));
  switch (types[0]) {
    case 'null': return fc.constant(null);
    case 'boolean': return fc.boolean();
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1e6);
      const max = Math.min(schema.maximum ?? 1e6, Number.MAX_SAFE_INTEGER);
      return fc.oneof(fc.integer({ min: Math.max(min, -Number.MAX_SAFE_INTEGER), max }), fc.constantFrom(min, max, min - 1, max + 1, 0.5));
    }
    case 'string': {
      const maxLength = schema.maxLength ?? 300;
      // Hostile text, and text that meets the schema's own rules, so some inputs get past zod to the handler.
      const fitting = schema.pattern
        ? fc.stringMatching(new RegExp(schema.pattern)).filter((t) => t.length >= (schema.minLength ?? 0) && t.length <= maxLength)
        : fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(maxLength, (schema.minLength ?? 0) + 30) });
      return fc.oneof(hostileString(maxLength), fitting);
    }
    case 'array': {
      const items = fromSchema(schema.items ?? {}, override, `${path}[]`);
      return fc.array(items, { minLength: Math.min(schema.minItems ?? 0, 3), maxLength: Math.min(schema.maxItems ?? 4, 4) });
    }
    case 'object': {
      const properties = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, property] of Object.entries(properties)) record[key] = fromSchema(property, override, path ? `${path}.${key}` : key);
      const requiredKeys = Object.keys(properties).filter((key) => required.has(key));
      const shaped = fc.record(record, { requiredKeys });
      if (typeof schema.additionalProperties === 'object') {
        const values = fromSchema(schema.additionalProperties, override, `${path}.*`);
        return fc.tuple(shaped, fc.dictionary(hostileString(40), values, { maxKeys: 3 })).map(([a, b]) => ({ ...b, ...a }));
      }
      return shaped;
    }
    default: return wrongType;
  }
}

/** Turns a well-shaped input into one that breaks the schema in one place. */
const broken = (valid: fc.Arbitrary<unknown>) => fc.tuple(valid, fc.constantFrom(...prototypeNames, 'extra'), wrongType, fc.nat(5)).map(([input, key, junk, where]) => {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return junk;
  const copy: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  const keys = Object.keys(copy);
  if (keys.length > 0 && where < keys.length) copy[keys[where]!] = junk; // a field of the wrong type
  else withOwnKey(copy, key, junk); // a key the schema does not know, prototype names included
  return copy;
});

export type Overrides = Partial<Record<MethodName, Record<string, fc.Arbitrary<unknown>>>>;

/** Inputs for one method: mostly well-shaped with hostile leaves, some broken on purpose, some shapeless. */
export function inputsFor(method: MethodName, overrides: Overrides = {}): fc.Arbitrary<unknown> {
  const schema = z.toJSONSchema(contract[method].input, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const own = overrides[method] ?? {};
  const valid = fromSchema(schema, (path) => own[path], '');
  return fc.oneof({ weight: 6, arbitrary: valid }, { weight: 2, arbitrary: broken(valid) }, { weight: 2, arbitrary: shapeless });
}

class KeyMarker {
  constructor(readonly key: string) {}
}

/**
 * JSON text of a value, written without recursion: the fuzzer's deepest values would overflow
 * JSON.stringify in the test itself. Own keys named __proto__ are written like any other key.
 */
export function jsonText(value: unknown): string {
  const out: string[] = [];
  const stack: unknown[] = [value];
  const CLOSE_ARRAY = Symbol('close array');
  const CLOSE_OBJECT = Symbol('close object');
  const COMMA = Symbol('comma');
  while (stack.length > 0) {
    const item = stack.pop();
    if (item === CLOSE_ARRAY) out.push(']');
    else if (item === CLOSE_OBJECT) out.push('}');
    else if (item === COMMA) out.push(',');
    else if (item instanceof KeyMarker) out.push(`${JSON.stringify(item.key)}:`);
    else if (Array.isArray(item)) {
      out.push('[');
      stack.push(CLOSE_ARRAY);
      for (let i = item.length - 1; i >= 0; i--) {
        stack.push(item[i] === undefined ? null : item[i]);
        if (i > 0) stack.push(COMMA);
      }
    } else if (typeof item === 'object' && item !== null) {
      out.push('{');
      stack.push(CLOSE_OBJECT);
      const entries = Object.entries(item).filter(([, v]) => v !== undefined);
      for (let i = entries.length - 1; i >= 0; i--) {
        stack.push(entries[i]![1]);
        stack.push(new KeyMarker(entries[i]![0]));
        if (i > 0) stack.push(COMMA);
      }
    } else out.push(item === undefined ? 'null' : JSON.stringify(item));
  }
  return out.join('');
}
