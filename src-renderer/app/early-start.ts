// The start-up requests that need none of the app's own code, sent before the rest of it (React, the
// screens, the texts) is evaluated: the data's status, and a deep-linked interview's data and screen
// code. main.tsx imports this module first, so these are under way while the rest starts.
import { requestInterviewEarly } from '../features/interview/interview-requests';
import { followsRestore } from '../features/backups/restore-backup';
import { api } from '../lib/api/client';
import { screenFromAddress } from './navigation';

// The API client took its token from the address when it was imported; what is left may be a deep link.
// After a restore the app opens the settings instead (main.tsx), so no interview is loaded ahead then:
// a load nobody takes at once could be handed out later, older than the data.
const linked = followsRestore() ? null : screenFromAddress(window.location.hash);
if (linked?.name === 'interview') {
  requestInterviewEarly(api, linked.interviewId);
  // A failed load shows (and retries) when the screen renders; this only starts it early.
  import('../features/interview/InterviewScreen').catch(() => undefined);
}

/** The data's status (null when it could not be read), asked for at once. */
export const dataStatus = api.call('system.status', {}).catch(() => null);
