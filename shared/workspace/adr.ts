// Architecture decision records in MADR 4.0: numbered Markdown files with YAML front matter
// (status, date, decision-makers, consulted, informed) and the MADR sections. Sluice adds two
// optional front-matter keys: `links` (subjects, topics, groups, tables and terms the decision is
// about) and `expects` (facts the running platform must show, which the drift check compares).
import { isMap } from 'yaml';
import { diagnostic, lineSpan, type Diagnostic } from '../common/diagnostics';
import { parseYamlForEdit, readYaml } from './yaml-source';

export const adrStatusKinds = ['proposed', 'accepted', 'rejected', 'deprecated', 'superseded'] as const;
export type AdrStatusKind = (typeof adrStatusKinds)[number] | 'unknown';
export const linkKinds = ['subjects', 'topics', 'groups', 'tables', 'terms'] as const;
export type LinkKind = (typeof linkKinds)[number];

export interface Adr {
  file: string;
  number: number;
  title: string;
  /** The status as written, e.g. "superseded by ADR-0005". */
  status: string;
  statusKind: AdrStatusKind;
  supersededBy: number | null;
  supersedes: number[];
  date: string | null;
  decisionMakers: string[];
  consulted: string[];
  informed: string[];
  links: Record<LinkKind, string[]>;
  expects: { compatibility: Record<string, string>; groupType: Record<string, string> };
  sections: string[];
}

export const madrSections = ['Context and Problem Statement', 'Decision Drivers', 'Considered Options', 'Decision Outcome', 'Pros and Cons of the Options', 'More Information'] as const;
const requiredSections = ['Context and Problem Statement', 'Considered Options', 'Decision Outcome'];

const FILE_NAME = /(?:^|\/)(\d{4})-[^/]+\.md$/;
const adrReference = /ADR-?(\d{1,4})/i;

export const adrNumberOf = (file: string): number | null => {
  const match = FILE_NAME.exec(file);
  return match ? Number(match[1]) : null;
};
export const adrId = (number: number) => `ADR-${String(number).padStart(4, '0')}`;

/** Splits `---\nfront matter\n---\nbody`; the front matter keeps its line numbers (line 1 blanked). */
export function splitFrontMatter(text: string): { frontMatter: string | null; bodyStartLine: number; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) return { frontMatter: null, bodyStartLine: 1, body: text };
  const frontMatter = `\n${match[1]}`;
  return { frontMatter, bodyStartLine: frontMatter.split('\n').length + 2, body: text.slice(match[0].length) };
}

const list = (value: unknown): string[] => {
  if (Array.isArray(value)) return value.map(String).map((s) => s.trim()).filter(Boolean);
  if (typeof value === 'string') return value.split(',').map((s) => s.trim()).filter(Boolean);
  return [];
};
const stringMap = (value: unknown): Record<string, string> => {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]));
};

