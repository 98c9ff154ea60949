// Handlers for the settings.
import { flagFindingsForReview } from '../../db/risk-repo';
import { nowIso } from '../../db/rows';
import { readSettings, writeSettings } from '../../db/settings-repo';
import type { settingsMethods } from '../methods/settings';
import type { Handlers } from '../registry';

export const settingsHandlers: Handlers<keyof typeof settingsMethods> = {
  'settings.get': (_input, { db }) => readSettings(db),
  'settings.update': (patch, { db }) =>
    db.transaction(() => {
      writeSettings(db, patch, nowIso());
      const settings = readSettings(db);
      // The flag is a consequence of the consultancy's setting, not an edit of any assessment, so
      // it opens no new revision: an issued report stays what was issued.
      if (patch.riskMatrix) flagFindingsForReview(db, settings.riskMatrix);
      return settings;
    })(),
};
