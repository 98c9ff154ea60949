// A table of assessments (the overview's, or one client's): title to open it, client, status, dates, interviews.
import { useTranslation } from 'react-i18next';
import type { AssessmentSummary } from '../../../src-main/core/assessments';
import { useNavigation } from '../../app/navigation';
import { plannedPeriod } from './planned-period';
import { StatusBadge } from './StatusBadge';

export function AssessmentTable({ assessments, showClient = true }: { assessments: AssessmentSummary[]; showClient?: boolean }) {
  const { t, i18n } = useTranslation();
  const go = useNavigation((s) => s.go);

  return (
    <table className="data-table">
      <thead>
        <tr>
          <th scope="col">{t('assessments.columnTitle')}</th>
          {showClient ? <th scope="col">{t('assessments.columnClient')}</th> : null}
          <th scope="col">{t('assessments.columnStatus')}</th>
          <th scope="col">{t('assessments.columnPlanned')}</th>
          <th scope="col">{t('assessments.columnInterviews')}</th>
        </tr>
      </thead>
      <tbody>
        {assessments.map((assessment) => (
          <tr key={assessment.id}>
            <td>
              <button type="button" className="link" onClick={() => go({ name: 'assessment', assessmentId: assessment.id })}>
                {assessment.title}
              </button>
            </td>
            {showClient ? (
              <td>
                {assessment.clientName}
                {assessment.unitName ? <span className="muted"> · {assessment.unitName}</span> : null}
              </td>
            ) : null}
            <td>
              <StatusBadge status={assessment.status} />
            </td>
            <td>
              {plannedPeriod(t, i18n.language, assessment.plannedStart, assessment.plannedEnd)}
            </td>
            <td>{t('assessments.interviewsDone', { done: assessment.completedInterviewCount, count: assessment.interviewCount })}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
