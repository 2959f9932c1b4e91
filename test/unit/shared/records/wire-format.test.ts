import { describe, expect, it } from 'vitest';
import { asJson, asText, messageIndexBytes, readMessageIndexes, readWireHeader, toHex, wireHeader } from '../../../../shared/records/wire-format';

describe('wire format', () => {
  it('reads the schema id after magic byte 0, and refuses what is not framed', () => {
    expect(readWireHeader(Uint8Array.of(0, 0, 0, 1, 44, 9))).toEqual({ schemaId: 300, payloadOffset: 5 });
    expect(readWireHeader(Uint8Array.of(1, 0, 0, 1, 44))).toBeNull();
    expect(readWireHeader(Uint8Array.of(0, 0, 0, 1))).toBeNull();
    expect(readWireHeader(Uint8Array.of(0, 0, 0, 0, 0))).toBeNull();
    expect(readWireHeader(Uint8Array.of(0, 0x80, 0, 0, 1))).toBeNull();
    expect(readWireHeader(wireHeader(123_456))).toEqual({ schemaId: 123_456, payloadOffset: 5 });
  });

  it('reads and writes Protobuf message indexes, including the [0] shorthand', () => {
    expect(readMessageIndexes(Uint8Array.of(0, 0x0a), 0)).toEqual({ indexes: [0], next: 1 });
    // count 2 (zig-zag 4), indexes 1 (2) and 0 (0)
    expect(readMessageIndexes(Uint8Array.of(4, 2, 0, 0x0a), 0)).toEqual({ indexes: [1, 0], next: 3 });
    expect(messageIndexBytes([0])).toEqual(Uint8Array.of(0));
    expect(messageIndexBytes([1, 0])).toEqual(Uint8Array.of(4, 2, 0));
    expect(readMessageIndexes(messageIndexBytes([70, 3]), 0)).toEqual({ indexes: [70, 3], next: 4 });
    expect(readMessageIndexes(Uint8Array.of(0xff), 0)).toBeNull();
    expect(readMessageIndexes(Uint8Array.of(3), 0)).toBeNull();
  });

  it('tells text, JSON and binary apart', () => {
    expect(asText(new TextEncoder().encode('héllo\tworld\n'))).toBe('héllo\tworld\n');
    expect(asText(Uint8Array.of(0xff, 0xfe))).toBeNull();
    expect(asText(Uint8Array.of(104, 0, 105))).toBeNull();
    expect(asJson('{"a":1}')).toEqual({ value: { a: 1 } });
    expect(asJson(' [1,2]')).toEqual({ value: [1, 2] });
    expect(asJson('42')).toBeNull();
    expect(asJson('{broken')).toBeNull();
    expect(toHex(Uint8Array.of(0, 15, 255), 2)).toBe('000f…');
  });
});
