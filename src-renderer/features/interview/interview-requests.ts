// The API call that loads one interview for its screen (interviews.open: the interview, its
// assessment, the items marked for private answering, and the guide in the languages shown at
// once). Small and free of the screen's code, so a deep link at start-up can ask for it beside the
// app's own first calls.
import type { MethodOutput } from '../../../src-main/api/contract';
import type { ApiCaller } from '../../lib/api/query-core';

type InterviewOpening = MethodOutput<'interviews.open'>;

export function requestInterview(client: ApiCaller, interviewId: string): Promise<InterviewOpening> {
  return client.call('interviews.open', { id: interviewId });
}

/** Loads started before the screen was shown (a deep link at start-up), each taken once. */
const earlyLoads = new Map<string, Promise<InterviewOpening>>();
/** Those of them that have arrived, until taken: the screen shows one at its first render. */
const arrivedLoads = new Map<string, InterviewOpening>();

/** Starts loading an interview before its screen is shown, beside the app's own start-up calls (once:
 * a load already under way is kept); a load that fails is forgotten, so the screen then asks again
 * and shows its own error. */
export function requestInterviewEarly(client: ApiCaller, interviewId: string): void {
  if (earlyLoads.has(interviewId)) return;
  const loading = requestInterview(client, interviewId);
  earlyLoads.set(interviewId, loading);
  loading.then(
    (opened) => {
      if (earlyLoads.get(interviewId) === loading) arrivedLoads.set(interviewId, opened);
    },
    () => {
      if (earlyLoads.get(interviewId) === loading) earlyLoads.delete(interviewId);
    },
  );
}

/** The early load of this interview, if one was started and not yet taken. */
export function takeEarlyInterview(interviewId: string): Promise<InterviewOpening> | undefined {
  const early = earlyLoads.get(interviewId);
  earlyLoads.delete(interviewId);
  arrivedLoads.delete(interviewId);
  return early;
}

/** The early load of this interview if it has already arrived (and is not yet taken); it stays to be taken. */
export function arrivedEarlyInterview(interviewId: string): InterviewOpening | undefined {
  return arrivedLoads.get(interviewId);
}
