// The build emits the runtime worker next to the main process and the CLI, and keeps the native
// SQLite module out of the bundle (it is loaded from node_modules at run time).
import { describe, expect, it } from 'vitest';
import config from '../../electron.vite.config';

describe('electron.vite.config', () => {
  it('builds the runtime worker as its own entry of the main bundle', () => {
    const main = (config as { main?: { build?: { rollupOptions?: { input?: Record<string, string> } } } }).main;
    const input = main?.build?.rollupOptions?.input ?? {};
    expect(Object.keys(input).sort()).toEqual(['cli', 'index', 'runtime-worker']);
    expect(input['runtime-worker']).toMatch(/src-main[\\/]runtime-worker\.ts$/);
  });

  it('builds the main-process code as CommonJS in .cjs files (package.json says "type": "module")', async () => {
    const main = (config as { main?: { build?: { rollupOptions?: { output?: Record<string, unknown> } } } }).main;
    expect(main?.build?.rollupOptions?.output).toMatchObject({ format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: expect.stringMatching(/\.cjs$/) });
    const pkg = (await import('../../package.json', { with: { type: 'json' } })).default as { type: string; main: string };
    expect(pkg).toMatchObject({ type: 'module', main: 'out/main/index.cjs' });
  });

  it('leaves better-sqlite3 external, as a dependency of the app', async () => {
    const pkg = (await import('../../package.json', { with: { type: 'json' } })).default as { dependencies: Record<string, string> };
    // electron-vite keeps every package in dependencies out of the main bundle.
    expect(pkg.dependencies).toHaveProperty('better-sqlite3');
  });
});
