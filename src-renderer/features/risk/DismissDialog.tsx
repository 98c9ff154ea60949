// Dismissing a finding asks for the reason, which is kept for the record; Escape or Cancel keeps it.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field';
import { errorText, fieldErrors } from '../../lib/errors';
import { ModalDialog } from '../../components/ModalDialog';

interface DismissDialogProps {
  title: string;
  onDismiss(reason: string): Promise<void>;
  onCancel(): void;
}

export function DismissDialog({ title, onDismiss, onCancel }: DismissDialogProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const errors = fieldErrors(t, error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onDismiss(reason);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  return (
    <ModalDialog titleId="dismiss-title" descriptionId="dismiss-body" onCancel={onCancel}>
      <form onSubmit={submit} noValidate className="form">
        <h2 id="dismiss-title">{t('risk.findings.dismissTitle', { title })}</h2>
        <p id="dismiss-body">{t('risk.findings.dismissBody')}</p>
        {error && !errors.reason ? (
          <p className="error-text" role="alert">
            {errorText(t, error)}
          </p>
        ) : null}
        <Field label={t('risk.findings.dismissReason')} hint={t('risk.findings.dismissHint')} required error={errors.reason} limit={{ length: reason.length, max: 2000 }}>
          {(props) => <textarea {...props} rows={3} value={reason} onChange={(event) => setReason(event.target.value)} />}
        </Field>
        <div className="button-row">
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="danger" disabled={busy}>
            {t('risk.findings.dismiss')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
