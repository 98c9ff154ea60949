// One client: its details (editable), its units, and deleting it.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientDetails } from '../../../src-main/core/clients';
import { useNavigation } from '../../app/navigation';
import { useNotices } from '../../app/notices';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { LoadError, Loading } from '../../components/StatusViews';
import { api } from '../../lib/api/client';
import { errorText } from '../../lib/errors';
import { ClientAssessments } from '../assessments/ClientAssessments';
import { ClientForm, clientFormValues } from './ClientForm';
import { UnitsSection } from './UnitsSection';

export function ClientScreen({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const go = useNavigation((s) => s.go);
  const notify = useNotices((s) => s.show);
  const [client, setClient] = useState<ClientDetails | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);

  const load = useCallback(
    () =>
      api.call('clients.get', { id: clientId }).then(
        (loaded) => {
          setClient(loaded);
          setLoadError(null);
        },
        (error: unknown) => setLoadError(error),
      ),
    [clientId],
  );

  useEffect(() => {
    void load();
  }, [load]);

  if (loadError) return <LoadError message={errorText(t, loadError)} onRetry={() => void load()} />;
  if (!client) return <Loading />;

  async function deleteClient(current: ClientDetails) {
    setDeleting(true);
    try {
      await api.call('clients.delete', { id: current.id });
      notify(t('clients.deleted', { name: current.name }));
      go({ name: 'clients' });
    } catch (error) {
      setDeleteError(errorText(t, error));
    } finally {
      setDeleting(false);
    }
  }

  return (
    <section aria-labelledby="client-title">
      <div className="screen-header">
        <button type="button" className="link back" onClick={() => go({ name: 'clients' })}>
          ← {t('common.back')}
        </button>
        <h1 id="client-title">{client.name}</h1>
        <button type="button" className="danger" onClick={() => setConfirmingDelete(true)}>
          {t('common.delete')}
        </button>
      </div>
      <h2>{t('clients.details')}</h2>
      <ClientForm
        key={client.updatedAt}
        initial={clientFormValues(client)}
        submitLabel={t('common.save')}
        onSubmit={async (values) => {
          setClient(await api.call('clients.update', { id: client.id, ...values }));
          notify(t('clients.saved'));
        }}
      />
      <ClientAssessments clientId={client.id} />
      <UnitsSection client={client} onChanged={load} />
      {confirmingDelete ? (
        <ConfirmDialog
          title={t('clients.deleteTitle', { name: client.name })}
          body={client.unitCount ? t('clients.deleteBody', { count: client.unitCount }) : t('clients.deleteBodyNoUnits')}
          confirmLabel={t('common.delete')}
          busy={deleting}
          error={deleteError}
          onConfirm={() => void deleteClient(client)}
          onCancel={() => {
            setConfirmingDelete(false);
            setDeleteError(null);
          }}
        />
      ) : null}
    </section>
  );
}
