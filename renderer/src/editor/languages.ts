// Which Monaco language shows a file or a schema.
export function languageForPath(path: string): string {
  if (path.endsWith('.md')) return 'markdown';
  if (/\.ya?ml$/.test(path)) return 'yaml';
  if (/\.(ttl|turtle)$/.test(path)) return 'turtle';
  if (/\.(avsc|json)$/.test(path)) return 'json';
  if (path.endsWith('.proto')) return 'protobuf';
  if (path.endsWith('.sql')) return 'sql';
  return 'plaintext';
}

export const languageForSchema = (schemaType: string): string => (schemaType === 'PROTOBUF' ? 'protobuf' : schemaType === 'SQL' ? 'sql' : 'json');
