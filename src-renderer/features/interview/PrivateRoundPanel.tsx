// For a sensitive question: start the private round, and while it runs show only how many have
// answered; once closed, the stored tally shows as for any question (paper ballots are entered there).
import { useTranslation } from 'react-i18next';
import { useInterview } from './interview-store';
import { useCurrentItem } from './use-current-item';

export function PrivateRoundPanel() {
  const { t } = useTranslation();
  const { item, entry, present } = useCurrentItem();
  const round = useInterview((s) => s.privateRound);
  const startPrivateRound = useInterview((s) => s.startPrivateRound);

  return (
    <div className="private-round" role="group" aria-labelledby="private-round-title">
      <h3 id="private-round-title">
        <span aria-hidden="true">🔒 </span>
        {t('interview.privateRound.title')}
      </h3>
      {round?.itemId === item.id ? (
        <p className="private-round-progress" role="status" data-testid="private-round-progress">
          {t('interview.privateRound.answered', { count: round.turns, present })}
        </p>
      ) : (
        <>
          <p className="field-hint">{t('interview.privateRound.why')}</p>
          {entry?.answer.kind === 'tally' ? <p className="field-hint">{t('interview.privateRound.replaces')}</p> : null}
          <button type="button" className="primary" disabled={present === 0} onClick={startPrivateRound}>
            {t('interview.privateRound.start')}
          </button>
        </>
      )}
    </div>
  );
}
