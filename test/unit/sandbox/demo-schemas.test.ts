// The demo's schema'd topics carry standard field names: linted against the example workspace's
// dictionary, as the registry gate does before it registers, they have no errors or warnings, and
// the fields the dictionary classifies (card number, customer name, phone) resolve to their terms.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexDictionary } from '../../../shared/governance/dictionary';
import { lintSchema } from '../../../shared/governance/schema-lint';
import type { LintableType } from '../../../shared/governance/schema-fields';
import { dictionaryOf, mergeDictionaryFiles, readDictionaryFile } from '../../../shared/workspace/dictionary-files';
import { paths, repoRoot } from '../../../sandbox/paths';

const dictionaryDir = path.join(repoRoot, 'assets', 'example-workspace', 'dictionary');
const index = indexDictionary(dictionaryOf(mergeDictionaryFiles(fs.readdirSync(dictionaryDir).filter((f) => f.endsWith('.yaml'))
  .map((f) => readDictionaryFile(f, fs.readFileSync(path.join(dictionaryDir, f), 'utf8'))))));
const manifest = JSON.parse(fs.readFileSync(path.join(paths.demoSchemas, 'manifest.json'), 'utf8')) as { subjects: Array<{ subject: string; schemaType: LintableType; versions: string[] }> };
const latest = (subject: string) => {
  const entry = manifest.subjects.find((s) => s.subject === subject);
  if (!entry) throw new Error(`${subject} is not in the demo manifest`);
  return { type: entry.schemaType, text: fs.readFileSync(path.join(paths.demoSchemas, entry.versions[entry.versions.length - 1]!), 'utf8') };
};
// The subjects of the demo's schema'd topics (TopicNameStrategy: <topic>-value).
const demoTopicSubjects = ['payments.card-payment-events-value', 'ledger.entries-value', 'settlement.merchant-payouts-value'];

describe('demo topic schemas', () => {
  it.each(demoTopicSubjects)('%s has only standard field names', (subject) => {
    const { type, text } = latest(subject);
    const lint = lintSchema(type, text, index);
    expect(lint.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.message)).toEqual([]);
    expect(lint.summary.standard).toBe(lint.summary.fields);
    expect(lint.summary.fields).toBeGreaterThan(5);
  });

  it('the Avro payment events carry the classified card number, customer name and phone', () => {
    const { type, text } = latest('payments.card-payment-events-value');
    const classified = Object.fromEntries(lintSchema(type, text, index).fields.filter((f) => f.check.classification).map((f) => [f.name, f.check.classification]));
    expect(classified).toEqual({ custNm: 'personal', custTelNo: 'personal', cardNo: 'secret' });
  });
});
