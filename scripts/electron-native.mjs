// Ensures native/electron/better_sqlite3.node: an Electron-ABI build of better-sqlite3, kept apart from the Node build in node_modules.
//
// The Node build in node_modules serves the CLI, the tests and browser mode; Electron needs the same
// module compiled against its own headers. We compile a copy of the package with node-gyp, so
// node_modules is never touched. Override the headers with KARTLEGG_ELECTRON_NODEDIR=<dir> (an
// unpacked Electron headers folder) to build without network access.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(projectRoot, 'native', 'electron');
const outFile = path.join(outDir, 'better_sqlite3.node');
const stampFile = path.join(outDir, 'build-info.json');
const DIST_URL = 'https://electronjs.org/headers';

function readPackage(packageName) {
  const file = path.join(projectRoot, 'node_modules', packageName, 'package.json');
  try {
    const { name, version } = JSON.parse(readFileSync(file, 'utf8'));
    return { name, version };
  } catch {
    return null;
  }
}

function readVersion(packageName) {
  return readPackage(packageName)?.version ?? null;
}

/** Thrown with the lines to print; caught once at the end so the temp folder is always removed. */
class SetupError extends Error {
  constructor(lines) {
    super(lines.join('\n'));
    this.lines = lines;
  }
}

function fail(lines) {
  throw new SetupError(lines);
}

/** node-gyp ships inside npm; its location differs between installs, so try every known place. */
function findNodeGyp() {
  const candidates = [];
  if (process.env.npm_config_node_gyp) candidates.push(process.env.npm_config_node_gyp);
  const nodeDir = path.dirname(process.execPath);
  const tail = ['node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'];
  candidates.push(path.join(nodeDir, '..', 'lib', ...tail)); // Unix layouts (/usr, nvm, volta)
  candidates.push(path.join(nodeDir, ...tail)); // Windows layout
  const prefix = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['prefix', '-g'], {
    encoding: 'utf8',
    shell: process.platform === 'win32',
  });
  if (prefix.status === 0 && prefix.stdout.trim()) {
    const globalPrefix = prefix.stdout.trim();
    candidates.push(path.join(globalPrefix, 'lib', ...tail), path.join(globalPrefix, ...tail));
  }
  candidates.push(path.join(projectRoot, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  return candidates.find((candidate) => existsSync(candidate)) ?? null;
}

function stampMatches(expected) {
  if (!existsSync(stampFile)) return true; // placed by hand (e.g. with @electron/rebuild): trust it
  try {
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
    return Object.entries(expected).every(([key, value]) => stamp[key] === value);
  } catch {
    return false;
  }
}

function main() {
  const electronVersion = readVersion('electron');
  const sqlite = readPackage('better-sqlite3');
  if (!electronVersion || !sqlite) {
    fail(['node_modules/electron or node_modules/better-sqlite3 is missing. Run "npm install" first.']);
  }
  const sqliteVersion = sqlite.version;
  // better-sqlite3 is an alias of better-sqlite3-multiple-ciphers (encryption at rest): the real package
  // name is in the stamp, so that a plain build of the same version number is never taken for it.
  const expected = { electron: electronVersion, betterSqlite3: sqliteVersion, package: sqlite.name, arch: process.arch, platform: process.platform };

  if (existsSync(outFile) && stampMatches(expected)) {
    console.log(`[electron-native] ${path.relative(projectRoot, outFile)} is ready (Electron ${electronVersion}).`);
    return;
  }

  const nodeGyp = findNodeGyp();
  if (!nodeGyp) {
    fail([
      'node-gyp was not found (it normally ships with npm).',
      'Install it with "npm install -g node-gyp", or point npm_config_node_gyp at node-gyp/bin/node-gyp.js.',
    ]);
  }

  const workDir = mkdtempSync(path.join(os.tmpdir(), 'kartlegg-better-sqlite3-'));
  const sourceDir = path.join(workDir, 'better-sqlite3');
  console.log(
    `[electron-native] Building ${sqlite.name} ${sqliteVersion} for Electron ${electronVersion} (${process.platform}-${process.arch}); this takes a minute or two.`,
  );
  try {
    // The Node build's output must not leak into the Electron build.
    const nodeBuildDir = path.join(projectRoot, 'node_modules', 'better-sqlite3', 'build');
    cpSync(path.join(projectRoot, 'node_modules', 'better-sqlite3'), sourceDir, {
      recursive: true,
      filter: (source) => source !== nodeBuildDir && !source.startsWith(nodeBuildDir + path.sep),
    });

    const headersDir = process.env.KARTLEGG_ELECTRON_NODEDIR;
    const args = [
      nodeGyp,
      'rebuild',
      '--release',
      `--target=${electronVersion}`,
      `--arch=${process.arch}`,
      `--dist-url=${DIST_URL}`,
      '--runtime=electron',
      ...(headersDir ? [`--nodedir=${headersDir}`] : []),
    ];
    const build = spawnSync(process.execPath, args, { cwd: sourceDir, stdio: 'inherit', env: process.env });
    const built = path.join(sourceDir, 'build', 'Release', 'better_sqlite3.node');
    if (build.status !== 0 || !existsSync(built)) {
      fail([
        `node-gyp exited with ${build.error ? build.error.message : `status ${build.status}`}.`,
        '',
        'What it needs:',
        `  - the Electron ${electronVersion} headers: network access to ${DIST_URL} once (node-gyp caches them),`,
        '    or KARTLEGG_ELECTRON_NODEDIR=<folder with the unpacked Electron headers> for an offline build;',
        '  - a C++ toolchain: Python 3 and make + g++ (Linux), Xcode command line tools (macOS),',
        '    or Visual Studio Build Tools with "Desktop development with C++" (Windows).',
        '',
        `Alternatively place an Electron ${electronVersion} build of better_sqlite3.node at`,
        `  ${outFile}`,
        `and remove ${stampFile} if it exists`,
        '(built, for example, with "npx @electron/rebuild -o better-sqlite3" in a copy of the project).',
        '',
        'The CLI, the tests and browser mode ("npm run serve") do not need this and keep working.',
      ]);
    }

    mkdirSync(outDir, { recursive: true });
    // Copy then rename, so an interrupted copy never leaves a half-written module in place.
    const partial = `${outFile}.partial`;
    copyFileSync(built, partial);
    renameSync(partial, outFile);
    writeFileSync(stampFile, `${JSON.stringify({ ...expected, builtAt: new Date().toISOString() }, null, 2)}\n`);
    console.log(`[electron-native] Wrote ${path.relative(projectRoot, outFile)}.`);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

try {
  main();
} catch (error) {
  const lines = error instanceof SetupError ? error.lines : [String(error?.stack ?? error)];
  console.error(['', '[electron-native] Could not prepare better-sqlite3 for Electron.', ...lines, ''].join('\n'));
  process.exit(1);
}
