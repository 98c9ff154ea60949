// Notes and anonymised quotes for the current factor: add, edit (saved as you type), delete after confirming.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { noteMaxLength, type FactorNoteKind } from '../../../src-main/core/assessments';
import { localize } from '../../../src-main/core/localize';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { isOverLimit, LengthLimit } from '../../components/LengthLimit';
import { useInterview, type LocalNote } from './interview-store';
import { NoteItem } from './NoteItem';
import { NoteKindChoice } from './NoteKindChoice';

export function FactorNotes() {
  const { t, i18n } = useTranslation();
  const factor = useInterview((s) => {
    const item = s.guide!.items[s.index];
    return s.guide!.factors.find((f) => f.id === item.factor)!;
  });
  const allNotes = useInterview((s) => s.notes);
  const focusPending = useInterview((s) => s.noteFocusPending);
  const open = useInterview((s) => s.notesOpen);
  const { addNote, deleteNote, toggleNotes } = useInterview.getState();
  const notes = allNotes.filter((note) => note.factorId === factor.id);
  const [kind, setKind] = useState<FactorNoteKind>('note');
  const [text, setText] = useState('');
  const [deleting, setDeleting] = useState<LocalNote | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);

  // In the next frame, so that the N pressed is not typed into the field.
  useEffect(() => {
    if (!focusPending) return;
    const frame = requestAnimationFrame(() => {
      field.current?.focus();
      useInterview.getState().noteFocused();
    });
    return () => cancelAnimationFrame(frame);
  }, [focusPending]);

  // Each factor starts with a plain note; a quote is chosen on purpose.
  const [kindFactor, setKindFactor] = useState(factor.id);
  if (kindFactor !== factor.id) {
    setKindFactor(factor.id);
    setKind('note');
  }

  useEffect(() => {
    useInterview.getState().setNoteDraft(text.trim() !== '');
  }, [text]);

  function add() {
    if (!text.trim() || isOverLimit(text.trim(), noteMaxLength)) return;
    addNote(factor.id, kind, text.trim());
    setText('');
  }

  const factorTitle = localize(factor.title, i18n.language);
  return (
    <section className="notes" aria-labelledby="notes-title">
      <h2 id="notes-title">
        <button type="button" className="fold-toggle" aria-expanded={open} aria-controls="notes-body" onClick={toggleNotes}>
          <span aria-hidden="true">{open ? '▾ ' : '▸ '}</span>
          {t('interview.notes', { factor: factorTitle })}
          {notes.length ? ` (${notes.length})` : ''}
        </button>
      </h2>
      <div id="notes-body" hidden={!open}>
        <p className="no-names" id="no-names">
          <span aria-hidden="true">⚠ </span>
          {t('interview.noNames')}
        </p>
        {notes.length === 0 ? <p className="muted">{t('interview.noNotes')}</p> : null}
        <ul className="note-list">
          {notes.map((note) => (
            <NoteItem key={note.localId} note={note} onDelete={() => setDeleting(note)} />
          ))}
        </ul>
        <form
          className="note-form"
          onSubmit={(event) => {
            event.preventDefault();
            add();
          }}
        >
          <NoteKindChoice name="new-note-kind" value={kind} onChange={setKind} />
          <label htmlFor="new-note">{t('interview.noteText')}</label>
          <textarea
            id="new-note"
            ref={field}
            rows={3}
            value={text}
            aria-describedby="no-names new-note-limit"
            aria-invalid={isOverLimit(text.trim(), noteMaxLength) ? true : undefined}
            aria-keyshortcuts="N"
            onChange={(event) => setText(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                add();
              }
            }}
          />
          <LengthLimit id="new-note-limit" length={text.trim().length} max={noteMaxLength} showFrom={0.9} withMessage />
          <div className="button-row">
            <button type="submit" disabled={!text.trim() || isOverLimit(text.trim(), noteMaxLength)}>
              {t('interview.addNote')}
            </button>
          </div>
        </form>
      </div>
      {deleting ? (
        <ConfirmDialog
          title={t('interview.deleteNote')}
          body={deleting.text}
          confirmLabel={t('interview.deleteNote')}
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            deleteNote(deleting.localId);
            setDeleting(null);
          }}
        />
      ) : null}
    </section>
  );
}
