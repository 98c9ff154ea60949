// Handlers for backups: they work on the data folder, so they also answer while the database is damaged.
import type { backupsMethods } from '../methods/backups';
import type { Handlers } from '../registry';

export const backupsHandlers: Handlers<keyof typeof backupsMethods> = {
  'backups.list': ({ check }, { dataStore }) => dataStore.listBackups(check),
  'backups.create': (_input, { dataStore }) => dataStore.backup('manual'),
  'backups.restore': async ({ name }, context) => {
    const result = await context.dataStore.restore(name);
    await context.reloadGuides();
    return result;
  },
};
