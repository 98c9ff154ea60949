// The overview's filters: client, status, planned start between two dates, and a free-text search.
import { useTranslation } from 'react-i18next';
import { assessmentStatuses, type AssessmentStatus } from '../../../src-main/core/assessments';
import { LengthLimit } from '../../components/LengthLimit';
import { useApiQuery } from '../../lib/api/use-api';
import { noFilters, useAssessments } from './assessments-store';

export function AssessmentFilters() {
  const { t } = useTranslation();
  const { filters, setFilters } = useAssessments();
  // Without the clients the filter offers "all clients" only; the list itself still works.
  const clients = useApiQuery('clients.list', {}).data ?? [];
  const active = JSON.stringify(filters) !== JSON.stringify(noFilters);

  return (
    <form role="search" aria-label={t('assessments.filters')} className="filter-row" onSubmit={(event) => event.preventDefault()}>
      <div className="field">
        <label htmlFor="assessment-search">{t('assessments.search')}</label>
        <input
          id="assessment-search"
          type="search"
          value={filters.search}
          aria-describedby="assessment-search-limit"
          placeholder={t('assessments.searchPlaceholder')}
          autoComplete="off"
          onChange={(event) => setFilters({ search: event.target.value })}
        />
        <LengthLimit id="assessment-search-limit" length={filters.search.length} max={200} showFrom={0.9} withMessage />
      </div>
      <div className="field">
        <label htmlFor="assessment-client">{t('assessments.filterClient')}</label>
        <select id="assessment-client" value={filters.clientId} onChange={(event) => setFilters({ clientId: event.target.value })}>
          <option value="">{t('assessments.allClients')}</option>
          {clients.map((client) => (
            <option key={client.id} value={client.id}>
              {client.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="assessment-status">{t('assessments.filterStatus')}</label>
        <select
          id="assessment-status"
          value={filters.status}
          onChange={(event) => setFilters({ status: event.target.value as AssessmentStatus | '' })}
        >
          <option value="">{t('assessments.allStatuses')}</option>
          {assessmentStatuses.map((status) => (
            <option key={status} value={status}>
              {t(`assessments.status.${status}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field field-date">
        <label htmlFor="assessment-from">{t('assessments.from')}</label>
        <input id="assessment-from" type="date" value={filters.from} onChange={(event) => setFilters({ from: event.target.value })} />
      </div>
      <div className="field field-date">
        <label htmlFor="assessment-to">{t('assessments.to')}</label>
        <input id="assessment-to" type="date" value={filters.to} onChange={(event) => setFilters({ to: event.target.value })} />
      </div>
      {active ? (
        <button type="button" className="filter-clear" onClick={() => setFilters(noFilters)}>
          {t('assessments.clearFilters')}
        </button>
      ) : null}
    </form>
  );
}
