// A labelled form field with its hint and error wired up for screen readers; a text with a length limit
// shows a counter, and text over the limit is an error at the field, never cut off silently.
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LengthLimit } from './LengthLimit';

interface FieldProps {
  label: string;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  /** The text's length and the most the API takes (the input gets no maxLength: typing past it is shown, not dropped). */
  limit?: { length: number; max: number };
  children: (props: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean; required?: boolean }) => ReactNode;
}

export function Field({ label, hint, error, required, limit, children }: FieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const counterId = `${id}-counter`;
  const over = limit && limit.length > limit.max ? limit.length - limit.max : 0;
  // Over the limit, the specific count says more than the API's general "too long".
  const shownError = over ? t('lengthLimit.tooLong', { max: limit!.max, over }) : error;
  const describedBy = [hint ? hintId : null, limit ? counterId : null, shownError ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={shownError ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': shownError ? true : undefined, required })}
      {hint ? (
        <div className="field-hint" id={hintId}>
          {hint}
        </div>
      ) : null}
      {limit ? <LengthLimit id={counterId} length={limit.length} max={limit.max} /> : null}
      {shownError ? (
        <div className="field-error" id={errorId} role="alert">
          {shownError}
        </div>
      ) : null}
    </div>
  );
}
