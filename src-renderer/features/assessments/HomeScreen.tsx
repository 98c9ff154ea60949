// The overview, the first screen: every assessment, filtered and searched, and a way to start a new one.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../../app/navigation';
import { LoadError, Loading } from '../../components/StatusViews';
import { errorText } from '../../lib/errors';
import { OverdueMeasuresPanel } from '../risk/OverdueMeasuresPanel';
import { AssessmentFilters } from './AssessmentFilters';
import { AssessmentTable } from './AssessmentTable';
import { noFilters, useAssessments } from './assessments-store';

export function HomeScreen() {
  const { t } = useTranslation();
  const go = useNavigation((s) => s.go);
  const { filters, status, assessments, error, load, loadClients } = useAssessments();
  const filtered = JSON.stringify(filters) !== JSON.stringify(noFilters);

  useEffect(() => {
    void load();
    void loadClients().catch(() => undefined);
  }, [load, loadClients]);

  return (
    <section aria-labelledby="home-title">
      <div className="screen-header">
        <h1 id="home-title">{t('assessments.homeTitle')}</h1>
        <button type="button" className="primary" onClick={() => go({ name: 'assessmentNew' })}>
          {t('assessments.new')}
        </button>
      </div>
      {/* Panels from other areas (such as overdue measures) go here, above the list. */}
      <OverdueMeasuresPanel />
      <section aria-labelledby="assessment-list-title">
        <h2 id="assessment-list-title">{t('assessments.listTitle')}</h2>
        <AssessmentFilters />
        {status === 'loading' ? <Loading /> : null}
        {status === 'error' ? <LoadError message={`${t('assessments.loadFailed')} ${errorText(t, error)}`} onRetry={() => void load()} /> : null}
        {status === 'ready' && assessments.length === 0 ? (
          <p className="empty">{filtered ? t('assessments.noMatch') : t('assessments.empty')}</p>
        ) : null}
        {status === 'ready' && assessments.length > 0 ? (
          <>
            <p className="muted" role="status">
              {t('assessments.count', { count: assessments.length })}
            </p>
            <AssessmentTable assessments={assessments} />
          </>
        ) : null}
      </section>
    </section>
  );
}
