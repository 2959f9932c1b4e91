// The open workspace: a folder of files the user owns. Every file is read and parsed on its own
// (a broken file loses only itself), kept in a per-file cache, and re-read when it changes on disk,
// so edits made in another editor appear live. Saves are atomic and refused when the disk changed
// since the edit started (the console then offers reload or merge). Unsaved edits are drafts.
//
// What a folder holds cannot stall or escape main: a folder is read in slices between which other
// calls are answered (in-slices.ts); a file over 2 MB is listed but not read; a file that is not
// UTF-8 is shown read-only and never saved over; every path is checked against the folder's real
// path (workspace-files.ts). In the desktop app the page cannot name a folder to open, only pick
// one in main's folder dialog or from the recent list.
import fs from 'node:fs';
import path from 'node:path';
import { indexDictionary, type DictionaryIndex } from '../../shared/governance/dictionary';
import { AppFailure } from '../../shared/common/result';
import { adrFileName, adrId, adrTemplate, markSuperseded, nextAdrNumber } from '../../shared/workspace/adr';
import { analyzeWorkspace, analyzeWorkspaceInSteps, fileKind, parseWorkspaceFile, type FileKind, type FileParse, type WorkspaceAnalysis } from '../../shared/workspace/analysis';
import { CONFIG_FILE, readConfig, type WorkspaceConfig } from '../../shared/workspace/config';
import { diagnostic, lineSpan, type Diagnostic, type Span } from '../../shared/common/diagnostics';
import { dictionaryOf } from '../../shared/workspace/dictionary-files';
import { expandName, ontologyEdges } from '../../shared/workspace/ontology';
import type { DictionaryView, OntologyView, WorkspaceFile, WorkspaceView } from '../../shared/workspace/workspace-api';
import { createLogger } from '../platform/logger';
import { writeFileAtomic } from '../platform/atomic-write';
import { DraftStore } from './drafts';
import { RecentWorkspaces } from './recent-workspaces';
import { watchFolder, type FolderWatcher } from './folder-watcher';
import { runInSlices, runNow, WorkStopped } from './in-slices';
import { isTemporary, MAX_TEXT_BYTES, megabytes, OutsideWorkspace, readFileText, tooLargeReason, versionOf, WorkspaceFolder } from './workspace-files';
import type { MethodOutput, ParsedInput } from '../../shared/contract';

const log = createLogger('workspace');
const CHANGE_DEBOUNCE_MS = 60;

interface CachedFile {
  kind: FileKind;
  size: number;
  text: string | null;
  version: string | null;
  unreadableReason: string | null;
  tooLarge: boolean;
  /** Where the first byte that is not UTF-8 is: the file is then read-only. */
  notUtf8: Span | null;
}

interface OpenWorkspace {
  root: string;
  folder: WorkspaceFolder;
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
  /** Main's native folder dialog (Electron); absent in web mode, which has a path field instead. */
  folderPicker?: FolderPicker | null;
  /**
   * Which folders a caller (the page) may open by path: any (web mode, scripts), or only recent
   * ones (the desktop app, where a new folder is chosen in the folder dialog).
   */
  callerPaths?: 'any' | 'recent';
}

/** Shows a folder dialog; the chosen folder, or null when the user cancelled. */
export type FolderPicker = () => Promise<string | null>;

const NOT_UTF8 = 'It is not valid UTF-8, so it is shown read-only: saving it from here would replace bytes Sluice cannot read.';

type WorkspaceState = { workspace: WorkspaceView | null; recent: string[]; problem: string | null };

export class WorkspaceService {
  #open: OpenWorkspace | null = null;
  #problem: string | null = null;
  /** Bumped by every open and by close: an open in progress whose number is not the last one stops. */
  #generation = 0;
  #opening: string | null = null;
  readonly #recent: RecentWorkspaces;
  readonly #listeners = new Set<() => void>();

