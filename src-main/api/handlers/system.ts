// Handlers for installation facts and the database health check.
import { schemaVersion } from '../../db/database';
import type { systemMethods } from '../methods/system';
import type { Handlers } from '../registry';

export const systemHandlers: Handlers<keyof typeof systemMethods> = {
  'system.info': (_input, { db, dataDir, version }) => ({ version, dataDir, schemaVersion: schemaVersion(db) }),
  'system.verify': (_input, { db }) => {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
    const foreignKeyProblems = (db.pragma('foreign_key_check') as unknown[]).length;
    return { integrity, foreignKeyProblems, ok: integrity === 'ok' && foreignKeyProblems === 0 };
  },
};
