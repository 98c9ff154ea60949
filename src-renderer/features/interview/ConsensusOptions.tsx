// One answer for the whole group: the options as buttons, the chosen one pressed, and how many it speaks for.
import { useTranslation } from 'react-i18next';
import { useInterview } from './interview-store';
import { OptionLabel } from './OptionLabel';
import { useCurrentItem } from './use-current-item';

export function ConsensusOptions() {
  const { t } = useTranslation();
  const { scale, entry, present, respondentLanguage } = useCurrentItem();
  const { choose, setConsensusParticipants } = useInterview.getState();
  const chosen = entry?.answer.kind === 'consensus' ? entry.answer : null;

  return (
    <>
      <div className="options" role="group" aria-labelledby="answer-options-label">
        {scale.points.map((point) => (
          <button
            key={point.value}
            type="button"
            className="option"
            aria-pressed={chosen?.value === point.value}
            aria-keyshortcuts={String(point.value)}
            onClick={() => choose(point.value)}
          >
            <OptionLabel value={point.value} label={point.label} language={respondentLanguage} />
          </button>
        ))}
      </div>
      {chosen ? (
        <div className="field consensus-count">
          <label htmlFor="consensus-participants">{t('interview.consensusParticipants')}</label>
          <input
            id="consensus-participants"
            className="number-input"
            type="number"
            min={1}
            max={present > 0 ? present : 500}
            value={chosen.participants}
            onChange={(event) => setConsensusParticipants(Number(event.target.value))}
          />
        </div>
      ) : null}
    </>
  );
}
