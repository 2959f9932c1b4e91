// The dictionary folder: YAML files holding `words:`, `domains:` and `terms:` lists (any file may
// hold any of them). Each entry is read on its own, so one bad entry is a diagnostic and the rest
// of the dictionary still works. Validation finds what makes the standard unusable: duplicate
// abbreviations, homonyms, terms that do not end in a classifier word, unknown words and domains.
import { z } from 'zod';
import type { Dictionary, StandardDomain, StandardTerm, StandardWord } from '../governance/dictionary';
import { diagnostic, type Diagnostic, type Span } from '../common/diagnostics';
import { CONFIG_FILE, defaultClassifications } from './config';
import { every, runToEnd, type Steps } from './steps';
import { listEntries, readYaml, type YamlEntry } from './yaml-source';

const optionalText = z.string().trim().min(1).optional();
export const standardWordSchema = z.object({
  name: z.string().trim().min(1),
  abbreviation: z.string().trim().regex(/^[A-Z][A-Z0-9]*$/, 'an abbreviation is upper-case letters and digits, starting with a letter'),
  english: optionalText,
  classifier: z.boolean().optional(),
  domain: optionalText,
  standardWord: optionalText,
  description: optionalText,
}).strict();
export const standardDomainSchema = z.object({
  name: z.string().trim().min(1),
  dataType: z.string().trim().regex(/^[A-Za-z][A-Za-z0-9 ]*$/, 'a data type is a word such as VARCHAR or DECIMAL'),
  length: z.number().int().positive().optional(),
  scale: z.number().int().min(0).optional(),
  description: optionalText,
}).strict();
export const standardTermSchema = z.object({
  name: z.string().trim().min(1),
  words: z.array(z.string().trim().min(1)).min(1, 'a term has at least one word'),
  domain: optionalText,
  concept: optionalText,
  /** personal, secret…: the values the workspace config allows (governance.classifications). */
  classification: optionalText,
  description: optionalText,
}).strict();

export type DictionaryKind = 'words' | 'domains' | 'terms';
const schemas = { words: standardWordSchema, domains: standardDomainSchema, terms: standardTermSchema };

/** Where an entry lives, so a form can edit it in place and a finding can point at it. */
export interface EntrySource {
  file: string;
  index: number;
  span: Span;
  fields: Record<string, Span>;
}
export interface Located<T> { value: T; source: EntrySource }

export interface DictionaryModel {
  words: Located<StandardWord>[];
  domains: Located<StandardDomain>[];
  terms: Located<StandardTerm>[];
  diagnostics: Diagnostic[];
}

export const dictionaryOf = (model: Pick<DictionaryModel, DictionaryKind>): Dictionary => ({
  words: model.words.map((w) => w.value),
  domains: model.domains.map((d) => d.value),
  terms: model.terms.map((t) => t.value),
});

/** Reads one dictionary file; entries that do not match their schema become diagnostics. */
export function readDictionaryFile(file: string, text: string): DictionaryModel {
  const source = readYaml(file, text);
  const diagnostics = [...source.diagnostics];
  const model: DictionaryModel = { words: [], domains: [], terms: [], diagnostics };
  if (!source.ok) return model;
  let found = false;
  for (const kind of ['words', 'domains', 'terms'] as const) {
    const entries = listEntries(source, file, kind, diagnostics);
    if (!entries) continue;
    found = true;
    for (const entry of entries) {
      const parsed = schemas[kind].safeParse(entry.value);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const field = String(issue.path[0] ?? '');
          diagnostics.push(diagnostic(file, entry.fields[field] ?? entry.span, 'error', 'invalid-entry', `${kind.slice(0, -1)} ${describe(entry)}: ${field ? `${field}: ` : ''}${issue.message}`));
        }
        continue;
      }
      (model[kind] as Located<unknown>[]).push({ value: parsed.data, source: { file, index: entry.index, span: entry.span, fields: entry.fields } });
    }
  }
  if (!found && source.value !== null && source.value !== undefined) {
    diagnostics.push(diagnostic(file, { line: 1, column: 1, endLine: 1, endColumn: 2 }, 'warning', 'no-dictionary-lists', 'This file has no `words:`, `domains:` or `terms:` list, so nothing in it is part of the dictionary.'));
  }
  return model;
}

