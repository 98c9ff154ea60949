// The API as one object: opens the data folder, builds the registry, and answers calls.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Result } from '../core/errors';
import { AppError } from '../core/errors';
import { openDataStore } from '../db/data-store';
import type { loadAppGuides as LoadAppGuidesFunction } from '../guides/app-guides';
import type { GuideLibrary } from '../guides/guide-library';
import type { ApiContext } from './context';
import { createCallGate } from './call-gate';
import { handlerGroups, readsGuides } from './handler-groups';
import type { CallOptions } from './progress';
import { createRegistry } from './registry';

type LoadAppGuides = typeof LoadAppGuidesFunction;

export interface ApiRuntime {
  call(method: string, input: unknown, options?: CallOptions): Promise<Result<unknown>>;
  /** For the CLI only (never over HTTP or IPC, which must not name files on this computer): admits a
   * database file from elsewhere into backups/ once it passes its check, and returns its backup name. */
  copyIntoBackups(source: string): Promise<string>;
  close(): Promise<void>;
  readonly dataDir: string;
}

export interface ApiRuntimeOptions {
  dataDir: string;
  /** The folder holding templates/ and resources/. */
  appRoot: string;
  /** An Electron-ABI build of better-sqlite3 (see README, "Electron and SQLite"). */
  nativeBinding?: string;
  version?: string;
  log?: (message: string) => void;
  /** Unlocks an encrypted data folder at once (the CLI); without it such a folder starts locked. */
  passphrase?: string;
}

export const registry = createRegistry(...handlerGroups);

function readVersion(appRoot: string): string {
  try {
    return (JSON.parse(readFileSync(path.join(appRoot, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

/** Methods that still answer while the database is damaged: enough to see what happened and restore a backup. */
function worksInRecovery(method: unknown): boolean {
  return typeof method === 'string' && (method.startsWith('system.') || method.startsWith('backups.'));
}

/** Methods that answer while an encrypted folder waits for its passphrase. */
function worksWhenLocked(method: unknown): boolean {
  return typeof method === 'string' && (method.startsWith('system.') || method === 'encryption.unlock' || method === 'encryption.status');
}

/** Methods that swap or rewrite the database file: they wait for running calls and run alone. */
const runsAlone = new Set(['backups.restore', 'system.startFresh', 'encryption.unlock', 'encryption.enable', 'encryption.changePassphrase', 'encryption.disable']);

/**
 * Opens the data folder for this process alone (a second runtime on it is refused with
 * 'database_locked' until close()). A damaged database does not fail the open: the runtime starts in
 * recovery, where only system.* and backups.* answer, so the user can restore a backup.
 */
export async function openApiRuntime(options: ApiRuntimeOptions): Promise<ApiRuntime> {
  const log = options.log ?? ((message: string) => console.error(message));
  const dataStore = await openDataStore({ dataDir: options.dataDir, nativeBinding: options.nativeBinding, log, passphrase: options.passphrase });
  // Loaded on first use, not at open: most CLI commands never read a guide.
  let guides: GuideLibrary | null = null;
  // The guide code (and its schema) loads with the first method that reads guides.
  let loadAppGuides: LoadAppGuides | null = null;
  const context: ApiContext = {
    get db() {
      return dataStore.connection();
    },
    dataStore,
    guides() {
      // In recovery or while locked, connection() throws its clear error.
      const db = dataStore.connection();
      if (!loadAppGuides) throw new AppError('internal', 'The guides are not loaded: this method is not declared to read them (see handler-groups.ts).');
      guides ??= loadAppGuides(db, options.appRoot);
      return guides;
    },
    async reloadGuides() {
      guides = null;
    },
    dataDir: options.dataDir,
    appRoot: options.appRoot,
    version: options.version ?? readVersion(options.appRoot),
    log,
    // Each call gets its own (registry.call); these serve calls made without a caller listening.
    progress: () => {},
    checkCancelled: async () => {},
  };
  const gate = createCallGate();
  let closed = false;
  return {
    dataDir: options.dataDir,
    call(method, input, options) {
      if (closed) return Promise.resolve({ ok: false, error: new AppError('internal', 'The database is closed.').toData() });
      const status = dataStore.status();
      if (status.state === 'recovery' && !worksInRecovery(method)) {
        const error = new AppError('database_corrupt', `${status.problem} Restore a backup first (backups.list, backups.restore).`);
        return Promise.resolve({ ok: false, error: error.toData() });
      }
      if (status.state === 'locked' && !worksWhenLocked(method)) {
        const error = new AppError('passphrase_required', 'The data is encrypted. Unlock it with its passphrase first (encryption.unlock).');
        return Promise.resolve({ ok: false, error: error.toData() });
      }
      const run = async () => {
        if (!loadAppGuides && readsGuides(method)) loadAppGuides = (await import('../guides/app-guides')).loadAppGuides;
        return registry.call(method, input, context, options);
      };
      return typeof method === 'string' && runsAlone.has(method) ? gate.exclusive(run) : gate.shared(run);
    },
    copyIntoBackups(source) {
      return gate.exclusive(async () => dataStore.copyIntoBackups(source));
    },
    async close() {
      if (closed) return;
      closed = true;
      await gate.exclusive(async () => dataStore.close());
    },
  };
}
