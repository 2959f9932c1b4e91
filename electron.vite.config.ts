// Builds the three parts: main (Electron entry + the web-mode server), preload, and the renderer.
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    // The built app is production: the router stops checking every answer against its schema.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: { index: resolve('main/shell/index.ts'), serve: resolve('main/serve.ts'), 'monitor-worker': resolve('main/kafka/monitor/monitor-worker.ts') },
        // Database drivers load optional native modules at run time; they ship as dependencies instead.
        external: ['electron', '@platformatic/kafka', 'ws', 'zod', 'pg', 'mysql2', 'mysql2/promise'],
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: { input: { index: resolve('main/shell/preload.ts') }, output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: { outDir: resolve('out/renderer'), rollupOptions: { input: resolve('renderer/index.html') } },
  },
});
