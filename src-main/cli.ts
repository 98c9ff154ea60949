// The `kartlegg` command: headless commands over the same API registry as the app.
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CliCommand } from './cli/command';
import { assessmentsListCommand } from './cli/commands/assessments';
import { surveyImportsCommand, surveyUndoCommand } from './cli/commands/survey-batches';
import { backupCommand, backupsListCommand, restoreCommand } from './cli/commands/backups';
import { clientsListCommand } from './cli/commands/clients';
import { demoCommand } from './cli/commands/demo';
import { exportTranslationCommand, importTranslationCommand } from './cli/commands/guide-translations';
import { issueCommand } from './cli/commands/issue';
import { reportCommand } from './cli/commands/report';
import { resultsCommand } from './cli/commands/results';
import { serveCommand } from './cli/commands/serve';
import { surveyImportCommand, surveyPreviewCommand } from './cli/commands/survey';
import { syncCommands } from './cli/commands/sync';
import { exportCommand, importCommand } from './cli/commands/transfer';
import { verifyCommand } from './cli/commands/verify';
import { useDataPassphrase } from './cli/api';
import { readPassphrase } from './cli/passphrase-file';
import { AppError } from './core/errors';
import { defaultDataDir } from './paths';
import { useCodeCache } from './reports/code-cache';

const commands: CliCommand[] = [serveCommand, clientsListCommand, assessmentsListCommand, verifyCommand, backupCommand, backupsListCommand, restoreCommand, demoCommand, exportCommand, importCommand, issueCommand, reportCommand, resultsCommand, surveyPreviewCommand, surveyImportCommand, exportTranslationCommand, importTranslationCommand, surveyImportsCommand, surveyUndoCommand, ...syncCommands];

function usage(): string {
  const width = Math.max(...commands.map((c) => c.usage.length)) + 2;
  return [
    'Usage: kartlegg <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.usage.padEnd(width)}${c.summary}`),
    `  ${'help'.padEnd(width)}Show this text`,
    '',
    'Options for every command:',
    `  ${'--data-dir D'.padEnd(width)}The data folder (default: $KARTLEGG_DATA_DIR or ${defaultDataDir()})`,
    `  ${'--data-passphrase-file P'.padEnd(width)}Unlock an encrypted data folder with the passphrase in file P`,
    '',
  ].join('\n');
}

/** The command whose words the arguments start with, the longest match first ("clients list" before "clients"). */
function findCommand(argv: string[]): { command: CliCommand; rest: string[] } | undefined {
  const words = argv.slice(0, argv.findIndex((a) => a.startsWith('-')) === -1 ? argv.length : argv.findIndex((a) => a.startsWith('-')));
  const byLength = [...commands].sort((a, b) => b.name.split(' ').length - a.name.split(' ').length);
  for (const command of byLength) {
    const name = command.name.split(' ');
    if (name.every((word, i) => words[i] === word)) return { command, rest: argv.slice(name.length) };
  }
  return undefined;
}

export async function main(argv: string[]): Promise<void> {
  if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help' || argv[0] === '-h') {
    console.log(usage());
    return;
  }
  const found = findCommand(argv);
  if (!found) throw new AppError('bad_request', `Unknown command "${argv.filter((a) => !a.startsWith('-')).slice(0, 2).join(' ')}".\n\n${usage()}`);
  let parsed;
  try {
    parsed = parseArgs({
      args: found.rest,
      allowPositionals: true,
      options: { 'data-dir': { type: 'string' }, 'data-passphrase-file': { type: 'string' }, ...found.command.options },
    });
  } catch (error) {
    throw new AppError('bad_request', `${(error as Error).message}\nUsage: kartlegg ${found.command.usage}`);
  }
  const dataDir = typeof parsed.values['data-dir'] === 'string' ? path.resolve(parsed.values['data-dir']) : defaultDataDir();
  useDataPassphrase(readPassphrase(parsed.values['data-passphrase-file']));
  // Before a command loads the API runtime and its libraries, so that their code, ours included,
  // comes from the build's code cache (reports/code-cache.ts); "help" above needs none of it.
  useCodeCache();
  await found.command.run({ dataDir, values: parsed.values, args: parsed.positionals });
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? `kartlegg: ${error.message}` : error);
  process.exit(error instanceof AppError && error.code === 'bad_request' ? 2 : 1);
});
