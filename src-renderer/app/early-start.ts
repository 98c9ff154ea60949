// The start-up requests that need none of the app's own code: a deep-linked interview's data, the
// settings (the language to start in) and the data's status, then the interview screen's code. The
// renderer's entry (main.tsx) is this module and the API client only, so these go out as soon as that
// small script has loaded, while React, the screens and the texts still load and are evaluated
// (app/start.tsx). Nothing before the calls opens the tab's storage (slow the first time).
import { requestInterviewEarly, takeEarlyInterview } from '../features/interview/interview-requests';
import { followsRestore } from '../features/backups/restore-backup';
import { api } from '../lib/api/client';
import { screenFromAddress } from './address';

// The address may still hold the token (the API client clears it once this code has run); a deep
// link's parameters are read beside it.
const linked = screenFromAddress(window.location.hash);
if (linked?.name === 'interview') requestInterviewEarly(api, linked.interviewId);

/** The settings, asked for at once. Locked data refuses them until it is unlocked: start.tsx
 * expects that refusal and does not show it. */
export const earlySettings = api.call('settings.get', {});
earlySettings.catch(() => undefined);

/** The data's status (null when it could not be read), asked for at once. */
export const dataStatus = api.call('system.status', {}).catch(() => null);

// After a restore the app opens the settings instead (start.tsx), so the interview loaded ahead is
// dropped at once: a load nobody takes at once could be handed out later, older than the data.
// (Asked only now, after the calls went out: it reads the tab's storage.)
const afterRestore = followsRestore();
if (afterRestore && linked?.name === 'interview') void takeEarlyInterview(linked.interviewId);

/** Starts loading a linked interview's screen code; called after the app's own code was asked for,
 * which the screen needs too. A failed load shows (and retries) when the screen renders. */
export function loadLinkedScreen(): void {
  if (!afterRestore && linked?.name === 'interview') import('../features/interview/InterviewScreen').catch(() => undefined);
}
