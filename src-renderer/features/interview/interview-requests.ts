// The API calls that load one interview for its screen: the interview, then its assessment (and the
// guide it uses) beside the items marked for private answering. Small and free of the screen's
// code, so a deep link at start-up can ask for them beside the app's own first calls.
import type { MethodOutput } from '../../../src-main/api/contract';
import type { Guide } from '../../../src-main/core/guide';
import type { ApiCaller } from '../../lib/api/query-core';

export interface InterviewRecords {
  details: MethodOutput<'interviews.get'>;
  assessment: MethodOutput<'assessments.get'>;
  /** The guide in full; undefined when the caller said it has it already. */
  guide: Guide | undefined;
  markedSensitive: string[];
}

export async function requestInterview(
  client: ApiCaller,
  interviewId: string,
  hasGuide: (assessment: MethodOutput<'assessments.get'>) => boolean = () => false,
): Promise<InterviewRecords> {
  const details = await client.call('interviews.get', { id: interviewId });
  const [{ assessment, guide }, sensitive] = await Promise.all([
    client.call('assessments.get', { id: details.assessmentId }).then(async (assessment) => ({
      assessment,
      guide: hasGuide(assessment) ? undefined : await client.call('guides.get', { id: assessment.guideId, version: assessment.guideVersion }),
    })),
    client.call('assessments.sensitiveItems', { assessmentId: details.assessmentId }),
  ]);
  return { details, assessment, guide, markedSensitive: sensitive.markedItemIds };
}

/** Loads started before the screen was shown (a deep link at start-up), each taken once. */
const earlyLoads = new Map<string, Promise<InterviewRecords>>();

/** Starts loading an interview before its screen is shown, beside the app's own start-up calls; a
 * load that fails is forgotten, so the screen then asks again and shows its own error. */
export function requestInterviewEarly(client: ApiCaller, interviewId: string): void {
  const loading = requestInterview(client, interviewId);
  earlyLoads.set(interviewId, loading);
  loading.catch(() => {
    if (earlyLoads.get(interviewId) === loading) earlyLoads.delete(interviewId);
  });
}

/** The early load of this interview, if one was started and not yet taken. */
export function takeEarlyInterview(interviewId: string): Promise<InterviewRecords> | undefined {
  const early = earlyLoads.get(interviewId);
  earlyLoads.delete(interviewId);
  return early;
}
