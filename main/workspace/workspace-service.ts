// The open workspace: a folder of files the user owns. Every file is read and parsed on its own
// (a broken file loses only itself), kept in a per-file cache, and re-read when it changes on disk,
// so edits made in another editor appear live. Saves are atomic and refused when the disk changed
// since the edit started (the console then offers reload or merge). Unsaved edits are drafts.
import fs from 'node:fs';
import path from 'node:path';
import { indexDictionary, type DictionaryIndex } from '../../shared/governance/dictionary';
import { AppFailure } from '../../shared/common/result';
import { adrFileName, adrId, adrTemplate, markSuperseded, nextAdrNumber } from '../../shared/workspace/adr';
import { analyzeWorkspace, fileKind, parseWorkspaceFile, type FileKind, type FileParse, type WorkspaceAnalysis } from '../../shared/workspace/analysis';
import { CONFIG_FILE, readConfig, type WorkspaceConfig } from '../../shared/workspace/config';
import type { Diagnostic } from '../../shared/common/diagnostics';
import { dictionaryOf } from '../../shared/workspace/dictionary-files';
import { expandName, ontologyEdges } from '../../shared/workspace/ontology';
import type { DictionaryView, OntologyView, WorkspaceFile, WorkspaceView } from '../../shared/workspace/workspace-api';
import { createLogger } from '../platform/logger';
import { writeFileAtomic } from '../platform/atomic-write';
import { DraftStore } from './drafts';
import { RecentWorkspaces } from './recent-workspaces';
import { watchFolder, type FolderWatcher } from './folder-watcher';
import { isTemporary, listFiles, readText, resolveInside, versionOf } from './workspace-files';

const log = createLogger('workspace');
const CHANGE_DEBOUNCE_MS = 60;

interface CachedFile {
  kind: FileKind;
  size: number;
  text: string | null;
  version: string | null;
  unreadableReason: string | null;
}

interface OpenWorkspace {
  root: string;
  config: WorkspaceConfig;
  configDiagnostics: Diagnostic[];
  files: Map<string, CachedFile>;
  parses: Map<string, FileParse>;
  analysis: WorkspaceAnalysis;
  revision: number;
  drafts: DraftStore;
  watcher: FolderWatcher | null;
  pending: Set<string>;
  timer: NodeJS.Timeout | null;
  derived: { revision: number; index: DictionaryIndex; concepts: Map<string, string> } | null;
}

export interface WorkspaceServiceOptions {
  dataDir: string;
  /** assets/example-workspace, opened (as a copy) on the first run; null where it is not shipped. */
  exampleDir: string | null;
  /** A workspace to open at start (SLUICE_WORKSPACE); else the last one, else the example. */
  initialPath?: string | null;
  /** Off in tests that drive changes themselves. */
  watch?: boolean;
}

export class WorkspaceService {
  #open: OpenWorkspace | null = null;
  #problem: string | null = null;
  readonly #recent: RecentWorkspaces;
  readonly #listeners = new Set<() => void>();

  constructor(private readonly options: WorkspaceServiceOptions) {
    this.#recent = new RecentWorkspaces(options.dataDir);
    const start = options.initialPath ?? this.#recent.list()[0] ?? null;
    try {
      if (start) this.open(start);
      else if (options.exampleDir && fs.existsSync(options.exampleDir)) this.open(this.#recent.exampleCopy(options.exampleDir));
    } catch (error) {
      this.#problem = error instanceof Error ? error.message : String(error);
      log.warn(`No workspace opened at start: ${this.#problem}`);
    }
  }

  /** Called after anything a page shows may have changed (a file here or on disk, a draft, another folder). */
  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #changed() {
    for (const listener of this.#listeners) listener();
  }

  /** Opens a folder as the workspace: reads and parses every file, then watches it. */
  open(folder: string) {
    const root = path.resolve(folder);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(root);
    } catch {
      throw new AppFailure('NOT_FOUND', `There is no folder at ${root}.`, { path: root });
    }
    if (!stat.isDirectory()) throw new AppFailure('INVALID_INPUT', `${root} is a file; open the folder that holds decisions/, dictionary/ and ontology/.`, { path: root });
    const started = performance.now();
    this.close();
    const configText = fs.existsSync(path.join(root, CONFIG_FILE)) ? readText(root, CONFIG_FILE) : null;
    const { config, diagnostics } = readConfig(configText?.text ?? null);
    const files = new Map<string, CachedFile>();
    const parses = new Map<string, FileParse>();
    for (const relative of listFiles(root)) this.#load(root, config, relative, files, parses);
    const open: OpenWorkspace = {
      root, config, configDiagnostics: diagnostics, files, parses, analysis: analyzeWorkspace(config, diagnostics, parses), revision: 1,
      drafts: new DraftStore(this.options.dataDir, root), watcher: null, pending: new Set(), timer: null, derived: null,
    };
    this.#open = open;
    this.#problem = null;
    if (this.options.watch !== false) open.watcher = this.#watch(open);
    this.#recent.remember(root);
    log.info(`Opened ${root}: ${files.size} files in ${(performance.now() - started).toFixed(0)} ms`);
    this.#changed();
    return this.state();
  }

