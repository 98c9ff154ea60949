// A survey respondent as the scoring engine sees it: one response set whose answers are consensus answers of one person.
import type { Answer } from './answers';
import type { SurveyAnswers } from './package-records';
import type { ResponseSet } from './response-set';

const notApplicable: Answer = { kind: 'notApplicable' };

export function surveyRespondentSet(id: string, group: string, answers: SurveyAnswers): ResponseSet {
  const converted: Record<string, Answer> = {};
  for (const [itemId, value] of Object.entries(answers)) {
    converted[itemId] = value === null ? notApplicable : { kind: 'consensus', value, participants: 1 };
  }
  return { id, group, respondents: 1, answers: converted };
}