  constructor(private readonly options: WorkspaceServiceOptions) {
    this.#recent = new RecentWorkspaces(options.dataDir);
    const start = options.initialPath ?? this.#recent.list()[0] ?? null;
    // At start the folder is read at once: nothing else is served yet (the window and the bridge
    // come after the services), and the limits on each file keep it bounded.
    try {
      if (start) this.#finishOpen(runNow(this.#readFolder(this.#folderAt(start))));
      else if (options.exampleDir && fs.existsSync(options.exampleDir)) this.#finishOpen(runNow(this.#readFolder(this.#folderAt(this.#recent.exampleCopy(options.exampleDir)))));
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

  /**
   * Opens a folder as the workspace: reads and parses every file in slices (other calls are
   * answered in between), then watches it. The workspace open until then stays open; when another
   * open starts meanwhile, this one stops and the last one asked for wins.
   */
  async open(folder: string): Promise<WorkspaceState> {
    const started = performance.now();
    const target = this.#folderAt(folder);
    const generation = ++this.#generation;
    this.#opening = target.root;
    let open: OpenWorkspace;
    try {
      open = await runInSlices(this.#readFolder(target), () => this.#generation !== generation);
    } catch (error) {
      if (error instanceof WorkStopped) {
        throw new AppFailure('CONFLICT', `Opening ${target.root} stopped: another folder was opened meanwhile.`, { path: target.root });
      }
      throw error;
    } finally {
      if (this.#generation === generation) this.#opening = null;
    }
    this.#finishOpen(open);
    log.info(`Opened ${open.root}: ${open.files.size} files in ${(performance.now() - started).toFixed(0)} ms`);
    return this.state();
  }

  /** A folder the page asked for by path: in the desktop app, only one of the recent workspaces. */
  async openRequested(folder: string): Promise<WorkspaceState> {
    if (this.options.callerPaths === 'recent' && !this.#recent.list().includes(path.resolve(folder))) {
      throw new AppFailure('FORBIDDEN', 'In the desktop app a workspace folder is chosen in the folder dialog (Open folder…) or from the recent workspaces, not by a path the page sends.', { path: folder });
    }
    return this.open(folder);
  }

  /** Shows main's folder dialog and opens what the user chose; `chosen` is null when they cancelled. */
  async chooseFolder(): Promise<WorkspaceState & { chosen: string | null }> {
    const picker = this.options.folderPicker;
    if (!picker) throw new AppFailure('INVALID_INPUT', 'There is no folder dialog here (web mode): type the folder\'s path instead.');
    const chosen = await picker();
    if (!chosen) return { ...this.state(), chosen: null };
    return { ...(await this.open(chosen)), chosen: path.resolve(chosen) };
  }

  #folderAt(folder: string): WorkspaceFolder {
    const root = path.resolve(folder);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(root);
    } catch {
      throw new AppFailure('NOT_FOUND', `There is no folder at ${root}.`, { path: root });
    }
    if (!stat.isDirectory()) throw new AppFailure('INVALID_INPUT', `${root} is a file; open the folder that holds decisions/, dictionary/ and ontology/.`, { path: root });
    return new WorkspaceFolder(root);
  }

  /** Reads and parses every file of a folder, yielding after each folder listed and each file read. */
  *#readFolder(folder: WorkspaceFolder): Generator<void, OpenWorkspace> {
    const configText = fs.existsSync(path.join(folder.root, CONFIG_FILE)) ? folder.read(CONFIG_FILE) : null;
    const { config, diagnostics } = readConfig(configText?.text ?? null);
    const files = new Map<string, CachedFile>();
    const parses = new Map<string, FileParse>();
    for (const relative of yield* folder.listInSteps()) {
      this.#load(folder, config, relative, files, parses);
      yield;
    }
    const analysis = yield* analyzeWorkspaceInSteps(config, [...diagnostics, ...fileDiagnostics(files)], parses);
    return {
      root: folder.root, folder, config, configDiagnostics: diagnostics, files, parses, analysis, revision: 1,
      drafts: new DraftStore(this.options.dataDir, folder.root), watcher: null, pending: new Set(), timer: null, derived: null,
    };
  }

  #finishOpen(open: OpenWorkspace) {
    this.close();
    this.#open = open;
    this.#problem = null;
    if (this.options.watch !== false) open.watcher = this.#watch(open);
    this.#recent.remember(open.root);
    this.#changed();
  }

