// The settings as loaded from the API; changing the language applies it at once.
import { create } from 'zustand';
import type { Settings } from '../../../src-main/core/settings';
import { api } from '../../lib/api/client';
import { changeUiLanguage } from '../../i18n';

interface SettingsState {
  settings: Settings | null;
  /** Loads the settings, or takes the answer of a `settings.get` already sent (at start-up). */
  load(request?: Promise<Settings>): Promise<Settings>;
  update(patch: Partial<Settings>): Promise<void>;
}

export const useSettings = create<SettingsState>((set) => ({
  settings: null,
  async load(request) {
    const settings = await (request ?? api.call('settings.get', {}));
    set({ settings });
    return settings;
  },
  async update(patch) {
    const settings = await api.call('settings.update', patch);
    set({ settings });
    await changeUiLanguage(settings.language);
  },
}));
