// Editing one dictionary entry in a form: checked as it is typed (the entry's own rules, then the
// dictionary's rules with the edit applied: duplicate abbreviations, homonyms, a term that does
// not end in a classifier word…), then written into its YAML file, keeping everything else there.
import { useMemo, useState } from 'react';
import { standardDomainSchema, standardTermSchema, standardWordSchema, validateDictionary, type DictionaryKind } from '../../../../shared/workspace/dictionary-files';
import { deleteEntry, upsertEntry } from '../../../../shared/workspace/dictionary-edit';
import type { DictionaryView } from '../../../../shared/workspace/workspace-api';
import { DecisionLinks } from '../../components/decision-links';
import { useFileEdit } from '../workspace/use-file-edit';

type Values = Record<string, string | boolean>;
export type Selection = { kind: DictionaryKind; index: number | null; file: string; sourceIndex: number | null };

const fields: Record<DictionaryKind, Array<{ name: string; label: string; type?: 'checkbox' | 'number' | 'list' | 'choice'; hint?: string }>> = {
  words: [
    { name: 'name', label: 'Logical name' }, { name: 'abbreviation', label: 'Abbreviation', hint: 'upper case, e.g. PAY' }, { name: 'english', label: 'English' },
    { name: 'classifier', label: 'Classifier word (ends a term)', type: 'checkbox' }, { name: 'domain', label: 'Domain (for a classifier)' },
    { name: 'standardWord', label: 'Non-standard: use this word instead' }, { name: 'description', label: 'Description' },
  ],
  domains: [
    { name: 'name', label: 'Name' }, { name: 'dataType', label: 'Data type', hint: 'VARCHAR, BIGINT, DECIMAL…' }, { name: 'length', label: 'Length', type: 'number' },
    { name: 'scale', label: 'Scale', type: 'number' }, { name: 'description', label: 'Description' },
  ],
  terms: [
    { name: 'name', label: 'Term' }, { name: 'words', label: 'Words, in order', type: 'list', hint: 'separated by spaces; the last is a classifier word' },
    { name: 'domain', label: 'Domain (when not the classifier’s)' }, { name: 'concept', label: 'Ontology concept', hint: 'pay:paymentAmount' },
    { name: 'classification', label: 'Classification (fields are masked)', type: 'choice' }, { name: 'description', label: 'Description' },
  ],
};
const schemas = { words: standardWordSchema, domains: standardDomainSchema, terms: standardTermSchema };

function toValues(entry: Record<string, unknown> | null): Values {
  if (!entry) return {};
  return Object.fromEntries(Object.entries(entry).filter(([k]) => k !== 'physicalName').map(([k, v]) => [k, Array.isArray(v) ? v.join(' ') : typeof v === 'boolean' ? v : String(v)]));
}

function toEntry(kind: DictionaryKind, values: Values): Record<string, unknown> {
  const entry: Record<string, unknown> = {};
  for (const field of fields[kind]) {
    const value = values[field.name];
    if (value === undefined || value === '' || value === false) continue;
    if (field.type === 'number') entry[field.name] = Number(value);
    else if (field.type === 'list') entry[field.name] = String(value).split(/\s+/).filter(Boolean);
    else entry[field.name] = typeof value === 'string' ? value.trim() : value;
  }
  return entry;
}

