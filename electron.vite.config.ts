// Build of the three parts: the main process (with the CLI), the sandboxed preload, the renderer.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const root = dirname(fileURLToPath(import.meta.url));
// A separate output folder lets several builds (e.g. parallel test runs) live side by side.
const out = process.env.KARTLEGG_OUT_DIR ?? 'out';

export default defineConfig({
  main: {
    build: {
      outDir: `${out}/main`,
      // zod is bundled, not loaded from node_modules: as ~300 separate ES modules it takes longer to
      // load than the whole rest of "kartlegg clients list" (see bench/cases/cli-startup.ts).
      // pdfmake and fontkit must stay external: the PDF renderer patches their classes as loaded
      // from node_modules (reports/pdf/pdf-chart.ts, reports/shaping-shortcuts.ts), which a bundled
      // copy would not share.
      externalizeDeps: { exclude: ['zod'] },
      rollupOptions: {
        input: {
          index: resolve(root, 'src-main/index.ts'),
          cli: resolve(root, 'src-main/cli.ts'),
          // The API runtime's own process (Electron utilityProcess, or a Node child for `serve`).
          'runtime-worker': resolve(root, 'src-main/runtime-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: `${out}/preload`,
      rollupOptions: {
        input: { preload: resolve(root, 'src-main/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src-renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(root, out, 'renderer'),
      // electron-vite leaves the renderer unminified; minified, the window has a third of the code to
      // load and compile before its first screen (bench/cases/ui.ts).
      minify: true,
      rollupOptions: { input: resolve(root, 'src-renderer/index.html') },
    },
  },
});