  #load(folder: WorkspaceFolder, config: WorkspaceConfig, relative: string, files: Map<string, CachedFile>, parses: Map<string, FileParse>) {
    const kind = fileKind(relative, config);
    const read = folder.read(relative);
    if (read.text === null && read.gone) {
      files.delete(relative);
      parses.delete(relative);
      return;
    }
    // Other files are listed but not kept in memory; they are read when opened.
    const keep = kind !== 'other';
    files.set(relative, read.text !== null
      ? { kind, size: read.size, text: keep ? read.text : null, version: read.version, unreadableReason: null, tooLarge: false, notUtf8: read.notUtf8 }
      : { kind, size: read.size, text: null, version: null, unreadableReason: read.reason, tooLarge: read.tooLarge, notUtf8: null });
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
      this.#reopen(open);
      return;
    }
    let any = false;
    for (const relative of changed) {
      // lstat: a link is a file of the workspace only where it leads inside (folder.read checks),
      // and a linked folder is never walked.
      let stat: fs.Stats | null = null;
      try { stat = fs.lstatSync(path.join(open.root, relative)); } catch { /* deleted */ }
      if (!stat) {
        // A folder that was removed takes its files with it.
        for (const known of [...open.files.keys()]) if (known === relative || known.startsWith(`${relative}/`)) { open.files.delete(known); open.parses.delete(known); any = true; }
        continue;
      }
      const paths = stat.isDirectory() ? open.folder.list(relative) : [relative];
      for (const p of paths) {
        const before = open.files.get(p);
        const read = open.folder.read(p);
        if (read.text !== null && before && read.version === before.version) continue;
        if (read.text === null && read.gone && !before) continue;
        this.#load(open.folder, open.config, p, open.files, open.parses);
        any = true;
      }
    }
    if (any) this.#reanalyze(open);
  }

  /** Reads the open folder again (its config changed), unless the user is opening another one. */
  #reopen(open: OpenWorkspace) {
    if (this.#opening !== null && this.#opening !== open.root) return;
    this.open(open.root).catch((error: unknown) => {
      if (!(error instanceof AppFailure && error.code === 'CONFLICT')) log.warn(`Reopening ${open.root}: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  #reanalyze(open: OpenWorkspace) {
    open.analysis = analyzeWorkspace(open.config, [...open.configDiagnostics, ...fileDiagnostics(open.files)], open.parses);
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

  state(): WorkspaceState {
    const open = this.#open;
    if (!open) return { workspace: null, recent: this.#recent.list(), problem: this.#problem };
    const { analysis } = open;
    const counts = new Map<string, { errors: number; warnings: number }>();
    for (const d of analysis.diagnostics) {
      const c = counts.get(d.file) ?? { errors: 0, warnings: 0 };
      if (d.severity === 'error') c.errors++; else if (d.severity === 'warning') c.warnings++;
      counts.set(d.file, c);
    }
    const files = [...open.files].map(([p, f]) => ({
      path: p, kind: f.kind, size: f.size, readable: f.unreadableReason === null, tooLarge: f.tooLarge, readOnly: f.notUtf8 !== null, ...(counts.get(p) ?? { errors: 0, warnings: 0 }),
    }));
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
    this.#resolve(open, relative);
    const cached = open.files.get(relative);
    const kind = cached?.kind ?? fileKind(relative, open.config);
    let text = cached?.text ?? null;
    let version = cached?.version ?? null;
    let unreadableReason = cached?.unreadableReason ?? null;
    let notUtf8 = cached?.notUtf8 ?? null;
    if (cached && cached.text === null && cached.unreadableReason === null) {
      const read = open.folder.read(relative);
      if (read.text !== null) ({ text, version, notUtf8 } = read); else unreadableReason = read.reason;
    }
    const draft = open.drafts.get(relative);
    if (!cached && !draft) throw new AppFailure('NOT_FOUND', `${relative} is not in the workspace.`, { path: relative });
    return {
      path: relative, kind, text, version, unreadableReason,
      size: cached?.size ?? 0, tooLarge: cached?.tooLarge ?? false, readOnlyReason: notUtf8 ? NOT_UTF8 : null,
      diagnostics: open.analysis.diagnostics.filter((d) => d.file === relative),
      draft: draft ? { text: draft.text, baseVersion: draft.baseVersion, savedAt: draft.savedAt } : null,
    };
  }

  /**
   * Writes a file atomically. `baseVersion` is the version the edit started from: if the disk has
   * another, nothing is written and the error carries the disk's text for a merge.
   */
  save(input: ParsedInput<'workspace.save'>): MethodOutput<'workspace.save'> {
    const open = this.#require();
    // The real path: saving through a link that stays inside writes the file it leads to.
    const file = this.#resolve(open, input.path);
    const bytes = Buffer.byteLength(input.text);
    if (bytes > MAX_TEXT_BYTES) throw new AppFailure('INVALID_INPUT', `${input.path} would be ${tooLargeReason(bytes)} back, so nothing was saved.`, { path: input.path, size: bytes });
    const disk = fs.existsSync(file) ? readFileText(file) : null;
    if (disk && disk.text === null) throw new AppFailure('INVALID_INPUT', `${input.path} cannot be saved as text (${disk.reason}).`, { path: input.path });
    if (disk?.notUtf8) {
      throw new AppFailure('INVALID_INPUT', `${input.path} is not valid UTF-8 (line ${disk.notUtf8.line}, column ${disk.notUtf8.column}): saving it from here would replace bytes Sluice cannot read, so nothing was saved. Convert it to UTF-8 in another editor to edit it here.`, { path: input.path });
    }
    const diskVersion = disk && disk.text !== null ? disk.version : null;
    if (diskVersion !== input.baseVersion) {
      throw new AppFailure('CONFLICT', disk
        ? `${input.path} changed on disk since you started editing it. Nothing was saved: reload it, or merge your changes into the new version.`
        : `${input.path} was deleted on disk since you started editing it. Nothing was saved: save again to create it anew.`,
      { path: input.path, diskVersion, diskText: disk?.text ?? null });
    }
    const mode = disk ? fs.statSync(file).mode & 0o777 : 0o644;
    writeFileAtomic(file, input.text, mode);
    open.drafts.discard(input.path);
    this.#load(open.folder, open.config, input.path, open.files, open.parses);
    if (input.path === CONFIG_FILE) this.#reopen(open);
    else this.#reanalyze(open);
    return { path: input.path, version: versionOf(input.text) };
  }

  /** The real path of a workspace file; a path that leads outside the folder (through a link or ..) is refused. */
  #resolve(open: OpenWorkspace, relative: string): string {
    try {
      return open.folder.resolve(relative);
    } catch (error) {
      if (error instanceof OutsideWorkspace) throw new AppFailure('INVALID_INPUT', `${relative} is outside the workspace (${error.message}); Sluice reads and writes only inside the open folder.`, { path: relative });
      throw error;
    }
  }

  saveDraft(input: ParsedInput<'workspace.saveDraft'>) {
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
  createAdr(input: ParsedInput<'workspace.createAdr'>) {
    const open = this.#require();
    const { adrs } = open.analysis;
    const number = nextAdrNumber(adrs);
    const relative = `${open.config.folders.decisions}/${adrFileName(number, input.title)}`;
    const old = input.supersedes !== undefined ? adrs.find((a) => a.number === input.supersedes) : undefined;
    if (input.supersedes !== undefined && !old) throw new AppFailure('NOT_FOUND', `There is no ${adrId(input.supersedes)} to supersede.`);
    const text = adrTemplate({ title: input.title, date: new Date().toISOString().slice(0, 10), decisionMakers: input.decisionMakers, supersedes: old ? { number: old.number, file: old.file } : undefined });
    this.save({ path: relative, text, baseVersion: null });
    if (old) {
      const current = open.folder.read(old.file);
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
      classifications: open.config.governance.classifications,
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
    // An open still in progress stops at its next pause.
    this.#generation++;
    this.#opening = null;
    const open = this.#open;
    if (!open) return;
    open.watcher?.close();
    if (open.timer) clearTimeout(open.timer);
    this.#open = null;
  }
}

/** What reading found wrong with files: too large to read, or not UTF-8 (shown read-only). */
function fileDiagnostics(files: Map<string, CachedFile>): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const [file, cached] of files) {
    if (cached.tooLarge) {
      found.push(diagnostic(file, lineSpan(1), 'warning', 'file-too-large', `${file} is ${megabytes(cached.size)}, more than the ${MAX_TEXT_BYTES / 1024 / 1024} MB Sluice reads: it is listed, but not read, checked or shown. Edit it in another editor.`));
    }
    if (cached.notUtf8) {
      found.push(diagnostic(file, cached.notUtf8, 'error', 'not-utf8', 'The file is not valid UTF-8 from here on: it is shown read-only, so saving never replaces bytes Sluice cannot read. Convert it to UTF-8 to edit it here.'));
    }
  }
  return found;
}