const describe = (entry: YamlEntry) => (typeof entry.value.name === 'string' ? `"${entry.value.name}"` : `#${entry.index + 1}`);

export function mergeDictionaryFiles(models: DictionaryModel[]): DictionaryModel {
  return {
    words: models.flatMap((m) => m.words),
    domains: models.flatMap((m) => m.domains),
    terms: models.flatMap((m) => m.terms),
    diagnostics: models.flatMap((m) => m.diagnostics),
  };
}

const at = (entry: Located<unknown>, field?: string): Span => (field && entry.source.fields[field]) || entry.source.span;
const where = (entry: Located<unknown>) => `${entry.source.file}:${entry.source.span.line}`;

type ConceptExists = (concept: string) => boolean | 'unknown-prefix';

/**
 * The dictionary's own rules, across all its files. `conceptExists` (from the ontology) checks term
 * concepts; without it concepts are not checked. `classifications` are the values a term's
 * classification may take (the workspace config's, by default personal and secret).
 */
export function validateDictionary(model: Pick<DictionaryModel, DictionaryKind>, conceptExists?: ConceptExists, classifications: readonly string[] = defaultClassifications): Diagnostic[] {
  return runToEnd(validateDictionaryInSteps(model, conceptExists, classifications));
}

/** The same, yielding every 2,000 entries (a 13,000-term dictionary is ~0.1 s of checks). */
export function* validateDictionaryInSteps(model: Pick<DictionaryModel, DictionaryKind>, conceptExists?: ConceptExists, classifications: readonly string[] = defaultClassifications): Steps<Diagnostic[]> {
  const pause = every(2_000);
  const found: Diagnostic[] = [];
  const report = (entry: Located<unknown>, field: string | undefined, severity: Diagnostic['severity'], code: string, message: string) =>
    found.push(diagnostic(entry.source.file, at(entry, field), severity, code, message));

  const wordsByName = new Map<string, Located<StandardWord>>();
  const wordsByAbbreviation = new Map<string, Located<StandardWord>>();
  const wordsByEnglish = new Map<string, Located<StandardWord>>();
  for (const word of model.words) {
    if (pause()) yield;
    const { name, abbreviation, english } = word.value;
    const sameName = wordsByName.get(name);
    if (sameName) report(word, 'name', 'error', 'homonym', `"${name}" is defined twice (also at ${where(sameName)}): a homonym must get distinct names, e.g. "${name}1" and "${name}2", or the entries merged.`);
    else wordsByName.set(name, word);
    const sameAbbreviation = wordsByAbbreviation.get(abbreviation);
    if (sameAbbreviation && sameAbbreviation.value.name !== name) {
      report(word, 'abbreviation', 'error', 'duplicate-abbreviation', `${abbreviation} is already the abbreviation of "${sameAbbreviation.value.name}" (${where(sameAbbreviation)}): a physical name using it could mean either.`);
    } else wordsByAbbreviation.set(abbreviation, word);
    const key = english?.toUpperCase().replace(/[\s_-]+/g, '');
    if (key) {
      const sameEnglish = wordsByEnglish.get(key);
      if (sameEnglish && sameEnglish.value.name !== name) report(word, 'english', 'warning', 'homonym', `"${english}" is also the English of "${sameEnglish.value.name}" (${where(sameEnglish)}): a spelled-out name using it is ambiguous.`);
      else wordsByEnglish.set(key, word);
      const clash = wordsByAbbreviation.get(key);
      if (clash && clash.value.name !== name) report(word, 'english', 'warning', 'homonym', `"${english}" spelled out is the abbreviation of "${clash.value.name}".`);
    }
  }
  const domainNames = new Set<string>();
  for (const domain of model.domains) {
    if (domainNames.has(domain.value.name)) report(domain, 'name', 'error', 'duplicate-domain', `The domain "${domain.value.name}" is defined twice.`);
    domainNames.add(domain.value.name);
    if (domain.value.scale !== undefined && (domain.value.length === undefined || domain.value.scale > domain.value.length)) {
      report(domain, 'scale', 'error', 'invalid-scale', 'A scale needs a length at least as large.');
    }
  }
  for (const word of model.words) {
    if (pause()) yield;
    const { classifier, domain, standardWord, name } = word.value;
    if (classifier && !domain) report(word, 'classifier', 'error', 'classifier-without-domain', `"${name}" is a classifier word: give it the domain a term ending in it takes.`);
    if (domain && !domainNames.has(domain)) report(word, 'domain', 'error', 'unknown-domain', `No domain is named "${domain}".`);
    if (domain && !classifier) report(word, 'domain', 'warning', 'domain-on-plain-word', `Only classifier words give terms their domain; "${name}" is not one.`);
    if (standardWord) {
      const standard = wordsByName.get(standardWord);
      if (!standard) report(word, 'standardWord', 'error', 'unknown-word', `"${standardWord}" is not a word in the dictionary.`);
      else if (standard.value.standardWord) report(word, 'standardWord', 'error', 'synonym-chain', `"${standardWord}" is itself non-standard: point at the standard word.`);
    }
  }
  const termsByName = new Map<string, Located<StandardTerm>>();
  const termsByPhysical = new Map<string, Located<StandardTerm>>();
  for (const term of model.terms) {
    if (pause()) yield;
    const { name, words, domain, concept, classification } = term.value;
    if (classification !== undefined && !classifications.includes(classification)) {
      const allowed = classifications.length > 0 ? `use one of ${classifications.join(', ')}` : 'the workspace allows none';
      report(term, 'classification', 'error', 'unknown-classification', `"${classification}" is not a classification this workspace declares (${allowed}; governance.classifications in ${CONFIG_FILE}).`);
    }
    const same = termsByName.get(name);
    if (same) report(term, 'name', 'error', 'duplicate-term', `The term "${name}" is defined twice (also at ${where(same)}).`);
    else termsByName.set(name, term);
    const parts = words.map((w) => wordsByName.get(w));
    const unknown = words.filter((_, i) => !parts[i]);
    if (unknown.length > 0) {
      report(term, 'words', 'error', 'unknown-word', `${unknown.map((w) => `"${w}"`).join(', ')} ${unknown.length === 1 ? 'is not a word' : 'are not words'} in the dictionary: add ${unknown.length === 1 ? 'it' : 'them'} first.`);
      continue;
    }
    const nonstandard = parts.filter((w) => w!.value.standardWord);
    for (const word of nonstandard) report(term, 'words', 'error', 'nonstandard-word', `"${word!.value.name}" is not standard: use "${word!.value.standardWord}".`);
    const last = parts[parts.length - 1]!.value;
    if (!last.classifier) report(term, 'words', 'error', 'term-not-classifier', `A term ends in a classifier word (name, code, amount, date…); "${last.name}" is not one.`);
    if (domain && !domainNames.has(domain)) report(term, 'domain', 'error', 'unknown-domain', `No domain is named "${domain}".`);
    const physical = parts.map((w) => w!.value.abbreviation).join('_');
    const samePhysical = termsByPhysical.get(physical);
    if (samePhysical) report(term, 'words', 'error', 'duplicate-physical-name', `Its physical name ${physical} is also that of "${samePhysical.value.name}" (${where(samePhysical)}).`);
    else termsByPhysical.set(physical, term);
    if (concept && conceptExists) {
      const exists = conceptExists(concept);
      if (exists === 'unknown-prefix') report(term, 'concept', 'warning', 'unknown-prefix', `The prefix of ${concept} is not declared in the workspace config (ontology.prefixes).`);
      else if (!exists) report(term, 'concept', 'warning', 'unknown-concept', `${concept} is not defined in the ontology.`);
    }
  }
  return found;
}
