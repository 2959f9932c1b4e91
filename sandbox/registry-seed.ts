// Demo subjects for the sandbox's Schema Registry (sandbox/registry/demo-schemas): Avro, JSON
// Schema and Protobuf, some following the example workspace's dictionary and some not, one with a
// reference, and payments.payment-events-value at BACKWARD where ADR-0005 fixes FULL_TRANSITIVE,
// so the governance overview has drift to show. A subject that exists is left alone.
import fs from 'node:fs';
import path from 'node:path';
import { paths } from './paths';
import { registryUrl } from './registry';

interface DemoSubject {
  subject: string;
  schemaType: 'AVRO' | 'JSON' | 'PROTOBUF';
  versions: string[];
  compatibility: string;
  references?: Array<{ name: string; subject: string; version: number }>;
}

async function call(method: string, url: string, body?: unknown): Promise<Response> {
  return fetch(url, { method, headers: { 'content-type': 'application/vnd.schemaregistry.v1+json' }, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(30_000) });
}

export async function seedDemoSubjects(log: (line: string) => void, url = registryUrl): Promise<void> {
  const manifest = JSON.parse(fs.readFileSync(path.join(paths.demoSchemas, 'manifest.json'), 'utf8')) as { subjects: DemoSubject[] };
  const existing = new Set((await (await call('GET', `${url}/subjects`)).json()) as string[]);
  let added = 0;
  for (const demo of manifest.subjects) {
    if (existing.has(demo.subject)) continue;
    // Level NONE while the versions go in, so the history is registered as it was written.
    await call('PUT', `${url}/config/${encodeURIComponent(demo.subject)}`, { compatibility: 'NONE' });
    for (const file of demo.versions) {
      const schema = fs.readFileSync(path.join(paths.demoSchemas, file), 'utf8');
      const response = await call('POST', `${url}/subjects/${encodeURIComponent(demo.subject)}/versions`, { schema, schemaType: demo.schemaType, references: demo.references ?? [] });
      if (!response.ok) throw new Error(`Registering ${file} as ${demo.subject} failed: HTTP ${response.status} ${await response.text()}`);
    }
    await call('PUT', `${url}/config/${encodeURIComponent(demo.subject)}`, { compatibility: demo.compatibility });
    added++;
  }
  if (added > 0) log(`Registered ${added} demo subject(s) in the Schema Registry.`);
}