export function EntryForm({ view, selection, onDone }: { view: DictionaryView; selection: Selection; onDone: (saved: string | null) => void }) {
  const { kind, index } = selection;
  const current = index !== null ? (view[kind][index]?.value as Record<string, unknown> | undefined) ?? null : null;
  const [values, setValues] = useState<Values>(() => toValues(current));
  const [file, setFile] = useState(selection.file);
  const { edit, busy, error } = useFileEdit();
  const entry = toEntry(kind, values);
  const parsed = schemas[kind].safeParse(entry);

  // The dictionary's own rules, with this edit applied, for this entry only.
  const findings = useMemo(() => {
    if (!parsed.success) return [];
    const source = { file: '(this form)', index: -1, span: { line: 1, column: 1, endLine: 1, endColumn: 1 }, fields: {} };
    const edited = { words: [...view.words], domains: [...view.domains], terms: [...view.terms] } as unknown as Parameters<typeof validateDictionary>[0];
    const list = edited[kind] as Array<{ value: unknown; source: typeof source }>;
    if (index !== null) list[index] = { value: parsed.data, source }; else list.push({ value: parsed.data, source });
    return validateDictionary(edited, undefined, view.classifications).filter((d) => d.file === '(this form)' || d.message.includes('(this form)'));
  }, [parsed.success, parsed.data, view, kind, index]);

  const write = (change: (text: string) => string) => edit(file, change, () => onDone(String(entry.name ?? '')));
  const sourceIndex = selection.sourceIndex;
  const issues = parsed.success ? [] : parsed.error.issues.map((i) => `${String(i.path[0] ?? '')}: ${i.message}`);

  return (
    <form className="card entry-form" aria-label={`${index === null ? 'New' : 'Edit'} ${kind.slice(0, -1)}`} onSubmit={(e) => {
      e.preventDefault();
      if (!parsed.success || busy) return;
      void write((text) => upsertEntry(text, kind, file === selection.file ? sourceIndex : null, entry));
    }}>
      <h2>{index === null ? `New ${kind.slice(0, -1)}` : `${current?.name as string}`}</h2>
      {kind === 'terms' && current && <DecisionLinks links={[{ kind: 'terms', name: String(current.name) }]} />}
      {fields[kind].map((field) => field.type === 'checkbox' ? (
        <label key={field.name} className="check"><input type="checkbox" checked={values[field.name] === true} onChange={(e) => setValues({ ...values, [field.name]: e.target.checked })} /> {field.label}</label>
      ) : field.type === 'choice' ? (
        // The workspace config's classifications, plus the entry's own value when the config no longer lists it.
        <label key={field.name}>{field.label}
          <select name={field.name} aria-label={field.label} value={String(values[field.name] ?? '')} onChange={(e) => setValues({ ...values, [field.name]: e.target.value })}>
            <option value="">none</option>
            {[...new Set([...view.classifications, ...(values[field.name] ? [String(values[field.name])] : [])])].map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
        </label>
      ) : (
        <label key={field.name}>{field.label}
          <input name={field.name} aria-label={field.label} type={field.type === 'number' ? 'number' : 'text'} value={String(values[field.name] ?? '')} placeholder={field.hint} onChange={(e) => setValues({ ...values, [field.name]: e.target.value })} />
        </label>
      ))}
      {index === null && (
        <label>File<select value={file} onChange={(e) => setFile(e.target.value)}>{view.files.map((f) => <option key={f} value={f}>{f}</option>)}</select></label>
      )}
      {(issues.length > 0 || findings.length > 0) && (
        <ul className="form-findings" data-testid="entry-findings">
          {issues.map((i) => <li key={i} className="error-text">{i}</li>)}
          {findings.map((f) => <li key={f.code + f.message} className={f.severity === 'error' ? 'error-text' : 'warn-text'}>{f.message}</li>)}
        </ul>
      )}
      {error && <p className="error-text" role="alert">{error}</p>}
      <div className="actions">
        {index !== null && sourceIndex !== null && (
          <button type="button" className="danger" disabled={busy} onClick={() => { if (window.confirm(`Delete "${String(current?.name)}" from ${file}?`)) void write((text) => deleteEntry(text, kind, sourceIndex)); }}>Delete</button>
        )}
        <span className="spacer" />
        <button type="button" onClick={() => onDone(null)}>Cancel</button>
        <button type="submit" className="primary" data-testid="save-entry" disabled={!parsed.success || busy || findings.some((f) => f.severity === 'error')}>{busy ? 'Saving…' : `Save to ${file.split('/').pop()}`}</button>
      </div>
    </form>
  );
}
