// A refused file or import in the user's language: the reason's own text, with the technical detail folded away.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api/client';
import { errorText } from '../../lib/errors';

export function transferErrorText(t: TFunction, error: unknown): string {
  const key = error instanceof ApiError ? error.issues.find((issue) => issue.key)?.key : undefined;
  return key ? t(`transferErrors.${key}`, { defaultValue: errorText(t, error) }) : errorText(t, error);
}

export function TransferError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const detail = error instanceof ApiError ? error.message : null;
  return (
    <div className="error-box transfer-error" role="alert">
      <p>{transferErrorText(t, error)}</p>
      {detail ? (
        <details>
          <summary>{t('transfer.details')}</summary>
          <p className="muted">{detail}</p>
          {error instanceof ApiError && error.issues.length > 1 ? (
            <ul className="muted">
              {error.issues.slice(1, 11).map((issue, i) => (
                <li key={i}>
                  <code>{issue.path}</code>: {issue.message}
                </li>
              ))}
            </ul>
          ) : null}
        </details>
      ) : null}
    </div>
  );
}

/** A section's own check that failed before anything was sent, then the refusal of the call. */
export function TransferProblems({ problem, error }: { problem: string | null; error: unknown }) {
  return (
    <>
      {problem ? (
        <p className="error-text" role="alert">
          {problem}
        </p>
      ) : null}
      {error ? <TransferError error={error} /> : null}
    </>
  );
}
