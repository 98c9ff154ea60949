// Runs CLI commands through the same API registry as the app.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ApiRuntime } from '../api/runtime';
import type { MethodInput, MethodName, MethodOutput } from '../api/contract';
import { AppError } from '../core/errors';
import { findAppRoot } from '../paths';
import type { RuntimeOpenOptions } from '../runtime-host/protocol';

export async function call<M extends MethodName>(runtime: Pick<ApiRuntime, 'call'>, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await runtime.call(method, input);
  if (!result.ok) {
    const details = result.error.issues?.map((issue) => `  ${issue.path || '(file)'}: ${issue.message}`).join('\n');
    throw new AppError(result.error.code, details ? `${result.error.message}\n${details}` : result.error.message, result.error.issues);
  }
  return result.value as MethodOutput<M>;
}

/** The data folder's passphrase for this run (--data-passphrase-file), set once by cli.ts: every
 * command that opens the database needs it, so it is not threaded through each one. */
let dataPassphrase: string | undefined;

export function useDataPassphrase(passphrase: string | undefined): void {
  dataPassphrase = passphrase;
}

/** The Node build of SQLite in node_modules, named directly: without it better-sqlite3's lookup (the
 * bindings package) tries a dozen paths first, a noticeable part of a short command's start-up. */
function nodeSqliteBinding(): string | undefined {
  try {
    const file = createRequire(import.meta.url).resolve('better-sqlite3/build/Release/better_sqlite3.node');
    return existsSync(file) ? file : undefined;
  } catch {
    return undefined;
  }
}

/** What opening the data folder takes: unlocked when it is encrypted and a passphrase was given. */
export function cliRuntimeOptions(dataDir: string): RuntimeOpenOptions {
  return { dataDir, appRoot: findAppRoot(), passphrase: dataPassphrase, nativeBinding: nodeSqliteBinding() };
}

/** Opens the data folder in this process. */
export async function openCliRuntime(dataDir: string): Promise<ApiRuntime> {
  // Loaded here, not at start-up, so that "kartlegg help" never loads the database or the API.
  const { openApiRuntime } = await import('../api/runtime');
  return openApiRuntime(cliRuntimeOptions(dataDir));
}

/** What to do when the data cannot be opened, in the CLI's own words. */
export function recoveryAdvice(problem: string): string {
  return (
    `${problem}\n` +
    'See the backups with "kartlegg backups list --check" and restore the newest good one with "kartlegg restore <name>". ' +
    'Only if you mean to start with no data: "kartlegg restore --start-fresh" (the backups are kept).'
  );
}

/** Runs `run` on the data folder; refuses a locked folder, and one in recovery unless the command is
 * one of those that work there (backups, restore). */
export async function withRuntime<T>(dataDir: string, run: (runtime: ApiRuntime) => Promise<T>, options: { worksInRecovery?: boolean } = {}): Promise<T> {
  const runtime = await openCliRuntime(dataDir);
  const status = await call(runtime, 'system.status', {});
  if (status.state === 'locked') {
    await runtime.close();
    throw new AppError('passphrase_required', 'The data folder is encrypted: give its passphrase with --data-passphrase-file FILE.');
  }
  if (status.state === 'recovery' && !options.worksInRecovery) {
    await runtime.close();
    throw new AppError('database_corrupt', recoveryAdvice(status.problem));
  }
  try {
    return await run(runtime);
  } finally {
    await runtime.close();
  }
}
