// An assessment's interviews as the scoring engine's response sets.
import type { Answer } from '../core/answers';
import { totalParticipants } from '../core/assessments';
import type { ResponseSet } from '../core/response-set';
import type { Db } from './database';
import { listAnswers, listInterviews } from './interviews-repo';

export function loadResponseSets(db: Db, assessmentId: string): ResponseSet[] {
  return listInterviews(db, assessmentId).map((interview) => {
    const answers: Record<string, Answer> = {};
    for (const { itemId, answer } of listAnswers(db, interview.id)) answers[itemId] = answer;
    const present = totalParticipants(interview.participants);
    return {
      id: interview.id,
      group: interview.groupName,
      respondents: present > 0 ? present : interview.kind === 'group' ? 0 : 1,
      answers,
    };
  });
}
