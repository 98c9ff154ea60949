// Which screen is shown: a small store instead of URLs, since the app never navigates.
import { create } from 'zustand';

export type Screen =
  | { name: 'home' }
  | { name: 'assessmentNew'; clientId?: string }
  | { name: 'assessment'; assessmentId: string }
  | { name: 'interview'; interviewId: string }
  | { name: 'results'; assessmentId: string }
  | { name: 'risk'; assessmentId: string }
  | { name: 'actionPlan'; assessmentId: string }
  | { name: 'revisions'; assessmentId: string }
  | { name: 'reports'; assessmentId: string }
  | { name: 'guides' }
  | { name: 'guide'; guideId: string; version: string }
  | { name: 'clients' }
  | { name: 'clientNew' }
  | { name: 'client'; clientId: string }
  | { name: 'settings' }
  | { name: 'transfer' };

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

/** Deep links: "#screen=results&assessment=<id>" (also risk, actionPlan, revisions, reports), "#screen=interview&interview=<id>"
 * and "#screen=guides" open that screen at start-up
 * (README, "Deep links"). Anything else in the address is ignored. */
export function screenFromAddress(hash: string): Screen | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const name = params.get('screen');
  switch (name) {
    case 'results':
    case 'risk':
    case 'actionPlan':
    case 'revisions':
    case 'reports': {
      const assessmentId = params.get('assessment');
      return assessmentId ? { name, assessmentId } : null;
    }
    case 'guides':
      return { name: 'guides' };
    case 'interview': {
      const interviewId = params.get('interview');
      return interviewId ? { name, interviewId } : null;
    }
    default:
      return null;
  }
}

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
