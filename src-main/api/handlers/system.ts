// Handlers for installation facts, whether the data could be opened, and the database health check.
import { schemaVersion } from '../../db/database';
import type { systemMethods } from '../methods/system';
import type { Handlers } from '../registry';

export const systemHandlers: Handlers<keyof typeof systemMethods> = {
  'system.info': (_input, { dataStore, dataDir, version }) => ({
    version,
    dataDir,
    schemaVersion: dataStore.status().state === 'ready' ? schemaVersion(dataStore.connection()) : null,
  }),
  'system.status': (_input, { dataStore }) => dataStore.status(),
  'system.startFresh': async (_input, context) => {
    const result = await context.dataStore.startFresh();
    await context.reloadGuides();
    return result;
  },
  'system.verify': (_input, { dataStore }) => {
    const status = dataStore.status();
    if (status.state === 'recovery') return { integrity: status.problem, foreignKeyProblems: 0, ok: false };
    const db = dataStore.connection();
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
    const foreignKeyProblems = (db.pragma('foreign_key_check') as unknown[]).length;
    return { integrity, foreignKeyProblems, ok: integrity === 'ok' && foreignKeyProblems === 0 };
  },
};
