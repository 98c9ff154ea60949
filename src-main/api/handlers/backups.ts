// Handlers for backups: they work on the data folder, so they also answer while the database is damaged.
import type { backupsMethods } from '../methods/backups';
import { callSteps } from '../call-steps';
import type { Handlers } from '../registry';

export const backupsHandlers: Handlers<keyof typeof backupsMethods> = {
  'backups.list': ({ check }, { dataStore }) => dataStore.listBackups(check),
  'backups.create': (_input, context) => {
    callSteps(context, ['backup'])('backup');
    return context.dataStore.backup('manual');
  },
  'backups.restore': async ({ name }, context) => {
    const step = callSteps(context, ['restoring', 'loadingGuides']);
    step('restoring');
    const result = await context.dataStore.restore(name);
    step('loadingGuides');
    await context.reloadGuides();
    return result;
  },
};
