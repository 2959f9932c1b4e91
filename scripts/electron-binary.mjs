// Finds the Electron binary, or null where none could be installed (electron ≥ 42 downloads it
// on first use, which fails on machines without access to its download host).
import fs from 'node:fs';
import { createRequire } from 'node:module';

export function electronBinary() {
  try {
    const require = createRequire(import.meta.url);
    const binary = require('electron');
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}
