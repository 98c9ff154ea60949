// One note or quote: shown, or edited in place with every change saved at once.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { noteMaxLength } from '../../../src-main/core/assessments';
import { isOverLimit, LengthLimit } from '../../components/LengthLimit';
import { errorText } from '../../lib/errors';
import { useInterview, type LocalNote } from './interview-store';
import { NoteKindChoice } from './NoteKindChoice';

export function NoteItem({ note, onDelete }: { note: LocalNote; onDelete(): void }) {
  const { t } = useTranslation();
  const refusal = useInterview((s) => s.noteErrors[note.localId]);
  const updateNote = useInterview((s) => s.updateNote);
  const [editing, setEditing] = useState(false);
  // An empty text is never sent (the API would refuse it); the last saved text stays until there is a new one.
  const [draft, setDraft] = useState(note.text);
  const fieldId = `note-${note.localId}`;

  return (
    <li className={`note note-${note.kind}`}>
      {editing ? (
        <div className="note-edit">
          <NoteKindChoice name={`${fieldId}-kind`} value={note.kind} onChange={(kind) => updateNote(note.localId, kind, note.text)} />
          <label htmlFor={fieldId}>{t('interview.noteTextEdit')}</label>
          <textarea
            id={fieldId}
            rows={3}
            value={draft}
            aria-describedby={`no-names ${fieldId}-limit`}
            aria-invalid={draft.trim() === '' || isOverLimit(draft.trim(), noteMaxLength) ? true : undefined}
            onChange={(event) => {
              setDraft(event.target.value);
              if (event.target.value.trim() && !isOverLimit(event.target.value.trim(), noteMaxLength)) updateNote(note.localId, note.kind, event.target.value);
            }}
          />
          {draft.trim() === '' ? <p className="field-error">{t('errors.required')}</p> : null}
          <LengthLimit id={`${fieldId}-limit`} length={draft.trim().length} max={noteMaxLength} showFrom={0.9} withMessage />
          <div className="button-row">
            <button type="button" onClick={() => setEditing(false)}>
              {t('common.close')}
            </button>
          </div>
        </div>
      ) : (
        <>
          <span className="note-kind-label">{t(`interview.kinds.${note.kind}`)}</span>
          <p className="note-text">{note.kind === 'quote' ? `«${note.text}»` : note.text}</p>
          <div className="button-row">
            <button
              type="button"
              aria-label={`${t('interview.editNote')}: ${note.text.slice(0, 40)}`}
              onClick={() => {
                setDraft(note.text);
                setEditing(true);
              }}
            >
              {t('interview.editNote')}
            </button>
            <button type="button" aria-label={`${t('interview.deleteNote')}: ${note.text.slice(0, 40)}`} onClick={onDelete}>
              {t('interview.deleteNote')}
            </button>
          </div>
        </>
      )}
      {refusal ? (
        <p className="error-text" role="alert">
          {t('interview.noteRefused')} {errorText(t, refusal)}
        </p>
      ) : null}
    </li>
  );
}
