// Lint enforces the import directions of ARCHITECTURE.md §1 (renderer → shared ← main,
// main/shell → main/*), the layer map between folders (eslint-local/layers.js), and the single
// way out to the browser (safeOpenExternal).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import layers from './eslint-local/layers.js';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const kafkaLibraries = ['@platformatic/kafka', 'kafkajs'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.sandbox/**', 'sandbox/**/target/**', 'test-results/**', 'bench-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Raw shell.openExternal can open file:// or custom schemes; main/shell/safe-open-external.ts is the only way out.
      'no-restricted-properties': ['error', { object: 'shell', property: 'openExternal', message: 'Use safeOpenExternal from main/shell/safe-open-external.' }],
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'electron may only be imported under main/shell/.' }] }],
    },
  },
  {
    // Folders import each other only as the layer map allows (eslint-local/layers.js).
    files: ['main/**/*.ts', 'shared/**/*.ts'],
    plugins: { local: { rules: { layers } } },
    rules: { 'local/layers': 'error' },
  },
  {
    files: ['main/shell/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['main/shell/safe-open-external.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // shared/ is environment-neutral: no Node, no DOM-only code, no electron, no main/renderer.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['electron', 'react', ...kafkaLibraries, ...nodeBuiltins].map((name) => ({ name, message: 'shared/ must stay environment-neutral.' })),
        patterns: [{ group: ['**/main/**', '**/renderer/**', 'node:*'], message: 'shared/ must not import main/ or renderer/.' }],
      }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/set-state-in-effect': 'off',
      'no-restricted-imports': ['error', {
        paths: ['electron', ...kafkaLibraries, ...nodeBuiltins].map((name) => ({ name, message: 'The renderer talks to main only through the transport.' })),
        patterns: [{ group: ['**/main/**', 'node:*'], message: 'The renderer must not import main/ or Node built-ins.' }],
      }],
    },
  },
);
