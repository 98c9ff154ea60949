// The steps of an assessment (Planlegging → Intervjuer → Resultater → Risiko → Handlingsplan →
// Rapport) and the state of each, from what has been recorded so far.

export const assessmentSteps = ['planning', 'interviews', 'results', 'risk', 'actionPlan', 'report'] as const;
export type AssessmentStep = (typeof assessmentSteps)[number];
export type StepState = 'notStarted' | 'inProgress' | 'done';

export interface StepFacts {
  interviews: number;
  completedInterviews: number;
  startedInterviews: number;
  proposedFindings: number;
  acceptedFindings: number;
  measures: number;
  agreedMeasures: number;
  issuedRevisions: number;
  /** The current revision is issued and unchanged. */
  issued: boolean;
}

export interface StepStatus {
  step: AssessmentStep;
  state: StepState;
}

export function stepStates(facts: StepFacts): StepStatus[] {
  const states: Record<AssessmentStep, StepState> = {
    planning: facts.interviews > 0 ? 'done' : 'notStarted',
    interviews:
      facts.interviews > 0 && facts.completedInterviews === facts.interviews ? 'done' : facts.startedInterviews > 0 ? 'inProgress' : 'notStarted',
    results: facts.completedInterviews > 0 ? (facts.completedInterviews === facts.interviews ? 'done' : 'inProgress') : 'notStarted',
    risk: facts.acceptedFindings > 0 && facts.proposedFindings === 0 ? 'done' : facts.acceptedFindings + facts.proposedFindings > 0 ? 'inProgress' : 'notStarted',
    actionPlan: facts.measures > 0 && facts.agreedMeasures === facts.measures ? 'done' : facts.measures > 0 ? 'inProgress' : 'notStarted',
    report: facts.issued ? 'done' : facts.issuedRevisions > 0 ? 'inProgress' : 'notStarted',
  };
  return assessmentSteps.map((step) => ({ step, state: states[step] }));
}