  #load(root: string, config: WorkspaceConfig, relative: string, files: Map<string, CachedFile>, parses: Map<string, FileParse>) {
    const kind = fileKind(relative, config);
    const read = readText(root, relative);
    if (read.text === null && read.reason === 'deleted') {
      files.delete(relative);
      parses.delete(relative);
      return;
    }
    // Other files are listed but not kept in memory; they are read when opened.
    const keep = kind !== 'other';
    files.set(relative, {
      kind, size: read.size, text: keep ? read.text : null, version: read.text !== null ? read.version : null,
      unreadableReason: read.text === null ? read.reason : null,
    });
    if (read.text !== null) parses.set(relative, parseWorkspaceFile(relative, read.text, config));
    else parses.delete(relative);
  }

  #watch(open: OpenWorkspace): FolderWatcher | null {
    try {
      return watchFolder(open.root, (relative) => {
        if (relative.split('/').some((part) => part.startsWith('.') || part === 'node_modules') || isTemporary(path.basename(relative))) return;
        open.pending.add(relative);
        if (!open.timer) open.timer = setTimeout(() => this.#applyChanges(open), CHANGE_DEBOUNCE_MS);
      }, (error) => log.warn(`Watching ${open.root}: ${error.message}`));
    } catch (error) {
      log.warn(`Cannot watch ${open.root}; changes made elsewhere appear after a reopen`, error);
      return null;
    }
  }

  /** Re-reads what changed on disk; only files whose content changed are parsed again. */
  #applyChanges(open: OpenWorkspace) {
    open.timer = null;
    if (this.#open !== open) return;
    const changed = [...open.pending];
    open.pending.clear();
    if (changed.includes(CONFIG_FILE)) {
      this.open(open.root);
      return;
    }
    let any = false;
    for (const relative of changed) {
      let isDirectory = false;
      try { isDirectory = fs.statSync(resolveInside(open.root, relative)).isDirectory(); } catch { /* deleted */ }
      const paths = isDirectory ? listFiles(resolveInside(open.root, relative)).map((p) => `${relative}/${p}`) : [relative];
      if (!isDirectory && !fs.existsSync(resolveInside(open.root, relative))) {
        // A folder that was removed takes its files with it.
        for (const known of [...open.files.keys()]) if (known === relative || known.startsWith(`${relative}/`)) { open.files.delete(known); open.parses.delete(known); any = true; }
        continue;
      }
      for (const p of paths) {
        const before = open.files.get(p)?.version ?? null;
        const read = readText(open.root, p);
        if (read.text !== null && read.version === before) continue;
        this.#load(open.root, open.config, p, open.files, open.parses);
        any = true;
      }
    }
    if (any) this.#reanalyze(open);
  }

  #reanalyze(open: OpenWorkspace) {
    open.analysis = analyzeWorkspace(open.config, open.configDiagnostics, open.parses);
    open.revision++;
    this.#changed();
  }

  #require(): OpenWorkspace {
    if (!this.#open) throw new AppFailure('NOT_FOUND', this.#problem ? `No workspace is open: ${this.#problem}` : 'No workspace is open: open a folder first.');
    return this.#open;
  }

  get config(): WorkspaceConfig | null {
    return this.#open?.config ?? null;
  }

  get revision(): number {
    return this.#open?.revision ?? 0;
  }

  state(): { workspace: WorkspaceView | null; recent: string[]; problem: string | null } {
    const open = this.#open;
    if (!open) return { workspace: null, recent: this.#recent.list(), problem: this.#problem };
    const { analysis } = open;
    const counts = new Map<string, { errors: number; warnings: number }>();
    for (const d of analysis.diagnostics) {
      const c = counts.get(d.file) ?? { errors: 0, warnings: 0 };
      if (d.severity === 'error') c.errors++; else if (d.severity === 'warning') c.warnings++;
      counts.set(d.file, c);
    }
    const files = [...open.files].map(([p, f]) => ({ path: p, kind: f.kind, size: f.size, readable: f.unreadableReason === null, ...(counts.get(p) ?? { errors: 0, warnings: 0 }) }));
    return {
      workspace: {
        root: open.root,
        name: open.config.name ?? path.basename(open.root),
        revision: open.revision,
        folders: open.config.folders,
        files,
        diagnostics: analysis.diagnostics,
        adrs: analysis.adrs,
        drafts: open.drafts.list().map(({ path: p, savedAt, baseVersion }) => ({ path: p, savedAt, baseVersion })),
        counts: {
          words: analysis.dictionary.words.length, domains: analysis.dictionary.domains.length, terms: analysis.dictionary.terms.length,
          classes: analysis.ontology.classes.length, properties: analysis.ontology.properties.length, concepts: analysis.ontology.concepts.length,
        },
      },
      recent: this.#recent.list(),
      problem: null,
    };
  }

  file(relative: string): WorkspaceFile {
    const open = this.#require();
    const cached = open.files.get(relative);
    const kind = cached?.kind ?? fileKind(relative, open.config);
    let text = cached?.text ?? null;
    let version = cached?.version ?? null;
    let unreadableReason = cached?.unreadableReason ?? null;
    if (cached && cached.text === null && cached.unreadableReason === null) {
      const read = readText(open.root, relative);
      if (read.text !== null) ({ text, version } = read); else unreadableReason = read.reason;
    }
    const draft = open.drafts.get(relative);
    if (!cached && !draft) throw new AppFailure('NOT_FOUND', `${relative} is not in the workspace.`, { path: relative });
    return {
      path: relative, kind, text, version, unreadableReason,
      diagnostics: open.analysis.diagnostics.filter((d) => d.file === relative),
      draft: draft ? { text: draft.text, baseVersion: draft.baseVersion, savedAt: draft.savedAt } : null,
    };
  }

  /**
   * Writes a file atomically. `baseVersion` is the version the edit started from: if the disk has
   * another, nothing is written and the error carries the disk's text for a merge.
   */
  save(input: { path: string; text: string; baseVersion: string | null }): { path: string; version: string } {
    const open = this.#require();
    const file = this.#resolve(open, input.path);
    const disk = fs.existsSync(file) ? readText(open.root, input.path) : null;
    const diskVersion = disk && disk.text !== null ? disk.version : null;
    if (disk && disk.text === null) throw new AppFailure('INVALID_INPUT', `${input.path} cannot be saved as text (${disk.reason}).`);
    if (diskVersion !== input.baseVersion) {
      throw new AppFailure('CONFLICT', disk
        ? `${input.path} changed on disk since you started editing it. Nothing was saved: reload it, or merge your changes into the new version.`
        : `${input.path} was deleted on disk since you started editing it. Nothing was saved: save again to create it anew.`,
      { path: input.path, diskVersion, diskText: disk?.text ?? null });
    }
    const mode = disk ? fs.statSync(file).mode & 0o777 : 0o644;
    writeFileAtomic(file, input.text, mode);
    open.drafts.discard(input.path);
    this.#load(open.root, open.config, input.path, open.files, open.parses);
    if (input.path === CONFIG_FILE) this.open(open.root);
    else this.#reanalyze(open);
    return { path: input.path, version: versionOf(input.text) };
  }

  #resolve(open: OpenWorkspace, relative: string): string {
    try {
      return resolveInside(open.root, relative);
    } catch {
      throw new AppFailure('INVALID_INPUT', `${relative} is outside the workspace.`, { path: relative });
    }
  }

  saveDraft(input: { path: string; text: string; baseVersion: string | null }) {
    const open = this.#require();
    this.#resolve(open, input.path);
    const draft = open.drafts.save(input.path, input.text, input.baseVersion);
    return { savedAt: draft.savedAt };
  }

  discardDraft(relative: string) {
    this.#require().drafts.discard(relative);
    this.#changed();
    return { discarded: true };
  }

  /** A new decision from the MADR template with the next number; superseding updates the old one too. */
  createAdr(input: { title: string; decisionMakers?: string; supersedes?: number }) {
    const open = this.#require();
    const { adrs } = open.analysis;
    const number = nextAdrNumber(adrs);
    const relative = `${open.config.folders.decisions}/${adrFileName(number, input.title)}`;
    const old = input.supersedes !== undefined ? adrs.find((a) => a.number === input.supersedes) : undefined;
    if (input.supersedes !== undefined && !old) throw new AppFailure('NOT_FOUND', `There is no ${adrId(input.supersedes)} to supersede.`);
    const text = adrTemplate({ title: input.title, date: new Date().toISOString().slice(0, 10), decisionMakers: input.decisionMakers, supersedes: old ? { number: old.number, file: old.file } : undefined });
    this.save({ path: relative, text, baseVersion: null });
    if (old) {
      const current = readText(open.root, old.file);
      if (current.text !== null) this.save({ path: old.file, text: markSuperseded(current.text, { number, file: relative }), baseVersion: current.version });
    }
    return { path: relative, number };
  }

  dictionaryView(): DictionaryView {
    const open = this.#require();
    const { dictionary } = open.analysis;
    const abbreviation = new Map(dictionary.words.map((w) => [w.value.name, w.value.abbreviation]));
    const physical = (words: string[]) => (words.every((w) => abbreviation.has(w)) ? words.map((w) => abbreviation.get(w)).join('_') : null);
    const files = [...open.files].filter(([, f]) => f.kind === 'dictionary').map(([p]) => p);
    return {
      words: dictionary.words,
      domains: dictionary.domains,
      terms: dictionary.terms.map((t) => ({ ...t, value: { ...t.value, physicalName: physical(t.value.words) } })),
      diagnostics: open.analysis.diagnostics.filter((d) => files.includes(d.file)),
      files,
    };
  }

  ontologyView(): OntologyView {
    const open = this.#require();
    const { ontology } = open.analysis;
    const files = [...open.files].filter(([, f]) => f.kind === 'ontology').map(([p]) => p);
    return { ...ontology, edges: ontologyEdges(ontology), files, diagnostics: open.analysis.diagnostics.filter((d) => files.includes(d.file)) };
  }

  /** The dictionary index and term concepts, rebuilt only when the workspace changed. */
  #derived(): NonNullable<OpenWorkspace['derived']> {
    const open = this.#require();
    if (open.derived?.revision === open.revision) return open.derived;
    const { dictionary, ontology, dictionaryIndex } = open.analysis;
    // The analysis already indexed this dictionary when the workspace has table definitions.
    const index = dictionaryIndex ?? indexDictionary(dictionaryOf(dictionary));
    const subjects = new Set(ontology.subjects);
    const concepts = new Map<string, string>();
    for (const [physical, indexed] of index.termsByPhysicalName) {
      const concept = indexed.term.concept;
      const iri = concept ? expandName(concept, ontology.prefixes) : 'unknown-prefix';
      if (concept && iri !== 'unknown-prefix' && subjects.has(iri)) concepts.set(physical, concept);
    }
    open.derived = { revision: open.revision, index, concepts };
    return open.derived;
  }

  /** The dictionary indexed for the name checker. */
  dictionaryIndex(): DictionaryIndex {
    return this.#derived().index;
  }

  /** The ontology concept a standard term maps to, by the term's physical name (only concepts the ontology defines). */
  conceptOf(physicalName: string): string | null {
    return this.#derived().concepts.get(physicalName) ?? null;
  }

  get analysis(): WorkspaceAnalysis | null {
    return this.#open?.analysis ?? null;
  }

  close(): void {
    const open = this.#open;
    if (!open) return;
    open.watcher?.close();
    if (open.timer) clearTimeout(open.timer);
    this.#open = null;
  }
}
