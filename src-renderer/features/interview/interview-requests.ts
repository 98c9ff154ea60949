// The API calls that load one interview for its screen: the interview, then its assessment (and the
// guide it uses) beside the items marked for private answering. Small and free of the screen's
// code, so a deep link at start-up can ask for them beside the app's own first calls.
import type { MethodOutput } from '../../../src-main/api/contract';
import type { Guide } from '../../../src-main/core/guide';
import { uiLanguages } from '../../../src-main/core/languages';
import type { ApiCaller } from '../../lib/api/query-core';

export interface InterviewRecords {
  details: MethodOutput<'interviews.get'>;
  assessment: MethodOutput<'assessments.get'>;
  /** The guide in the languages the screen shows first (guideLanguages); undefined when the caller
   * said it has it already. */
  guide: Guide | undefined;
  /** The languages the guide was asked for. */
  guideLanguages: string[];
  markedSensitive: string[];
}

/** What the interview screen shows at once: the respondent's and the group's languages, and the
 * app's own (a factor's title and the prompts are in the UI language, which may change while the
 * interview is open). The participants' view asks for any other language when it switches to it. */
export function interviewLanguages(details: Pick<MethodOutput<'interviews.get'>, 'respondentLanguage' | 'languages'>): string[] {
  return [...new Set([...uiLanguages, details.respondentLanguage, ...details.languages])];
}

export async function requestInterview(
  client: ApiCaller,
  interviewId: string,
  hasGuide: (assessment: MethodOutput<'assessments.get'>, languages: readonly string[]) => boolean = () => false,
): Promise<InterviewRecords> {
  const details = await client.call('interviews.get', { id: interviewId });
  const guideLanguages = interviewLanguages(details);
  const [{ assessment, guide }, sensitive] = await Promise.all([
    client.call('assessments.get', { id: details.assessmentId }).then(async (assessment) => ({
      assessment,
      guide: hasGuide(assessment, guideLanguages)
        ? undefined
        : await client.call('guides.get', { id: assessment.guideId, version: assessment.guideVersion, languages: guideLanguages }),
    })),
    client.call('assessments.sensitiveItems', { assessmentId: details.assessmentId }),
  ]);
  return { details, assessment, guide, guideLanguages, markedSensitive: sensitive.markedItemIds };
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
