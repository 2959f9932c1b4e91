// `npm start`: build and open the desktop app, or say in one sentence why it cannot and point to
// web mode.
import { spawn, spawnSync } from 'node:child_process';
import { electronBinary } from './electron-binary.mjs';

const binary = electronBinary();
if (!binary) {
  console.error('The Electron binary is not installed on this machine (it could not be downloaded), so the desktop app cannot open: run `npm run serve` for the same console in your browser.');
  process.exit(1);
}
const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const child = spawn(binary, ['.'], { stdio: 'inherit', env: process.env });
child.on('exit', (code) => process.exit(code ?? 0));
