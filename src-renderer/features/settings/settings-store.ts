// The settings as loaded from the API; changing the language applies it at once.
import { create } from 'zustand';
import type { Settings } from '../../../src-main/core/settings';
import { api } from '../../lib/api/client';
import { changeUiLanguage } from '../../i18n';

interface SettingsState {
  settings: Settings | null;
  load(): Promise<Settings>;
  update(patch: Partial<Settings>): Promise<void>;
}

export const useSettings = create<SettingsState>((set) => ({
  settings: null,
  async load() {
    const settings = await api.call('settings.get', {});
    set({ settings });
    return settings;
  },
  async update(patch) {
    const settings = await api.call('settings.update', patch);
    set({ settings });
    await changeUiLanguage(settings.language);
  },
}));
