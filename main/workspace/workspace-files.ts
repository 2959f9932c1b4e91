// Reading a workspace folder from disk: every file under it (hidden folders such as .git and
// node_modules left out), text only, with a content hash as its version. The version is what a
// save compares with the disk, so an edit made elsewhere is never overwritten silently.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const MAX_FILES = 20_000;
export const MAX_TEXT_BYTES = 5 * 1024 * 1024;

export const versionOf = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 16);

/** Workspace-relative, with forward slashes, whatever the platform. */
export const relativePath = (root: string, file: string): string => path.relative(root, file).split(path.sep).join('/');

const skippedFolder = (name: string) => name.startsWith('.') || name === 'node_modules';
export const isTemporary = (name: string) => name.endsWith('.sluice-tmp') || name.endsWith('~') || name.endsWith('.swp');

export function listFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (found.length >= MAX_FILES) return;
      if (entry.isDirectory()) { if (!skippedFolder(entry.name)) walk(path.join(dir, entry.name)); }
      else if (entry.isFile() && !isTemporary(entry.name)) found.push(relativePath(root, path.join(dir, entry.name)));
    }
  };
  walk(root);
  return found.sort();
}

export type ReadResult = { text: string; version: string; size: number } | { text: null; size: number; reason: string };

/** A file's text, or why it has none (too large, binary, gone). */
export function readText(root: string, relative: string): ReadResult {
  const file = resolveInside(root, relative);
  let buffer: Buffer;
  try {
    const size = fs.statSync(file).size;
    if (size > MAX_TEXT_BYTES) return { text: null, size, reason: `larger than ${MAX_TEXT_BYTES / 1024 / 1024} MB` };
    buffer = fs.readFileSync(file);
  } catch (error) {
    return { text: null, size: 0, reason: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'deleted' : String(error) };
  }
  if (buffer.subarray(0, 8192).includes(0)) return { text: null, size: buffer.length, reason: 'binary' };
  const text = buffer.toString('utf8');
  return { text, version: versionOf(text), size: buffer.length };
}

/** The absolute path of a workspace file; a path that would leave the workspace is refused. */
export function resolveInside(root: string, relative: string): string {
  const file = path.resolve(root, relative);
  if (file !== root && !file.startsWith(root + path.sep)) throw new Error(`${relative} is outside the workspace`);
  return file;
}
