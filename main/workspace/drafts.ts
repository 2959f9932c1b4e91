// Unsaved edits, persisted as they are typed (the renderer sends them a moment after each change),
// so a crash, a closed window or a reload never loses a keystroke. One file per workspace file,
// under <data dir>/drafts/<workspace>/, removed when the file is saved or the draft discarded.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../settings/atomic-write';

const draftSchema = z.object({ path: z.string(), text: z.string(), baseVersion: z.string().nullable(), savedAt: z.string() });
export type Draft = z.infer<typeof draftSchema>;

const hash = (value: string) => createHash('sha1').update(value).digest('hex').slice(0, 20);

export class DraftStore {
  readonly #dir: string;

  constructor(dataDir: string, workspaceRoot: string) {
    this.#dir = path.join(dataDir, 'drafts', hash(workspaceRoot));
  }

  #file(relative: string) {
    return path.join(this.#dir, `${hash(relative)}.json`);
  }

  save(relative: string, text: string, baseVersion: string | null): Draft {
    const draft = { path: relative, text, baseVersion, savedAt: new Date().toISOString() };
    writeFileAtomic(this.#file(relative), JSON.stringify(draft));
    return draft;
  }

  get(relative: string): Draft | null {
    try {
      return draftSchema.parse(JSON.parse(fs.readFileSync(this.#file(relative), 'utf8')));
    } catch {
      return null;
    }
  }

  discard(relative: string): void {
    fs.rmSync(this.#file(relative), { force: true });
  }

  list(): Draft[] {
    if (!fs.existsSync(this.#dir)) return [];
    return fs.readdirSync(this.#dir).filter((f) => f.endsWith('.json')).flatMap((f) => {
      try {
        return [draftSchema.parse(JSON.parse(fs.readFileSync(path.join(this.#dir, f), 'utf8')))];
      } catch {
        return [];
      }
    }).sort((a, b) => a.path.localeCompare(b.path));
  }
}
