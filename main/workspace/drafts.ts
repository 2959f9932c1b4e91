// Unsaved edits, persisted as they are typed (the renderer sends them a moment after each change),
// so a crash, a closed window or a reload never loses a keystroke. One file per workspace file,
// under <data dir>/drafts/<workspace>/, removed when the file is saved or the draft discarded.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../platform/atomic-write';

const draftSchema = z.object({ path: z.string(), text: z.string(), baseVersion: z.string().nullable(), savedAt: z.string() });
export type Draft = z.infer<typeof draftSchema>;

const hash = (value: string) => createHash('sha1').update(value).digest('hex').slice(0, 20);

export class DraftStore {
  readonly #dir: string;
  /** What is on disk, read once: the list is asked for on every poll of the workspace state. */
  readonly #drafts = new Map<string, Draft>();

  constructor(dataDir: string, workspaceRoot: string) {
    this.#dir = path.join(dataDir, 'drafts', hash(workspaceRoot));
    if (!fs.existsSync(this.#dir)) return;
    for (const file of fs.readdirSync(this.#dir).filter((f) => f.endsWith('.json'))) {
      try {
        const draft = draftSchema.parse(JSON.parse(fs.readFileSync(path.join(this.#dir, file), 'utf8')));
        this.#drafts.set(draft.path, draft);
      } catch {
        // A damaged draft is left on disk for inspection and not offered.
      }
    }
  }

  #file(relative: string) {
    return path.join(this.#dir, `${hash(relative)}.json`);
  }

  save(relative: string, text: string, baseVersion: string | null): Draft {
    const draft = { path: relative, text, baseVersion, savedAt: new Date().toISOString() };
    writeFileAtomic(this.#file(relative), JSON.stringify(draft));
    this.#drafts.set(relative, draft);
    return draft;
  }

  get(relative: string): Draft | null {
    return this.#drafts.get(relative) ?? null;
  }

  discard(relative: string): void {
    if (!this.#drafts.delete(relative)) return;
    fs.rmSync(this.#file(relative), { force: true });
  }

  list(): Draft[] {
    return [...this.#drafts.values()].sort((a, b) => a.path.localeCompare(b.path));
  }
}
