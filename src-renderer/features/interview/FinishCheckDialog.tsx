// The check before an interview is finished: what is unanswered, tallies short of those present,
// follow-up flags, notes to read over and anything not saved; each item opens with one click, and
// finishing needs the confirm button (Cancel has the focus, Esc cancels).
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../src-main/core/localize';
import { interviewFinishCheck, useInterview } from './interview-store';
import { finishCheckIsClear, type FinishCheckEntry } from './logic/finish-check';
import { ModalDialog } from '../../components/ModalDialog';

function ItemLinks({ entries, detail }: { entries: FinishCheckEntry[]; detail?(entry: FinishCheckEntry): string }) {
  const { t } = useTranslation();
  const { goTo, setFinishCheckOpen } = useInterview.getState();
  return (
    <ul className="finish-check-items">
      {entries.map((entry) => (
        <li key={entry.itemId}>
          <button
            type="button"
            className="link"
            aria-label={t('interviewFinish.goTo', { number: entry.index + 1 })}
            onClick={() => {
              setFinishCheckOpen(false);
              goTo(entry.index);
            }}
          >
            {t('interviewFinish.question', { number: entry.index + 1 })}
            {detail ? ` (${detail(entry)})` : ''}
          </button>
        </li>
      ))}
    </ul>
  );
}

export function FinishCheckDialog({ finishing, onFinish }: { finishing: boolean; onFinish(): void }) {
  const { t, i18n } = useTranslation();
  const guide = useInterview((s) => s.guide);
  const interview = useInterview((s) => s.interview);
  const answers = useInterview((s) => s.answers);
  const notes = useInterview((s) => s.notes);
  const itemErrors = useInterview((s) => s.itemErrors);
  const save = useInterview((s) => s.save);
  const setOpen = useInterview((s) => s.setFinishCheckOpen);
  const check = useMemo(() => interviewFinishCheck({ guide, interview, answers, notes, itemErrors, save }), [guide, interview, answers, notes, itemErrors, save]);
  const cancel = useRef<HTMLButtonElement>(null);

  if (!check || !guide) return null;
  const clear = finishCheckIsClear(check);
  const tallies = new Map(check.incompleteTallies.map((entry) => [entry.itemId, entry]));
  const factorTitle = (factorId: string) => {
    const factor = guide.factors.find((f) => f.id === factorId);
    return factor ? localize(factor.title, i18n.language) : factorId;
  };

  return (
    <ModalDialog titleId="finish-check-title" descriptionId="finish-check-intro" className="dialog finish-check" initialFocus={cancel} onCancel={() => setOpen(false)}>
      <h2 id="finish-check-title">{t('interviewFinish.title')}</h2>
      <p id="finish-check-intro">{clear ? t('interviewFinish.allClear') : t('interviewFinish.intro')}</p>
      {check.savePending ? (
        <p className="error-text" role="status">
          {t('interviewFinish.savePending')}
        </p>
      ) : null}
      {check.unsaved.length ? (
        <section aria-labelledby="finish-unsaved" className="finish-check-group">
          <h3 id="finish-unsaved" className="error-text">
            <span aria-hidden="true">! </span>
            {t('interviewFinish.unsaved', { count: check.unsaved.length })}
          </h3>
          <ItemLinks entries={check.unsaved} />
        </section>
      ) : null}
      {check.unanswered.length ? (
        <section aria-labelledby="finish-unanswered" className="finish-check-group">
          <h3 id="finish-unanswered">{t('interviewFinish.unanswered', { count: check.unanswered.length })}</h3>
          <ItemLinks entries={check.unanswered} />
        </section>
      ) : null}
      {check.incompleteTallies.length ? (
        <section aria-labelledby="finish-tallies" className="finish-check-group">
          <h3 id="finish-tallies">{t('interviewFinish.incompleteTallies', { count: check.incompleteTallies.length })}</h3>
          <ItemLinks
            entries={check.incompleteTallies}
            detail={(entry) => {
              const tally = tallies.get(entry.itemId)!;
              return t('interviewFinish.tally', { votes: tally.votes, present: tally.present });
            }}
          />
        </section>
      ) : null}
      {check.flagged.length ? (
        <section aria-labelledby="finish-flagged" className="finish-check-group">
          <h3 id="finish-flagged">
            <span aria-hidden="true">⚑ </span>
            {t('interviewFinish.flagged', { count: check.flagged.length })}
          </h3>
          <ItemLinks entries={check.flagged} />
        </section>
      ) : null}
      {check.notes.length ? (
        <section aria-labelledby="finish-notes" className="finish-check-group">
          <h3 id="finish-notes">{t('interviewFinish.notes', { count: check.notes.length })}</h3>
          <ul className="finish-check-notes">
            {check.notes.map((note) => (
              <li key={note.localId}>
                <strong>
                  {factorTitle(note.factorId)} · {t(`interview.kinds.${note.kind}`)}:
                </strong>{' '}
                {note.text}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <div className="button-row">
        <button ref={cancel} type="button" onClick={() => setOpen(false)}>
          {t('interviewFinish.keepGoing')}
        </button>
        <button type="button" className={clear ? 'primary' : 'danger'} disabled={finishing} onClick={onFinish}>
          {finishing ? t('interview.finishing') : clear ? t('interviewFinish.confirm') : t('interviewFinish.confirmAnyway')}
        </button>
      </div>
    </ModalDialog>
  );
}
