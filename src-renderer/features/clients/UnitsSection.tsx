// A client's units (sites, departments): list, add, edit in place, delete with confirmation.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientDetails, Unit, UnitValues } from '../../../src-main/core/clients';
import { useNotices } from '../../app/notices';
import { ConfirmActionDialog } from '../../components/ConfirmActionDialog';
import { Field } from '../../components/Field';
import { useApiMutation } from '../../lib/api/use-api';
import { EditForm } from '../../components/EditForm';

function UnitForm({ initial, submitLabel, onSubmit, onCancel }: {
  initial: UnitValues;
  submitLabel: string;
  onSubmit(values: UnitValues): Promise<void>;
  onCancel?(): void;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);

  return (
    <EditForm
      className="unit-form"
      submitLabel={submitLabel}
      onCancel={onCancel}
      onSubmit={async () => {
        await onSubmit(values);
        setValues(initial);
      }}
    >
      {(errors) => (
        <>
          <div className="field-row">
            <Field label={t('units.name')} required error={errors.name} limit={{ length: values.name.length, max: 200 }}>
              {(props) => (
                <input {...props} value={values.name} onChange={(e) => setValues({ ...values, name: e.target.value })} />
              )}
            </Field>
            <Field label={t('units.address')} error={errors.address} limit={{ length: values.address.length, max: 300 }}>
              {(props) => (
                <input {...props} value={values.address} onChange={(e) => setValues({ ...values, address: e.target.value })} />
              )}
            </Field>
          </div>
          <Field label={t('units.description')} error={errors.description} limit={{ length: values.description.length, max: 2000 }}>
            {(props) => (
              <input
                {...props}
                value={values.description}
                onChange={(e) => setValues({ ...values, description: e.target.value })}
              />
            )}
          </Field>
        </>
      )}
    </EditForm>
  );
}

const emptyUnit: UnitValues = { name: '', address: '', description: '' };

export function UnitsSection({ client }: { client: ClientDetails }) {
  const { t } = useTranslation();
  // The client's page lists its units: each change reloads it.
  const create = useApiMutation('units.create', { invalidates: ['clients.get'] });
  const update = useApiMutation('units.update', { invalidates: ['clients.get'] });
  const remove = useApiMutation('units.delete', { invalidates: ['clients.get'] });
  const notify = useNotices((s) => s.show);
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<Unit | null>(null);

  return (
    <section aria-labelledby="units-title" className="units">
      <h2 id="units-title">{t('units.title')}</h2>
      {client.units.length === 0 ? <p className="empty">{t('units.empty')}</p> : null}
      <ul className="unit-list">
        {client.units.map((unit) =>
          editing === unit.id ? (
            <li key={unit.id}>
              <UnitForm
                initial={{ name: unit.name, address: unit.address, description: unit.description }}
                submitLabel={t('common.save')}
                onCancel={() => setEditing(null)}
                onSubmit={async (values) => {
                  await update.run({ id: unit.id, ...values });
                  setEditing(null);
                }}
              />
            </li>
          ) : (
            <li key={unit.id} className="unit">
              <div>
                <strong>{unit.name}</strong>
                {unit.address ? <span className="muted"> · {unit.address}</span> : null}
                {unit.description ? <div className="muted">{unit.description}</div> : null}
              </div>
              <div className="button-row">
                <button type="button" onClick={() => setEditing(unit.id)} aria-label={`${t('common.edit')}: ${unit.name}`}>
                  {t('common.edit')}
                </button>
                <button type="button" onClick={() => setDeleting(unit)} aria-label={`${t('common.delete')}: ${unit.name}`}>
                  {t('common.delete')}
                </button>
              </div>
            </li>
          ),
        )}
      </ul>
      <h3>{t('units.add')}</h3>
      <UnitForm
        initial={emptyUnit}
        submitLabel={t('units.add')}
        onSubmit={async (values) => {
          await create.run({ clientId: client.id, ...values });
        }}
      />
      {deleting ? (
        <ConfirmActionDialog
          title={t('units.deleteTitle', { name: deleting.name })}
          body={t('units.deleteBody')}
          confirmLabel={t('common.delete')}
          onCancel={() => setDeleting(null)}
          onConfirm={async () => {
            await remove.run({ id: deleting.id });
            notify(t('clients.deleted', { name: deleting.name }));
            setDeleting(null);
          }}
        />
      ) : null}
    </section>
  );
}
