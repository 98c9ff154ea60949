// Creating a client; on success the client's own page opens so units can be added.
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../../app/navigation';
import { useNotices } from '../../app/notices';
import { useApiMutation } from '../../lib/api/use-api';
import { ClientForm, clientFormValues } from './ClientForm';

export function NewClientScreen() {
  const { t } = useTranslation();
  const go = useNavigation((s) => s.go);
  const notify = useNotices((s) => s.show);
  const create = useApiMutation('clients.create');
  return (
    <section aria-labelledby="new-client-title">
      <div className="screen-header">
        <h1 id="new-client-title">{t('clients.newTitle')}</h1>
      </div>
      <ClientForm
        initial={clientFormValues()}
        submitLabel={t('common.save')}
        onCancel={() => go({ name: 'clients' })}
        onSubmit={async (values) => {
          const client = await create.run(values);
          notify(t('clients.created'));
          go({ name: 'client', clientId: client.id });
        }}
      />
    </section>
  );
}
