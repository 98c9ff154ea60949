// The client list: search, open, create.
import { useTranslation } from 'react-i18next';
import { formatOrgNumber } from '../../../src-main/core/org-number';
import { useNavigation } from '../../app/navigation';
import { LoadError, Loading } from '../../components/StatusViews';
import { useApiQuery } from '../../lib/api/use-api';
import { useClients } from './clients-store';

export function ClientsScreen() {
  const { t } = useTranslation();
  const go = useNavigation((s) => s.go);
  const { search, setSearch } = useClients();
  const list = useApiQuery('clients.list', { search }, { keepPrevious: true });
  const clients = list.data ?? [];
  const status = list.errorMessage ? 'error' : list.data ? 'ready' : 'loading';

  return (
    <section aria-labelledby="clients-title">
      <div className="screen-header">
        <h1 id="clients-title">{t('clients.title')}</h1>
        <button type="button" className="primary" onClick={() => go({ name: 'clientNew' })}>
          {t('clients.new')}
        </button>
      </div>
      <div className="search-row">
        <label htmlFor="client-search" className="visually-hidden">
          {t('clients.searchLabel')}
        </label>
        <input
          id="client-search"
          type="search"
          value={search}
          placeholder={t('clients.search')}
          onChange={(event) => setSearch(event.target.value)}
          autoComplete="off"
        />
      </div>
      {status === 'loading' ? <Loading /> : null}
      {status === 'error' ? <LoadError message={`${t('clients.loadFailed')} ${list.errorMessage}`} onRetry={() => void list.reload()} /> : null}
      {status === 'ready' && clients.length === 0 ? <p className="empty">{search ? t('clients.noMatch') : t('clients.empty')}</p> : null}
      {status === 'ready' && clients.length > 0 ? (
        <>
          <p className="muted" role="status">
            {t('clients.count', { count: clients.length })}
          </p>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('clients.name')}</th>
                <th scope="col">{t('clients.orgNumber')}</th>
                <th scope="col">{t('clients.city')}</th>
                <th scope="col">{t('units.title')}</th>
              </tr>
            </thead>
            <tbody>
              {clients.map((client) => (
                <tr key={client.id}>
                  <td>
                    <button type="button" className="link" onClick={() => go({ name: 'client', clientId: client.id })}>
                      {client.name}
                    </button>
                  </td>
                  <td>{client.orgNumber ? formatOrgNumber(client.orgNumber) : t('clients.notRegistered')}</td>
                  <td>{client.city}</td>
                  <td>{t('clients.units', { count: client.unitCount })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}
