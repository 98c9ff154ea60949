// A client's assessments, shown on the client screen, with a button to start a new one for that client.
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../../app/navigation';
import { LoadError, Loading } from '../../components/StatusViews';
import { useApiQuery } from '../../lib/api/use-api';
import { AssessmentTable } from './AssessmentTable';

export function ClientAssessments({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const go = useNavigation((s) => s.go);
  const { data: assessments, errorMessage, reload } = useApiQuery('assessments.list', { clientId });

  return (
    <section aria-labelledby="client-assessments-title" className="client-assessments">
      <div className="section-header">
        <h2 id="client-assessments-title">{t('assessments.forClient')}</h2>
        <button type="button" className="primary" onClick={() => go({ name: 'assessmentNew', clientId })}>
          {t('assessments.new')}
        </button>
      </div>
      {errorMessage ? <LoadError message={errorMessage} onRetry={() => void reload()} /> : null}
      {!errorMessage && !assessments ? <Loading /> : null}
      {assessments && assessments.length === 0 ? <p className="empty">{t('assessments.noneForClient')}</p> : null}
      {assessments && assessments.length > 0 ? <AssessmentTable assessments={assessments} showClient={false} /> : null}
    </section>
  );
}
