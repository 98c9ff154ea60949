// A form that saves through the API: busy state, the error summary, per-field errors, the buttons.
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, fieldErrors } from '../lib/errors';

interface EditFormProps {
  submitLabel: string;
  className?: string;
  /** Throws an ApiError when the API refuses; its issues are shown at their fields. */
  onSubmit(): Promise<void>;
  onCancel?(): void;
  /** A second way to save, as its own button (e.g. "Lagre og godta"), never a pre-ticked box. */
  alternative?: { label: string; onSubmit(): Promise<void> };
  children(errors: Record<string, string>): ReactNode;
}

export function EditForm({ submitLabel, className, onSubmit, onCancel, alternative, children }: EditFormProps) {
  const { t } = useTranslation();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const errors = fieldErrors(t, error);
  const hasFieldErrors = Object.keys(errors).length > 0;
  const form = useRef<HTMLFormElement>(null);
  const summary = useRef<HTMLParagraphElement>(null);

  // The focus goes to the first field in error (or the message), so the keyboard is where the fix is.
  useEffect(() => {
    if (!error) return;
    const invalid = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (invalid ?? summary.current)?.focus();
  }, [error]);

  async function submit(event: FormEvent, save: () => Promise<void> = onSubmit) {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      await save();
    } catch (caught) {
      setError(caught);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form ref={form} className={className ? `form ${className}` : 'form'} onSubmit={submit} noValidate>
      {error ? (
        <p ref={summary} className="error-text" role="alert" tabIndex={-1}>
          {hasFieldErrors ? t('errors.codes.invalid_input') : errorText(t, error)}
        </p>
      ) : null}
      {children(errors)}
      <div className="button-row">
        {onCancel ? (
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        ) : null}
        <button type="submit" className={alternative ? undefined : 'primary'} disabled={saving}>
          {saving ? t('common.saving') : submitLabel}
        </button>
        {alternative ? (
          <button type="button" className="primary" disabled={saving} onClick={(event) => void submit(event, alternative.onSubmit)}>
            {alternative.label}
          </button>
        ) : null}
      </div>
    </form>
  );
}
