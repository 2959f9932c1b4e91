// Finds an installed Electron binary, or null. Deliberately does not `require('electron')`: from
// electron 42 on, that tries to download the binary on first use, and Sluice never downloads
// anything at run time. Mirrors electron/index.js: path.txt names the executable under dist/, and
// ELECTRON_OVERRIDE_DIST_PATH points at a binary installed elsewhere.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

export function electronBinary() {
  let packageDir;
  try {
    packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = path.join(packageDir, 'path.txt');
  const executable = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override ? path.join(override, executable ?? 'electron') : executable ? path.join(packageDir, 'dist', executable) : null;
  return candidate && fs.existsSync(candidate) ? candidate : null;
}
