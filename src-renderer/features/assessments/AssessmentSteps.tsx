// The assessment's steps with the state of each; every step opens its screen.
import { useTranslation } from 'react-i18next';
import type { AssessmentDetails } from '../../../src-main/core/assessments';
import type { Screen } from '../../app/address';
import { useNavigation } from '../../app/navigation';
import { useApiLoad } from '../../lib/api/use-api';
import { stepStates, type AssessmentStep, type StepFacts } from './logic/assessment-steps';

const symbols = { notStarted: '○', inProgress: '◐', done: '✓' } as const;

export function AssessmentSteps({ assessment }: { assessment: AssessmentDetails }) {
  const { t } = useTranslation();
  const go = useNavigation((s) => s.go);
  // Loaded again whenever the assessment changes; the steps on screen stay until then.
  const { data: records } = useApiLoad(
    [assessment.id, assessment.updatedAt],
    (api) => Promise.all([api.call('findings.list', { assessmentId: assessment.id }), api.call('measures.list', { assessmentId: assessment.id }), api.call('revisions.list', { assessmentId: assessment.id })]),
    { keepPrevious: true },
  );

  if (!records) return null;
  const [findings, measures, revisions] = records;
  const facts: StepFacts = {
    interviews: assessment.interviews.length,
    completedInterviews: assessment.interviews.filter((i) => i.status === 'completed').length,
    startedInterviews: assessment.interviews.filter((i) => i.status !== 'planned').length,
    proposedFindings: findings.filter((f) => f.status === 'proposed').length,
    acceptedFindings: findings.filter((f) => f.status === 'accepted').length,
    measures: measures.filter((m) => m.status !== 'dropped').length,
    agreedMeasures: measures.filter((m) => m.status !== 'dropped' && m.status !== 'proposed' && m.missingParties.length === 0).length,
    issuedRevisions: revisions.revisions.length,
    issued: revisions.issued,
  };
  const screens: Record<AssessmentStep, Screen | null> = {
    planning: null,
    interviews: null,
    results: { name: 'results', assessmentId: assessment.id },
    risk: { name: 'risk', assessmentId: assessment.id },
    actionPlan: { name: 'actionPlan', assessmentId: assessment.id },
    report: { name: 'reports', assessmentId: assessment.id },
  };
  const anchors: Partial<Record<AssessmentStep, string>> = { planning: 'assessment-title', interviews: 'interviews-title' };

  return (
    <nav className="assessment-steps" aria-label={t('assessmentSteps.title')}>
      <ol>
        {stepStates(facts).map(({ step, state }) => (
          <li key={step} className={`step step-${state}`}>
            <button
              type="button"
              className="link"
              onClick={() => {
                const screen = screens[step];
                if (screen) go(screen);
                else document.getElementById(anchors[step] ?? '')?.scrollIntoView();
              }}
            >
              <span aria-hidden="true">{symbols[state]} </span>
              {t(`assessmentSteps.steps.${step}`)}
            </button>
            <span className="step-state">{t(`assessmentSteps.states.${state}`)}</span>
          </li>
        ))}
      </ol>
    </nav>
  );
}
