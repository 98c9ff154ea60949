// Where Kartlegg keeps its data and finds its templates, outside Electron.
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The per-user data folder the CLI and browser mode use when none is given. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.KARTLEGG_DATA_DIR) return path.resolve(env.KARTLEGG_DATA_DIR);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Kartlegg');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Kartlegg');
  return path.join(env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'kartlegg');
}

/** The folder with templates/ and package.json: found by walking up from this module, so it works
 * from the sources (tests) and from the bundle in out/main alike. */
export function findAppRoot(start: string = path.dirname(fileURLToPath(import.meta.url))): string {
  let dir = start;
  for (;;) {
    if (existsSync(path.join(dir, 'templates')) && existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`Could not find Kartlegg's templates folder above ${start}`);
    dir = parent;
  }
}
