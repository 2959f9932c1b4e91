// Which workspaces the user opened, most recent first, and the example workspace that opens on
// the first run: a copy of assets/example-workspace in the data folder, so edits to it never touch
// the installed app.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../platform/atomic-write';

const storedSchema = z.object({ recent: z.array(z.string()).default([]) });
const MAX_RECENT = 10;

export class RecentWorkspaces {
  readonly #file: string;

  constructor(private readonly dataDir: string) {
    this.#file = path.join(dataDir, 'workspaces.json');
  }

  list(): string[] {
    try {
      return storedSchema.parse(JSON.parse(fs.readFileSync(this.#file, 'utf8'))).recent;
    } catch {
      return [];
    }
  }

  remember(root: string): string[] {
    const recent = [root, ...this.list().filter((r) => r !== root)].slice(0, MAX_RECENT);
    writeFileAtomic(this.#file, JSON.stringify({ recent }, null, 2));
    return recent;
  }

  /** The folder the example workspace is copied to (and copied again only if it was deleted). */
  exampleCopy(exampleDir: string): string {
    const target = path.join(this.dataDir, 'example-workspace');
    if (!fs.existsSync(target)) fs.cpSync(exampleDir, target, { recursive: true });
    return target;
  }
}
