// Which screen is shown: a small store instead of URLs, since the app never navigates.
import { create } from 'zustand';

export type Screen =
  | { name: 'clients' }
  | { name: 'clientNew' }
  | { name: 'client'; clientId: string }
  | { name: 'settings' };

interface NavigationState {
  screen: Screen;
  go(screen: Screen): void;
}

export const useNavigation = create<NavigationState>((set) => ({
  screen: { name: 'clients' },
  go: (screen) => set({ screen }),
}));
