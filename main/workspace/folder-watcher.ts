// Watches a folder tree for changes to its files. On Linux, Node's recursive fs.watch watches each
// file by inode, so a file replaced by rename (an atomic save: Sluice's own, vim's, VS Code's) is
// never seen again. There, every folder is watched on its own instead, which reports changes by
// name whatever the inode; folders that appear are added. Elsewhere the native recursive watch
// (FSEvents, ReadDirectoryChangesW) has no such problem and is used as it is; neither follows links.
import fs from 'node:fs';
import path from 'node:path';

export interface FolderWatcher { close(): void }

const skipped = (name: string) => name.startsWith('.') || name === 'node_modules';

export function watchFolder(root: string, onPath: (relative: string) => void, onError: (error: Error) => void): FolderWatcher {
  if (process.platform !== 'linux') {
    const watcher = fs.watch(root, { recursive: true }, (_event, filename) => { if (filename) onPath(filename.toString().split(path.sep).join('/')); });
    watcher.on('error', onError);
    return watcher;
  }
  const watchers = new Map<string, fs.FSWatcher>();
  const add = (relative: string) => {
    if (watchers.has(relative)) return;
    const dir = path.join(root, relative);
    let watcher: fs.FSWatcher;
    try {
      watcher = fs.watch(dir, (_event, name) => {
        if (!name) return;
        const child = relative ? `${relative}/${name.toString()}` : name.toString();
        onPath(child);
        // A folder that appeared (made, moved in) is watched too, and its files reported. lstat: a
        // link to a folder is not followed, so a link such as `ext -> /etc` is never watched.
        if (!skipped(name.toString())) {
          try {
            if (fs.lstatSync(path.join(root, child)).isDirectory()) addTree(child, true);
          } catch {
            const gone = watchers.get(child);
            if (gone) { gone.close(); watchers.delete(child); }
          }
        }
      });
    } catch (error) {
      onError(error as Error);
      return;
    }
    watcher.on('error', () => { watcher.close(); watchers.delete(relative); });
    watchers.set(relative, watcher);
  };
  const addTree = (relative: string, report: boolean) => {
    add(relative);
    let entries: fs.Dirent[];
    try { entries = fs.readdirSync(path.join(root, relative), { withFileTypes: true }); } catch { return; }
    for (const entry of entries) {
      if (skipped(entry.name)) continue;
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) addTree(child, report);
      else if (report) onPath(child);
    }
  };
  addTree('', false);
  return { close() { for (const watcher of watchers.values()) watcher.close(); watchers.clear(); } };
}
