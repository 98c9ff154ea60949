// The screens the app has and the deep links that name one: free of React and the store, so the
// start-up code (early-start.ts) can read the address before the rest of the app has loaded.

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
