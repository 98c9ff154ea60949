// The installable app's configuration (electron-builder.json, scripts/after-pack.mjs): targets, what
// goes into the package, the native SQLite module, and the Electron fuses set on the packaged binary.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, describe, expect, it } from 'vitest';
import { findAppRoot } from '../../src-main/paths';

const root = findAppRoot();
const config = JSON.parse(readFileSync(path.join(root, 'electron-builder.json'), 'utf8'));
const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

interface AfterPackContext {
  appOutDir: string;
  electronPlatformName: string;
  arch: number;
  packager: { executableName: string; appInfo: { productFilename: string } };
}
interface AfterPackModule {
  default(context: AfterPackContext): Promise<void>;
  packagedBinary(context: AfterPackContext): string;
  fuseSettings: Record<string, unknown>;
}
const afterPack = (await import(pathToFileURL(path.join(root, config.afterPack)).href)) as AfterPackModule;

/** Whether electron-builder's `files` patterns take a path: the last matching pattern decides. */
function packaged(file: string): boolean {
  let included = false;
  for (const pattern of config.files as string[]) {
    const negated = pattern.startsWith('!');
    if (path.matchesGlob(file, negated ? pattern.slice(1) : pattern)) included = !negated;
  }
  return included;
}

const folders: string[] = [];
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

describe('electron-builder.json', () => {
  it("passes electron-builder's own schema check", async () => {
    const require = createRequire(import.meta.url);
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as { validateConfiguration(c: unknown, logger: unknown): Promise<void> };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, nsis: { perMachin: false } }, new DebugLogger(false))).rejects.toThrow(/configuration\.nsis/);
  });

  it('builds the installers the consultants use: per-user NSIS, dmg, AppImage and deb', () => {
    expect(config.appId).toBe('no.kartlegg.app');
    expect(config.productName).toBe('Kartlegg');
    expect(config.win.target.map((t: { target: string }) => t.target)).toEqual(['nsis']);
    // Per-user: installs without administrator rights, into the user's own folder.
    expect(config.nsis).toMatchObject({ perMachine: false, allowElevation: false, deleteAppDataOnUninstall: false });
    expect(config.mac.target.map((t: { target: string }) => t.target)).toEqual(['dmg']);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
  });

  it('has an icon large enough for every platform', () => {
    const icon = readFileSync(path.join(root, config.icon));
    // PNG signature, then the IHDR width and height.
    expect(icon.subarray(1, 4).toString()).toBe('PNG');
    expect([icon.readUInt32BE(16), icon.readUInt32BE(20)]).toEqual([1024, 1024]);
  });

  it('packs the app into asar and keeps every native module outside it', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
    // The Electron-ABI SQLite build goes beside app.asar, where src-main/index.ts looks for it
    // (process.resourcesPath/native/electron/better_sqlite3.node), never rebuilt by electron-builder.
    expect(config.extraResources).toContainEqual({ from: 'native/electron/better_sqlite3.node', to: 'native/electron/better_sqlite3.node' });
    expect(readFileSync(path.join(root, 'src-main', 'index.ts'), 'utf8')).toContain("path.join(appRoot, 'native', 'electron', 'better_sqlite3.node')");
    expect(config).toMatchObject({ npmRebuild: false, nodeGypRebuild: false, buildDependenciesFromSource: false });
  });

  it('ships the guides, report templates and fonts the reports need, as resources', () => {
    const resources = config.extraResources.map((r: { from: string; to: string }) => [r.from, r.to]);
    expect(resources).toEqual(expect.arrayContaining([['templates', 'templates'], ['resources/fonts', 'resources/fonts']]));
  });

  it('packs the built app and package.json, and no sources, tests, scripts or docs', () => {
    const tracked = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);
    const leaked = tracked.filter(packaged);
    expect(leaked).toEqual(['package.json']);
    for (const built of ['out/main/index.cjs', 'out/main/cli.cjs', 'out/main/chunks/runtime-DFl7lKVx.cjs', 'out/preload/preload.cjs', 'out/renderer/index.html']) expect(packaged(built)).toBe(true);
    // The CLI's code cache is for the Node that built it, not Electron's V8 (reports/code-cache.ts).
    expect(packaged('out/main/code-cache.bin')).toBe(false);
    for (const native of ['node_modules/better-sqlite3/src/better_sqlite3.cpp', 'node_modules/better-sqlite3/deps/sqlite3/sqlite3.c', 'node_modules/better-sqlite3/build/Release/better_sqlite3.node']) {
      expect(packaged(native)).toBe(false);
    }
  });

  it('keeps Electron and the packaging tools out of the app (devDependencies), and publishes nowhere', () => {
    for (const tool of ['electron', 'electron-builder', '@electron/fuses']) {
      expect(packageJson.devDependencies[tool]).toMatch(/^\d+\.\d+\.\d+$/);
      expect(packageJson.dependencies[tool]).toBeUndefined();
    }
    expect(packageJson.devDependencies.electron).toBe('45.6.1');
    expect(config.publish).toBeNull();
    expect(packageJson.scripts.dist).toContain('electron-builder --config electron-builder.json');
  });

  it('never lets npm run an install script it was not told to (Electron downloads nothing at install)', () => {
    expect(packageJson.allowScripts).toEqual({ 'better-sqlite3-multiple-ciphers': true, 'electron-winstaller': false, 'es5-ext': false, esbuild: false });
    const electron = JSON.parse(readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8'));
    expect(electron.scripts?.postinstall ?? electron.scripts?.install).toBeUndefined();
  });
});

describe('the afterPack hook', () => {
  const context = (platform: string, dir: string): AfterPackContext => ({
    appOutDir: dir,
    electronPlatformName: platform,
    arch: 1,
    packager: { executableName: 'kartlegg', appInfo: { productFilename: 'Kartlegg' } },
  });

  it('finds the packaged binary on each platform', () => {
    expect(afterPack.packagedBinary(context('linux', '/o'))).toBe(path.join('/o', 'kartlegg'));
    expect(afterPack.packagedBinary(context('win32', '/o'))).toBe(path.join('/o', 'Kartlegg.exe'));
    expect(afterPack.packagedBinary(context('darwin', '/o'))).toBe(path.join('/o', 'Kartlegg.app'));
  });

  it('sets the fuses in the packaged binary: no Node, no NODE_OPTIONS, no inspector; encrypted cookies; asar only and checked', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kartlegg-fuses-'));
    folders.push(dir);
    // A stand-in for Electron's binary: bytes around the fuse wire as Electron 45 lays it out
    // (sentinel, wire version 1, 9 fuses, each as Electron ships it).
    const [on, off] = [FuseState.ENABLE, FuseState.DISABLE];
    const shipped = [on, off, on, on, off, off, off, on, on];
    const binary = path.join(dir, 'kartlegg');
    writeFileSync(binary, Buffer.concat([Buffer.alloc(4096, 7), Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), Buffer.from([1, shipped.length, ...shipped]), Buffer.alloc(4096, 7)]));

    await afterPack.default(context('linux', dir));

    const wire = await getCurrentFuseWire(binary);
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
    // The fuses this app does not set keep what Electron shipped.
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.WasmTrapHandlers]).toBe(FuseState.ENABLE);
    expect(existsSync(binary)).toBe(true);
  });

  it('refuses a binary without a fuse wire, so a broken package never ships unfused', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kartlegg-fuses-'));
    folders.push(dir);
    writeFileSync(path.join(dir, 'kartlegg'), Buffer.alloc(1024, 7));
    await expect(afterPack.default(context('linux', dir))).rejects.toThrow(/sentinel/);
  });
});
