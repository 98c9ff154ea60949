// Create or edit a client: the organisation number is checked while typing and again by the API.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientDetails, ClientValues } from '../../../src-main/core/clients';
import { checkOrgNumber, formatOrgNumber, normalizeOrgNumber } from '../../../src-main/core/org-number';
import { Field } from '../../components/Field';
import { EditForm } from '../../components/EditForm';
import { NacePicker } from './NacePicker';

/** The form edits every field as text; the API normalises and checks them. */
export type ClientFormValues = Record<keyof ClientValues, string>;

export function clientFormValues(client?: ClientDetails): ClientFormValues {
  return {
    name: client?.name ?? '',
    orgNumber: client?.orgNumber ? formatOrgNumber(client.orgNumber) : '',
    naceCode: client?.naceCode ?? '',
    address: client?.address ?? '',
    postalCode: client?.postalCode ?? '',
    city: client?.city ?? '',
    contactName: client?.contactName ?? '',
    contactEmail: client?.contactEmail ?? '',
    contactPhone: client?.contactPhone ?? '',
    notes: client?.notes ?? '',
  };
}

interface ClientFormProps {
  initial: ClientFormValues;
  submitLabel: string;
  onSubmit(values: ClientFormValues): Promise<void>;
  onCancel?(): void;
}

type TextField = Exclude<keyof ClientFormValues, 'naceCode' | 'orgNumber' | 'notes'>;

export function ClientForm({ initial, submitLabel, onSubmit, onCancel }: ClientFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const set = (field: keyof ClientFormValues) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  const orgDigits = normalizeOrgNumber(values.orgNumber);
  const orgProblem = orgDigits.length >= 9 ? checkOrgNumber(orgDigits) : null;
  const orgProblemKeys = { format: 'errors.orgNumberFormat', checkDigit: 'errors.orgNumberCheckDigit', notIssued: 'errors.orgNumberNotIssued' } as const;
  const orgLiveError = orgProblem ? t(orgProblemKeys[orgProblem]) : undefined;
  const orgValid = orgDigits.length === 9 && !orgProblem;

  const textField = (
    errors: Record<string, string>,
    field: TextField,
    options: { type?: string; required?: boolean; maxLength: number; autoComplete?: string },
  ) => (
    <Field label={t(`clients.${field}`)} error={errors[field]} required={options.required} limit={{ length: values[field].length, max: options.maxLength }}>
      {(props) => (
        <input
          {...props}
          type={options.type ?? 'text'}
          value={values[field]}
          autoComplete={options.autoComplete ?? 'off'}
          onChange={(event) => set(field)(event.target.value)}
        />
      )}
    </Field>
  );

  return (
    <EditForm submitLabel={submitLabel} onSubmit={() => onSubmit(values)} onCancel={onCancel}>
      {(errors) => {
        const orgError = errors.orgNumber ?? orgLiveError;
        return (
          <>
            {textField(errors, 'name', { required: true, maxLength: 200, autoComplete: 'organization' })}
            <div className="field-row">
              <Field
                label={t('clients.orgNumber')}
                hint={orgValid ? <span className="ok-text">✓ {t('clients.orgNumberValid')}</span> : t('clients.orgNumberHint')}
                error={orgError}
              >
                {(props) => (
                  <input
                    {...props}
                    value={values.orgNumber}
                    inputMode="numeric"
                    autoComplete="off"
                    onChange={(event) => set('orgNumber')(event.target.value)}
                  />
                )}
              </Field>
              <Field label={t('clients.nace')} hint={t('clients.naceHint')} error={errors.naceCode}>
                {(props) => (
                  <NacePicker
                    id={props.id}
                    value={values.naceCode}
                    onChange={set('naceCode')}
                    describedBy={props['aria-describedby']}
                    invalid={props['aria-invalid']}
                  />
                )}
              </Field>
            </div>
            {textField(errors, 'address', { maxLength: 300, autoComplete: 'street-address' })}
            <div className="field-row">
              {textField(errors, 'postalCode', { maxLength: 20, autoComplete: 'postal-code' })}
              {textField(errors, 'city', { maxLength: 100, autoComplete: 'address-level2' })}
            </div>
            <div className="field-row">
              {textField(errors, 'contactName', { maxLength: 200 })}
              {textField(errors, 'contactEmail', { type: 'email', maxLength: 200 })}
              {textField(errors, 'contactPhone', { type: 'tel', maxLength: 50 })}
            </div>
            <Field label={t('clients.notes')} error={errors.notes} limit={{ length: values.notes.length, max: 5000 }}>
              {(props) => <textarea {...props} value={values.notes} rows={3} onChange={(event) => set('notes')(event.target.value)} />}
            </Field>
          </>
        );
      }}
    </EditForm>
  );
}
