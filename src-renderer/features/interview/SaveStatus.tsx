// Whether every change has reached the database: "Saved", "Saving …", or "Not saved – trying again", announced politely.
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/errors';
import { useInterview } from './interview-store';

export function SaveStatus() {
  const { t } = useTranslation();
  const save = useInterview((s) => s.save);
  const progressError = useInterview((s) => s.progressError);
  const retrySaving = useInterview((s) => s.retrySaving);
  const state = save.retrying ? 'retrying' : save.pending > 0 ? 'saving' : 'saved';
  const symbol = { saved: '✓', saving: '…', retrying: '!' }[state];

  return (
    <div className="save-status-area">
      <p className={`save-status save-${state}`} role="status" aria-live="polite" data-testid="save-status">
        <span aria-hidden="true">{symbol} </span>
        {t(`interview.save.${state}`)}
      </p>
      {state === 'retrying' ? (
        <button type="button" onClick={retrySaving}>
          {t('interview.save.retryNow')}
        </button>
      ) : null}
      {progressError ? (
        <p className="error-text" role="alert">
          {t('interview.save.progressRefused')} {errorText(t, progressError)}
        </p>
      ) : null}
    </div>
  );
}
