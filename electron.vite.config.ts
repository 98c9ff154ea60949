// Build of the three parts: the main process (with the CLI), the sandboxed preload, the renderer.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { builtInChecksFolder } from './src-main/guides/built-in-checks';
import { recordBuiltInChecks } from './src-main/reports/built-in-checks-record';
import { recordReportCodeCache } from './src-main/reports/code-cache-record';

const root = dirname(fileURLToPath(import.meta.url));
// A separate output folder lets several builds (e.g. parallel test runs) live side by side.
const out = process.env.KARTLEGG_OUT_DIR ?? 'out';

/** The modules a file imports statically, and theirs, found after the renderer's module graph is built. */
function staticClosure(from: string, importsOf: (id: string) => readonly string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [from];
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    if (seen.has(id)) continue;
    seen.add(id);
    queue.push(...importsOf(id));
  }
  return seen;
}

/**
 * How the renderer is split (see bench/NOTES.md, "The interview screen's first render"):
 * - the entry (main.tsx) holds only what sends the start-up requests, so they go out as soon as its
 *   few kilobytes have loaded;
 * - one chunk, "app", holds the rest of what starts the app (React, the texts, the shell: everything
 *   app/start.tsx imports) and the small helpers that two or more screens share, so a screen needs
 *   one or two requests, not one per 300-byte helper (Chromium allows six connections per host; the
 *   others wait);
 * - every screen, and what is large and shared by a few screens only (the charts, the forms), stays
 *   in its own chunk, loaded when first shown.
 * The group takes exactly these modules (not their imports too), and since the start-up's imports and
 * a small helper's are in it as well, it imports only the entry and the bundler's runtime: no cycle
 * between chunks.
 */
function rendererChunks(): { plugin: Plugin; inAppChunk: (id: string) => boolean } {
  let inAppChunk: (id: string) => boolean = () => false;
  const plugin: Plugin = {
    name: 'kartlegg-renderer-chunks',
    buildEnd() {
      const ids = [...this.getModuleIds()];
      const info = (id: string) => this.getModuleInfo(id);
      const importsOf = (id: string) => info(id)?.importedIds ?? [];
      const find = (suffix: string) => ids.find((id) => id.replaceAll('\\', '/').endsWith(suffix));
      const entry = find('src-renderer/main.tsx');
      const start = find('src-renderer/app/start.tsx');
      if (!entry || !start) throw new Error('renderer chunks: main.tsx or app/start.tsx not found');
      const entryModules = staticClosure(entry, importsOf);
      const startModules = staticClosure(start, importsOf);
      // In how many lazily loaded chunks' code (a screen's and what it imports) each module is.
      const lazyRoots = new Set(ids.flatMap((id) => info(id)?.dynamicallyImportedIds ?? []));
      const shareCount = new Map<string, number>();
      for (const root of lazyRoots) for (const id of staticClosure(root, importsOf)) shareCount.set(id, (shareCount.get(id) ?? 0) + 1);
      // A helper is small with what it imports that the start-up does not load anyway.
      const smallHelper = 4096;
      const isSmallHelper = (id: string) => {
        let size = 0;
        for (const used of staticClosure(id, importsOf)) if (!startModules.has(used) && !entryModules.has(used)) size += info(used)?.code?.length ?? 0;
        return size <= smallHelper;
      };
      inAppChunk = (id) => id !== start && !entryModules.has(id) && (startModules.has(id) || ((shareCount.get(id) ?? 0) >= 2 && isSmallHelper(id)));
    },
    // The entry asks for the app's code only when it has loaded and run; index.html asks for it (and
    // its style sheet, preloaded only: a style sheet would hold the entry back) beside the entry.
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle, chunk: entryChunk }) {
        if (!bundle || !entryChunk) return;
        const chunkNamed = (name: string) => {
          const found = Object.values(bundle).find((file) => file.type === 'chunk' && file.name === name);
          if (found?.type !== 'chunk') throw new Error(`renderer chunks: the "${name}" chunk is missing`);
          return found;
        };
        const app = chunkNamed('app');
        const start = chunkNamed('start');
        const scripts = [...new Set([start.fileName, app.fileName, ...start.imports, ...app.imports])].filter((name) => name !== entryChunk.fileName);
        const styles = [...(app.viteMetadata?.importedCss ?? [])];
        return [
          ...scripts.map((name) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${name}` }, injectTo: 'head' as const })),
          ...styles.map((name) => ({ tag: 'link', attrs: { rel: 'preload', as: 'style', crossorigin: true, href: `./${name}` }, injectTo: 'head' as const })),
        ];
      },
    },
  };
  return { plugin, inAppChunk: (id) => inAppChunk(id) };
}

const chunks = rendererChunks();

/** The built-in guides and templates checked once here, so the app need not check them again
 * (src-main/guides/built-in-checks.ts). */
const builtInChecks: Plugin = {
  name: 'kartlegg-built-in-checks',
  generateBundle() {
    const record = recordBuiltInChecks(root);
    this.emitFile({ type: 'asset', fileName: `${builtInChecksFolder}/index.json`, source: JSON.stringify(record.index) });
    for (const [file, json] of record.files) this.emitFile({ type: 'asset', fileName: `${builtInChecksFolder}/${file}`, source: json });
  },
};

/** V8 code caches of the report libraries, recorded by the built CLI exporting the demo's report
 * with a build-only recorder preloaded (src-main/reports/code-cache-record.ts). Not while watching
 * (the dev app is Electron, which does not use them); a failed recording leaves a working build
 * without the cache. */
const reportCodeCache: Plugin = {
  name: 'kartlegg-report-code-cache',
  apply: 'build',
  writeBundle(options) {
    if (this.meta.watchMode || !options.dir) return;
    const started = Date.now();
    try {
      const files = recordReportCodeCache(options.dir, resolve(root, 'src-main/reports/code-cache-recorder.ts'));
      console.log(`report code cache: ${files} files in ${Date.now() - started} ms`);
    } catch (error) {
      this.warn(`report code cache not recorded (reports compile their libraries from source): ${(error as Error).message}`);
    }
  },
};

export default defineConfig({
  main: {
    plugins: [builtInChecks, reportCodeCache],
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
        // CommonJS (.cjs: package.json says "type": "module"): Node loads it with less work than ES
        // modules, and the CLI compiles it from the build's code cache (bench/NOTES.md, "The report
        // libraries' code cache"). Electron runs a CommonJS main and utility process as well.
        output: { format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: 'chunks/[name]-[hash].cjs' },
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
    plugins: [react(), chunks.plugin],
    build: {
      outDir: resolve(root, out, 'renderer'),
      // electron-vite leaves the renderer unminified; minified, the window has a third of the code to
      // load and compile before its first screen (bench/cases/ui.ts).
      minify: true,
      rollupOptions: {
        input: resolve(root, 'src-renderer/index.html'),
        output: { codeSplitting: { groups: [{ name: 'app', test: chunks.inAppChunk, includeDependenciesRecursively: false }] } },
      },
    },
  },
});
