// Whether every change has reached the database: "Saved", "Not saved – saving …", "Not saved" (an answer refused
// or held back), or "Not saved – trying again", announced politely.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/errors';
import { interviewHasUnsavedInput, useInterview } from './interview-store';

export function SaveStatus() {
  const { t } = useTranslation();
  const save = useInterview((s) => s.save);
  const progressError = useInterview((s) => s.progressError);
  const retrySaving = useInterview((s) => s.retrySaving);
  const guide = useInterview((s) => s.guide);
  const interview = useInterview((s) => s.interview);
  const answers = useInterview((s) => s.answers);
  const notes = useInterview((s) => s.notes);
  const itemErrors = useInterview((s) => s.itemErrors);
  const noteErrors = useInterview((s) => s.noteErrors);
  // Answers held back or refused stay "not saved" until they are fixed, whatever the queue says. Checked
  // over every question only when one of these changes, not on every move or keystroke.
  const heldBack = useMemo(
    () => interviewHasUnsavedInput({ guide, interview, answers, notes, itemErrors, noteErrors, save: { pending: 0, retrying: false }, noteDraft: false }),
    [guide, interview, answers, notes, itemErrors, noteErrors],
  );
  const state = save.retrying ? 'retrying' : save.pending > 0 ? 'saving' : heldBack ? 'unsaved' : 'saved';
  const symbol = { saved: '✓', saving: '…', retrying: '!', unsaved: '!' }[state];

  return (
    <div className="save-status-area">
      <p className={`save-status save-${state}`} role="status" aria-live="polite" data-testid="save-status">
        <span aria-hidden="true">{symbol} </span>
        {state === 'unsaved' ? t('interviewFinish.unsavedStatus') : state === 'saving' ? `${t('interviewFinish.unsavedStatus')} – ${t('interview.save.saving')}` : t(`interview.save.${state}`)}
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
