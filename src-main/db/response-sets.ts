// An assessment's interviews as the scoring engine's response sets; the one place stored answers become them.
import type { Answer } from '../core/answers';
import { totalParticipants } from '../core/assessments';
import type { ResponseSet } from '../core/response-set';
import { surveyRespondentSet } from '../core/survey-respondent';
import type { Db } from './sqlite';
import { listAnswers, listInterviews } from './interviews-repo';
import { listSurveyResponses } from './survey-repo';

export function loadResponseSets(db: Db, assessmentId: string): ResponseSet[] {
  return listInterviews(db, assessmentId).flatMap((interview) => {
    const answers: Record<string, Answer> = {};
    for (const { itemId, answer } of listAnswers(db, interview.id)) answers[itemId] = answer;
    const present = totalParticipants(interview.participants);
    const own: ResponseSet = {
      id: interview.id,
      group: interview.groupName,
      respondents: present > 0 ? present : interview.kind === 'group' ? 0 : 1,
      answers,
      role: interview.respondentRole,
    };
    if (interview.kind !== 'survey') return [own];
    // An imported survey group: each respondent is a response set of one person, so a 10,000-row file
    // is one interview per group, not 10,000. The group's own answers count only if any were recorded.
    const respondents = listSurveyResponses(db, interview.id).map((response) => ({
      ...surveyRespondentSet(response.id, interview.groupName, response.answers),
      role: interview.respondentRole,
    }));
    if (respondents.length === 0) return [own];
    return Object.keys(answers).length > 0 ? [own, ...respondents] : respondents;
  });
}
