// The steps of an assessment and their states, from what has been recorded.
import { describe, expect, it } from 'vitest';
import { stepStates, type StepFacts } from '../../src-renderer/features/assessments/logic/assessment-steps';

const none: StepFacts = {
  interviews: 0,
  completedInterviews: 0,
  startedInterviews: 0,
  proposedFindings: 0,
  acceptedFindings: 0,
  measures: 0,
  agreedMeasures: 0,
  issuedRevisions: 0,
  issued: false,
};

const states = (facts: Partial<StepFacts>) => Object.fromEntries(stepStates({ ...none, ...facts }).map(({ step, state }) => [step, state]));

describe('stepStates', () => {
  it('starts with nothing started, in the order of the work', () => {
    expect(stepStates(none).map((s) => s.step)).toEqual(['planning', 'interviews', 'results', 'risk', 'actionPlan', 'report']);
    expect(new Set(Object.values(states({})))).toEqual(new Set(['notStarted']));
  });

  it('follows the work: interviews under way, proposals open, measures not yet agreed, an older revision issued', () => {
    expect(
      states({ interviews: 3, startedInterviews: 2, completedInterviews: 1, proposedFindings: 2, acceptedFindings: 1, measures: 2, agreedMeasures: 1, issuedRevisions: 1 }),
    ).toEqual({ planning: 'done', interviews: 'inProgress', results: 'inProgress', risk: 'inProgress', actionPlan: 'inProgress', report: 'inProgress' });
  });

  it('is done when every interview is completed, every proposal decided, every measure agreed and the revision issued', () => {
    expect(
      states({ interviews: 2, startedInterviews: 2, completedInterviews: 2, acceptedFindings: 3, measures: 2, agreedMeasures: 2, issuedRevisions: 1, issued: true }),
    ).toEqual({ planning: 'done', interviews: 'done', results: 'done', risk: 'done', actionPlan: 'done', report: 'done' });
  });
});
