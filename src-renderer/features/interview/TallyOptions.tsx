// Votes per option: a count with a button for one more and one less, the total against those present.
import { useTranslation } from 'react-i18next';
import { totalVotes } from '../../../src-main/core/votes';
import { localize } from '../../../src-main/core/localize';
import { tallyProblem } from './logic/interview-progress';
import { useInterview } from './interview-store';
import { OptionLabel } from './OptionLabel';
import { useCurrentItem } from './use-current-item';

export function TallyOptions() {
  const { t } = useTranslation();
  const { scale, entry, present, respondentLanguage } = useCurrentItem();
  const { choose, removeVote } = useInterview.getState();
  const votes = entry?.answer.kind === 'tally' ? entry.answer.votes : {};
  const total = totalVotes(votes);
  // Counting makes no sense before anyone is recorded as present, so say so before the first vote.
  const problem = present === 0 ? ({ kind: 'noParticipants' } as const) : tallyProblem(votes, present);

  return (
    <>
      <ul className="tally" aria-labelledby="answer-options-label">
        {scale.points.map((point) => {
          const count = votes[String(point.value)] ?? 0;
          const label = localize(point.label, 'nb');
          return (
            <li key={point.value} className={count > 0 ? 'tally-row has-votes' : 'tally-row'}>
              <OptionLabel value={point.value} label={point.label} language={respondentLanguage} />
              <button
                type="button"
                className="vote-button"
                aria-label={t('interview.removeVote', { value: point.value, label })}
                aria-keyshortcuts={`Shift+${point.value}`}
                disabled={count === 0}
                onClick={() => removeVote(point.value)}
              >
                <span className="glyph">−</span>
              </button>
              <output className="vote-count" aria-label={t('interview.votesFor', { count, value: point.value })} data-testid={`votes-${point.value}`}>
                {count}
              </output>
              <button
                type="button"
                className="vote-button"
                aria-label={t('interview.addVote', { value: point.value, label })}
                aria-keyshortcuts={String(point.value)}
                onClick={() => choose(point.value)}
              >
                +
              </button>
            </li>
          );
        })}
      </ul>
      <p className="tally-total" aria-live="polite">
        {t('interview.votesTotal', { votes: total, present })}
      </p>
      {problem ? (
        <p className="error-text tally-problem" role="alert">
          <span aria-hidden="true"><span className="glyph">⚠</span> </span>
          {problem.kind === 'noParticipants' ? t('interview.nobodyPresent') : t('interview.tooManyVotes', { votes: problem.votes, present: problem.present })}
        </p>
      ) : null}
    </>
  );
}
