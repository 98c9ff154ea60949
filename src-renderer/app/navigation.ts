// Which screen is shown: a small store instead of URLs, since the app never navigates.
import { create } from 'zustand';
import { screenFromAddress, type Screen } from './address';

interface NavigationState {
  screen: Screen;
  /** A screen with input that leaving would lose says so here; `go` then asks before it leaves. */
  leaveGuard: (() => boolean) | null;
  /** Where `go` was asked to go while the guard held it back; the guarding screen asks the user. */
  pending: Screen | null;
  go(screen: Screen): void;
  setLeaveGuard(guard: (() => boolean) | null): void;
  /** The user chose to leave anyway, or to stay. */
  resolvePending(leave: boolean): void;
}

export const useNavigation = create<NavigationState>((set, get) => ({
  screen: { name: 'home' },
  leaveGuard: null,
  pending: null,
  go: (screen) => {
    const guard = get().leaveGuard;
    if (guard?.()) set({ pending: screen });
    else set({ screen, pending: null });
  },
  setLeaveGuard: (leaveGuard) => set({ leaveGuard }),
  resolvePending: (leave) => {
    const { pending } = get();
    set(leave && pending ? { screen: pending, pending: null, leaveGuard: null } : { pending: null });
  },
}));

/** Once at start-up, after the API client has taken its token from the address: opens the linked
 * screen and clears the address, so a reload does not jump back there. */
export function openScreenFromAddress(
  location: Pick<Location, 'hash' | 'pathname' | 'search'>,
  history: Pick<History, 'replaceState'>,
): void {
  const screen = screenFromAddress(location.hash);
  if (!screen) return;
  history.replaceState(null, '', location.pathname + location.search);
  useNavigation.getState().go(screen);
}
