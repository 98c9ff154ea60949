// A client's assessments, shown on the client screen, with a button to start a new one for that client.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessmentSummary } from '../../../src-main/core/assessments';
import { useNavigation } from '../../app/navigation';
import { LoadError, Loading } from '../../components/StatusViews';
import { api } from '../../lib/api/client';
import { errorText } from '../../lib/errors';
import { AssessmentTable } from './AssessmentTable';

export function ClientAssessments({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const go = useNavigation((s) => s.go);
  const [assessments, setAssessments] = useState<AssessmentSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    api.call('assessments.list', { clientId }).then(
      (loaded) => {
        if (!current) return;
        setAssessments(loaded);
        setError(null);
      },
      (caught: unknown) => current && setError(caught),
    );
    return () => {
      current = false;
    };
  }, [clientId, attempt]);

  return (
    <section aria-labelledby="client-assessments-title" className="client-assessments">
      <div className="section-header">
        <h2 id="client-assessments-title">{t('assessments.forClient')}</h2>
        <button type="button" className="primary" onClick={() => go({ name: 'assessmentNew', clientId })}>
          {t('assessments.new')}
        </button>
      </div>
      {error ? <LoadError message={errorText(t, error)} onRetry={() => setAttempt((n) => n + 1)} /> : null}
      {!error && !assessments ? <Loading /> : null}
      {assessments && assessments.length === 0 ? <p className="empty">{t('assessments.noneForClient')}</p> : null}
      {assessments && assessments.length > 0 ? <AssessmentTable assessments={assessments} showClient={false} /> : null}
    </section>
  );
}