export function parseAdr(file: string, text: string): { adr: Adr | null; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const number = adrNumberOf(file);
  if (number === null) diagnostics.push(diagnostic(file, lineSpan(1), 'warning', 'adr-file-name', 'Decision files are named NNNN-title.md (e.g. 0007-standard-terms.md) so they can be numbered and linked.'));
  const { frontMatter, body, bodyStartLine } = splitFrontMatter(text);
  let meta: Record<string, unknown> = {};
  if (frontMatter === null) {
    diagnostics.push(diagnostic(file, lineSpan(1), 'error', 'adr-front-matter', 'MADR front matter is missing: start the file with ---, status, date, decision-makers, consulted, informed, then ---.'));
  } else {
    const source = readYaml(file, frontMatter);
    diagnostics.push(...source.diagnostics);
    if (source.ok) {
      const json: unknown = source.value;
      if (json && typeof json === 'object' && !Array.isArray(json)) meta = json as Record<string, unknown>;
      else if (json !== null && json !== undefined) diagnostics.push(diagnostic(file, lineSpan(2), 'error', 'adr-front-matter', 'The front matter must be a map of fields.'));
    }
  }
  const lines = body.split('\n');
  const titleIndex = lines.findIndex((l) => /^#\s+\S/.test(l));
  const title = titleIndex >= 0 ? lines[titleIndex]!.replace(/^#\s+/, '').trim() : '';
  if (!title) diagnostics.push(diagnostic(file, lineSpan(bodyStartLine), 'error', 'adr-title', 'A decision needs a title: a first-level heading (# Title).'));
  const sections = lines.filter((l) => /^##\s+\S/.test(l)).map((l) => l.replace(/^##\s+/, '').trim());
  for (const section of requiredSections) {
    if (!sections.includes(section)) diagnostics.push(diagnostic(file, lineSpan(bodyStartLine + Math.max(titleIndex, 0)), 'warning', 'adr-section', `The MADR section "## ${section}" is missing.`));
  }

  const status = typeof meta.status === 'string' ? meta.status.trim() : '';
  const statusWord = status.toLowerCase().split(/\s+/)[0] ?? '';
  const statusKind: AdrStatusKind = (adrStatusKinds as readonly string[]).includes(statusWord) ? statusWord as AdrStatusKind : 'unknown';
  const fieldLine = (field: string) => {
    const index = (frontMatter ?? '').split('\n').findIndex((l) => l.startsWith(`${field}:`));
    return index >= 0 ? index + 1 : 1;
  };
  if (frontMatter !== null && statusKind === 'unknown') {
    diagnostics.push(diagnostic(file, lineSpan(fieldLine('status')), 'error', 'adr-status', `The status is "${status || '(none)'}"; MADR uses proposed, accepted, rejected, deprecated or "superseded by ADR-NNNN".`));
  }
  const supersededByMatch = statusKind === 'superseded' ? adrReference.exec(status) : null;
  if (statusKind === 'superseded' && !supersededByMatch) {
    diagnostics.push(diagnostic(file, lineSpan(fieldLine('status')), 'error', 'adr-supersede', 'Say which record supersedes this one: "superseded by ADR-NNNN".'));
  }
  const date = meta.date instanceof Date ? meta.date.toISOString().slice(0, 10) : typeof meta.date === 'string' ? meta.date : null;
  if (frontMatter !== null && (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date))) {
    diagnostics.push(diagnostic(file, lineSpan(fieldLine('date')), 'warning', 'adr-date', 'The date is written YYYY-MM-DD.'));
  }
  const links = Object.fromEntries(linkKinds.map((kind) => [kind, list((meta.links as Record<string, unknown> | undefined)?.[kind])])) as Record<LinkKind, string[]>;
  const expectsRaw = (meta.expects ?? {}) as Record<string, unknown>;
  const adr: Adr = {
    file,
    number: number ?? 0,
    title,
    status,
    statusKind,
    supersededBy: supersededByMatch ? Number(supersededByMatch[1]) : null,
    supersedes: list(meta.supersedes).map((s) => adrReference.exec(s)?.[1] ?? s).map(Number).filter(Number.isFinite),
    date,
    decisionMakers: list(meta['decision-makers']),
    consulted: list(meta.consulted),
    informed: list(meta.informed),
    links,
    expects: { compatibility: stringMap(expectsRaw.compatibility), groupType: stringMap(expectsRaw.groupType) },
    sections,
  };
  return { adr: number === null ? null : adr, diagnostics };
}

/** Rules across records: unique numbers, and supersede links that exist and point both ways. */
export function checkAdrs(adrs: Adr[]): Diagnostic[] {
  const found: Diagnostic[] = [];
  const byNumber = new Map<number, Adr>();
  for (const adr of adrs) {
    const same = byNumber.get(adr.number);
    if (same) found.push(diagnostic(adr.file, lineSpan(1), 'error', 'adr-number', `${adrId(adr.number)} is also ${same.file}: renumber one of them.`));
    else byNumber.set(adr.number, adr);
  }
  for (const adr of adrs) {
    if (adr.supersededBy !== null) {
      const successor = byNumber.get(adr.supersededBy);
      if (!successor) found.push(diagnostic(adr.file, lineSpan(2), 'error', 'adr-supersede', `It is superseded by ${adrId(adr.supersededBy)}, which does not exist.`));
      else if (!successor.supersedes.includes(adr.number)) found.push(diagnostic(successor.file, lineSpan(2), 'warning', 'adr-supersede', `${adrId(adr.number)} says this record supersedes it; add "supersedes: ${adrId(adr.number)}" to the front matter so the link goes both ways.`));
    }
    for (const older of adr.supersedes) {
      const predecessor = byNumber.get(older);
      if (!predecessor) found.push(diagnostic(adr.file, lineSpan(2), 'error', 'adr-supersede', `It supersedes ${adrId(older)}, which does not exist.`));
      else if (predecessor.supersededBy !== adr.number) found.push(diagnostic(predecessor.file, lineSpan(2), 'warning', 'adr-supersede', `${adrId(adr.number)} supersedes this record, but its status does not say so: set it to "superseded by ${adrId(adr.number)}".`));
    }
  }
  return found;
}

export const nextAdrNumber = (adrs: Pick<Adr, 'number'>[]): number => adrs.reduce((max, a) => Math.max(max, a.number), 0) + 1;

export const adrFileName = (number: number, title: string): string => {
  const slug = title.toLowerCase().normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'decision';
  return `${String(number).padStart(4, '0')}-${slug}.md`;
};

/** A new record from the MADR 4.0 template. */
export function adrTemplate({ title, date, decisionMakers, supersedes }: { title: string; date: string; decisionMakers?: string; supersedes?: { number: number; file: string } }): string {
  const front = [
    '---',
    'status: proposed',
    `date: ${date}`,
    `decision-makers: ${decisionMakers?.trim() || 'TBD'}`,
    'consulted: TBD',
    'informed: TBD',
    ...(supersedes ? [`supersedes: ${adrId(supersedes.number)}`] : []),
    '---',
  ];
  return `${front.join('\n')}

# ${title}

## Context and Problem Statement

Describe the context and the problem in two or three sentences, or as a question.

## Decision Drivers

* A force or concern that shapes the decision

## Considered Options

* Option 1
* Option 2

## Decision Outcome

Chosen option: "Option 1", because it is the only option that meets the decision drivers.

### Consequences

* Good, because …
* Bad, because …

### Confirmation

How compliance with this decision is checked.

## Pros and Cons of the Options

### Option 1

* Good, because …
* Bad, because …

## More Information
${supersedes ? `\nSupersedes [${adrId(supersedes.number)}](${supersedes.file.split('/').pop()}).\n` : ''}`;
}

/** Marks a record superseded: its status names the successor, and More Information links to it. */
export function markSuperseded(text: string, successor: { number: number; file: string }): string {
  const { frontMatter } = splitFrontMatter(text);
  const reference = adrId(successor.number);
  const link = `Superseded by [${reference}](${successor.file.split('/').pop()}).`;
  let updated = text;
  if (frontMatter !== null) {
    // Edited through yaml's document model, so the other fields keep their comments and layout.
    // A front matter too deep to parse is left as it is (its record already shows a diagnostic).
    let doc: ReturnType<typeof parseYamlForEdit> | null = null;
    try { doc = parseYamlForEdit(frontMatter); } catch { /* left as it is */ }
    if (doc && doc.errors.length === 0 && isMap(doc.contents)) {
      doc.set('status', `superseded by ${reference}`);
      const header = text.match(/^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/)![0];
      updated = `---\n${String(doc).replace(/^\n+/, '')}---\n${text.slice(header.length)}`;
    }
  } else {
    updated = `---\nstatus: superseded by ${reference}\n---\n\n${text}`;
  }
  if (updated.includes(link)) return updated;
  if (/^## More Information\s*$/m.test(updated)) return updated.replace(/^## More Information\s*$/m, (heading) => `${heading}\n\n${link}`);
  return `${updated.replace(/\s*$/, '')}\n\n## More Information\n\n${link}\n`;
}
