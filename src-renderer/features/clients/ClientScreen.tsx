// One client: its details (editable), its units, and deleting it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientDetails } from '../../../src-main/core/clients';
import { useNavigation } from '../../app/navigation';
import { useNotices } from '../../app/notices';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { LoadError, Loading } from '../../components/StatusViews';
import { useApiMutation, useApiQuery } from '../../lib/api/use-api';
import { ClientAssessments } from '../assessments/ClientAssessments';
import { ClientForm, clientFormValues } from './ClientForm';
import { UnitsSection } from './UnitsSection';

export function ClientScreen({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const go = useNavigation((s) => s.go);
  const notify = useNotices((s) => s.show);
  const query = useApiQuery('clients.get', { id: clientId });
  const update = useApiMutation('clients.update', { invalidates: [] });
  // The deleted client's own page is left at once: reloading it would only say "not found".
  const remove = useApiMutation('clients.delete', { invalidates: [] });
  const [confirmingDelete, setConfirmingDelete] = useState(false);

  const client = query.data;
  if (query.errorMessage) return <LoadError message={query.errorMessage} onRetry={() => void query.reload()} />;
  if (!client) return <Loading />;

  async function deleteClient(current: ClientDetails) {
    if (!(await remove.attempt({ id: current.id }))) return;
    notify(t('clients.deleted', { name: current.name }));
    go({ name: 'clients' });
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
          query.setData(await update.run({ id: client.id, ...values }));
          notify(t('clients.saved'));
        }}
      />
      <ClientAssessments clientId={client.id} />
      <UnitsSection client={client} />
      {confirmingDelete ? (
        <ConfirmDialog
          title={t('clients.deleteTitle', { name: client.name })}
          body={client.unitCount ? t('clients.deleteBody', { count: client.unitCount }) : t('clients.deleteBodyNoUnits')}
          confirmLabel={t('common.delete')}
          busy={remove.busy}
          error={remove.errorMessage}
          onConfirm={() => void deleteClient(client)}
          onCancel={() => {
            setConfirmingDelete(false);
            remove.reset();
          }}
        />
      ) : null}
    </section>
  );
}
