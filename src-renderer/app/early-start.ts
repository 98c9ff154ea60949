// The start-up requests that need none of the app's own code: a deep-linked interview's data, the
// settings (the language to start in) and the data's status, then the interview screen's code. The renderer's entry
// (main.tsx) is this module and the API client only, so these go out as soon as that small script
// has loaded, while React, the screens and the texts still load and are evaluated (app/start.tsx).
import { requestInterviewEarly } from '../features/interview/interview-requests';
import { followsRestore } from '../features/backups/restore-backup';
import { api } from '../lib/api/client';
import { screenFromAddress } from './address';

// The API client took its token from the address when it was imported; what is left may be a deep link.
// After a restore the app opens the settings instead (start.tsx), so no interview is loaded ahead then:
// a load nobody takes at once could be handed out later, older than the data.
const linked = followsRestore() ? null : screenFromAddress(window.location.hash);
if (linked?.name === 'interview') requestInterviewEarly(api, linked.interviewId);

/** The settings, asked for at once. Locked data refuses them until it is unlocked: start.tsx
 * expects that refusal and does not show it. */
export const earlySettings = api.call('settings.get', {});
earlySettings.catch(() => undefined);

/** The data's status (null when it could not be read), asked for at once. */
export const dataStatus = api.call('system.status', {}).catch(() => null);

/** Starts loading a linked interview's screen code; called after the app's own code was asked for,
 * which the screen needs too. A failed load shows (and retries) when the screen renders. */
export function loadLinkedScreen(): void {
  if (linked?.name === 'interview') import('../features/interview/InterviewScreen').catch(() => undefined);
}
