// The API as one object: opens the data folder, builds the registry, and answers calls.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Result } from '../core/errors';
import { AppError } from '../core/errors';
import { closeDatabase, openDatabase } from '../db/database';
import { loadAppGuides } from '../guides/app-guides';
import type { ApiContext } from './context';
import { assessmentHandlers } from './handlers/assessments';
import { clientHandlers } from './handlers/clients';
import { guideHandlers } from './handlers/guides';
import { interviewingHandlers } from './handlers/interviewing';
import { resultsHandlers } from './handlers/results';
import { settingsHandlers } from './handlers/settings';
import { systemHandlers } from './handlers/system';
import { createRegistry } from './registry';

export interface ApiRuntime {
  call(method: string, input: unknown): Promise<Result<unknown>>;
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
}

export const registry = createRegistry(
  clientHandlers,
  guideHandlers,
  assessmentHandlers,
  interviewingHandlers,
  resultsHandlers,
  settingsHandlers,
  systemHandlers,
);

function readVersion(appRoot: string): string {
  try {
    return (JSON.parse(readFileSync(path.join(appRoot, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

export async function openApiRuntime(options: ApiRuntimeOptions): Promise<ApiRuntime> {
  const db = await openDatabase({ dataDir: options.dataDir, nativeBinding: options.nativeBinding });
  let guides = await loadAppGuides(db, options.appRoot);
  const context: ApiContext = {
    db,
    guides: () => guides,
    async reloadGuides() {
      guides = await loadAppGuides(db, options.appRoot);
    },
    dataDir: options.dataDir,
    appRoot: options.appRoot,
    version: options.version ?? readVersion(options.appRoot),
    log: options.log ?? ((message) => console.error(message)),
  };
  return {
    dataDir: options.dataDir,
    call(method, input) {
      if (!db.open) return Promise.resolve({ ok: false, error: new AppError('internal', 'The database is closed.').toData() });
      return registry.call(method, input, context);
    },
    async close() {
      closeDatabase(db);
    },
  };
}
