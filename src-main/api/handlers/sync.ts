// Handlers for the optional team server: thin over src-main/team, which holds the sync itself.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/database';
import { nowIso } from '../../db/rows';
import { listConflicts, listQuarantine, readTeamServerSettings, removeTeamServerSettings, writeTeamServerSettings } from '../../db/team-sync-repo';
import { teamCredentials } from '../../team/credentials';
import { listTeamConflicts, pendingCounts, requireTeamSettings, resolveTeamConflict, syncWithTeamServer, type SyncRunContext } from '../../team/team-sync';
import type { ApiContext } from '../context';
import type { syncMethods, TeamSyncStatus } from '../methods/sync';
import type { Handlers } from '../registry';

function status(db: Db): TeamSyncStatus {
  const settings = readTeamServerSettings(db);
  let passwordSaved = false;
  try {
    passwordSaved = settings !== undefined && teamCredentials().read(settings.role) !== undefined;
  } catch {
    // A key store that cannot be read counts as no password kept; sync.run says why.
  }
  return {
    configured: settings !== undefined,
    server: settings
      ? { host: settings.host, port: settings.port, database: settings.database, role: settings.role, sslMode: settings.sslMode, hasCaCertificate: settings.caPem !== null }
      : null,
    deviceId: settings?.deviceId ?? null,
    lastSyncAt: settings?.lastSyncAt ?? null,
    passwordSaved,
    pending: settings ? pendingCounts(db) : { clients: 0, assessments: 0, deletions: 0 },
    conflicts: listConflicts(db).length,
    quarantined: listQuarantine(db),
  };
}

function runContext(context: ApiContext): SyncRunContext {
  return {
    db: () => context.db,
    guides: () => context.guides(),
    reloadGuides: () => context.reloadGuides(),
    version: context.version,
    backup: () => context.dataStore.backup('before-sync'),
    templateFolders: { appRoot: context.appRoot, dataDir: context.dataDir },
  };
}

export const syncHandlers: Handlers<keyof typeof syncMethods> = {
  'sync.status': (_input, { db }) => status(db),
  'sync.configure': (input, { db }) => {
    const deviceId = readTeamServerSettings(db)?.deviceId ?? randomUUID();
    writeTeamServerSettings(db, { ...input, deviceId }, nowIso());
    return status(db);
  },
  'sync.disconnect': (_input, { db }) => {
    const settings = readTeamServerSettings(db);
    if (settings && teamCredentials().canSave) teamCredentials().forget(settings.role);
    removeTeamServerSettings(db);
    return status(db);
  },
  'sync.savePassword': ({ password }, { db }) => {
    teamCredentials().save(requireTeamSettings(db).role, password);
    return { saved: true };
  },
  'sync.run': ({ batchSize }, context) => syncWithTeamServer(runContext(context), batchSize),
  'sync.conflicts': (_input, context) => listTeamConflicts(runContext(context)),
  'sync.resolve': ({ kind, id, choice }, context) => resolveTeamConflict(runContext(context), kind, id, choice),
};
