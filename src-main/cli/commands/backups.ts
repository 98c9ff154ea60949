// `kartlegg backup`, `kartlegg backups list` and `kartlegg restore <file>`: the same backups as the settings screen.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseBackupName, type BackupListing } from '../../core/backups';
import { AppError } from '../../core/errors';
import { call, withRuntime } from '../api';
import type { CliCommand } from '../command';

function describeBackup(backup: BackupListing): string {
  const size = `${Math.max(1, Math.round(backup.sizeBytes / 1024))} KB`;
  const check = backup.check === 'unchecked' ? '' : backup.check === 'ok' ? '  ok' : `  DAMAGED: ${backup.problem}`;
  return `${backup.name}  ${backup.reason.padEnd(16)}  ${size.padStart(8)}${check}`;
}

export const backupCommand: CliCommand = {
  name: 'backup',
  usage: 'backup',
  summary: 'Back up the database now (checked; old backups rotated as the settings say)',
  async run({ dataDir }) {
    const backup = await withRuntime(dataDir, (runtime) => call(runtime, 'backups.create', {}));
    console.log(`Backed up to ${path.join(dataDir, 'backups', backup.name)}`);
  },
};

export const backupsListCommand: CliCommand = {
  name: 'backups list',
  usage: 'backups list [--check] [--json]',
  summary: 'List the backups, newest first; --check opens and checks each one',
  options: { check: { type: 'boolean' }, json: { type: 'boolean' } },
  async run({ dataDir, values }) {
    const backups = await withRuntime(dataDir, (runtime) => call(runtime, 'backups.list', { check: values.check === true }), { worksInRecovery: true });
    if (values.json) {
      console.log(JSON.stringify(backups, null, 2));
      return;
    }
    if (backups.length === 0) console.log('No backups.');
    for (const backup of backups) console.log(describeBackup(backup));
  },
};

export const restoreCommand: CliCommand = {
  name: 'restore',
  usage: 'restore <backup name or file> | restore --start-fresh',
  summary: 'Restore a backup (checked first; the current data is backed up before it is replaced), or start with no data',
  options: { 'start-fresh': { type: 'boolean' } },
  async run({ dataDir, args, values }) {
    if (values['start-fresh']) {
      if (args.length) throw new AppError('bad_request', 'Either name a backup to restore or give --start-fresh, not both.');
      const fresh = await withRuntime(dataDir, (runtime) => call(runtime, 'system.startFresh', { confirm: true }), { worksInRecovery: true });
      console.log('Started with an empty database; the backups are kept and can still be restored.');
      if (fresh.damagedCopy) console.log(`The old database file was moved to ${fresh.damagedCopy}.`);
      return;
    }
    const [given] = args;
    if (!given || args.length > 1) throw new AppError('bad_request', 'Name one backup (see "kartlegg backups list") or a database file.');
    const isBackupName = parseBackupName(given) !== null && !given.includes('/') && !given.includes('\\');
    if (!isBackupName && !existsSync(given)) throw new AppError('not_found', `There is no backup or file "${given}".`);
    const result = await withRuntime(dataDir, async (runtime) => {
      // A file from elsewhere is copied in beside the backups, so it is checked and restored the same way.
      const name = isBackupName ? given : await runtime.copyIntoBackups(path.resolve(given));
      return call(runtime, 'backups.restore', { name });
    }, { worksInRecovery: true });
    console.log(`Restored ${result.restored}.`);
    if (result.safetyBackup) console.log(`The data from before the restore is in the backup ${result.safetyBackup}.`);
    if (result.damagedCopy) console.log(`The damaged database was moved to ${result.damagedCopy}.`);
  },
};
