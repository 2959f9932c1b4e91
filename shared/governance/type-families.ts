// Schemas and databases name the same kinds of data differently (Avro `long`, SQL BIGINT, Protobuf
// int64). The dictionary's domains are written in SQL terms; a schema field is checked against its
// domain by family, since an Avro schema cannot say VARCHAR.
export type TypeFamily = 'text' | 'integer' | 'decimal' | 'boolean' | 'date' | 'time' | 'timestamp' | 'binary';

const sqlFamilies: Record<string, TypeFamily> = {
  VARCHAR: 'text', CHAR: 'text', CHARACTER: 'text', 'CHARACTER VARYING': 'text', NVARCHAR: 'text', NCHAR: 'text', TEXT: 'text', CLOB: 'text', STRING: 'text', UUID: 'text', ENUM: 'text',
  BIGINT: 'integer', INT: 'integer', INTEGER: 'integer', SMALLINT: 'integer', TINYINT: 'integer', MEDIUMINT: 'integer', SERIAL: 'integer', BIGSERIAL: 'integer', INT2: 'integer', INT4: 'integer', INT8: 'integer',
  DECIMAL: 'decimal', NUMERIC: 'decimal', NUMBER: 'decimal', FLOAT: 'decimal', DOUBLE: 'decimal', 'DOUBLE PRECISION': 'decimal', REAL: 'decimal',
  BOOLEAN: 'boolean', BOOL: 'boolean', BIT: 'boolean',
  DATE: 'date', TIME: 'time', TIMESTAMP: 'timestamp', TIMESTAMPTZ: 'timestamp', DATETIME: 'timestamp',
  BYTEA: 'binary', BLOB: 'binary', BINARY: 'binary', VARBINARY: 'binary',
};

const sqlFamilyOf = new Map<string, TypeFamily | null>();

/** The family of an SQL type name; null for a type Sluice does not know. Asked once per field linted, so remembered. */
export function sqlTypeFamily(dataType: string): TypeFamily | null {
  let family = sqlFamilyOf.get(dataType);
  if (family === undefined) {
    family = sqlFamilies[dataType.trim().toUpperCase().replace(/\s+/g, ' ')] ?? null;
    sqlFamilyOf.set(dataType, family);
  }
  return family;
}

const avroFamilies: Record<string, TypeFamily> = {
  string: 'text', enum: 'text', uuid: 'text', int: 'integer', long: 'integer', float: 'decimal', double: 'decimal', decimal: 'decimal', 'big-decimal': 'decimal',
  boolean: 'boolean', bytes: 'binary', fixed: 'binary', date: 'date', 'time-millis': 'time', 'time-micros': 'time',
  'timestamp-millis': 'timestamp', 'timestamp-micros': 'timestamp', 'timestamp-nanos': 'timestamp', 'local-timestamp-millis': 'timestamp', 'local-timestamp-micros': 'timestamp',
};
/** An Avro primitive, `enum`/`fixed`, or logical type. */
export const avroTypeFamily = (type: string): TypeFamily | null => avroFamilies[type] ?? null;

const jsonFormats: Record<string, TypeFamily> = { date: 'date', 'date-time': 'timestamp', time: 'time', uuid: 'text' };
export const jsonSchemaTypeFamily = (type: string, format?: string): TypeFamily | null => {
  if (type === 'string') return (format && jsonFormats[format]) || 'text';
  return ({ integer: 'integer', number: 'decimal', boolean: 'boolean' } as Record<string, TypeFamily>)[type] ?? null;
};

const protobufFamilies: Record<string, TypeFamily> = {
  string: 'text', bool: 'boolean', bytes: 'binary', double: 'decimal', float: 'decimal',
  int32: 'integer', int64: 'integer', uint32: 'integer', uint64: 'integer', sint32: 'integer', sint64: 'integer', fixed32: 'integer', fixed64: 'integer', sfixed32: 'integer', sfixed64: 'integer',
  'google.protobuf.Timestamp': 'timestamp', 'google.type.Date': 'date', 'google.type.TimeOfDay': 'time', 'google.type.Decimal': 'decimal',
};
export const protobufTypeFamily = (type: string): TypeFamily | null => protobufFamilies[type] ?? null;
