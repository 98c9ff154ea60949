// Handlers for the settings.
import { nowIso } from '../../db/rows';
import { readSettings, writeSettings } from '../../db/settings-repo';
import type { settingsMethods } from '../methods/settings';
import type { Handlers } from '../registry';

export const settingsHandlers: Handlers<keyof typeof settingsMethods> = {
  'settings.get': (_input, { db }) => readSettings(db),
  'settings.update': (patch, { db }) => {
    writeSettings(db, patch, nowIso());
    return readSettings(db);
  },
};
