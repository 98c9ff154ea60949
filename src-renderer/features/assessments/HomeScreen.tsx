// The overview, the first screen: every assessment, filtered and searched, and a way to start a new one.
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../../app/navigation';
import { LoadError, Loading } from '../../components/StatusViews';
import { useApiQuery } from '../../lib/api/use-api';
import { OverdueMeasuresPanel } from '../risk/OverdueMeasuresPanel';
import { AssessmentFilters } from './AssessmentFilters';
import { AssessmentTable } from './AssessmentTable';
import { listInput, noFilters, useAssessments } from './assessments-store';

export function HomeScreen() {
  const { t } = useTranslation();
  const go = useNavigation((s) => s.go);
  const filters = useAssessments((s) => s.filters);
  const filtered = JSON.stringify(filters) !== JSON.stringify(noFilters);
  // The rows shown stay while changed filters load; an answer to older filters never lands.
  const list = useApiQuery('assessments.list', listInput(filters), { keepPrevious: true });
  const assessments = list.data ?? [];
  const status = list.errorMessage ? 'error' : list.data ? 'ready' : 'loading';

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
        {status === 'error' ? <LoadError message={`${t('assessments.loadFailed')} ${list.errorMessage}`} onRetry={() => void list.reload()} /> : null}
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
