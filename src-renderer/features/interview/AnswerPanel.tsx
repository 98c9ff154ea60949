// How the current question is answered: the mode (one answer or votes), the options, "not applicable",
// the follow-up flag, and any reason the answer is not saved.
import { useTranslation } from 'react-i18next';
import { errorText, fieldErrors } from '../../lib/errors';
import { localize } from '../../../src-main/core/localize';
import { isPrivateRoundItem } from '../../../src-main/core/private-answering';
import { ConsensusOptions } from './ConsensusOptions';
import { useInterview } from './interview-store';
import { PrivateRoundPanel } from './PrivateRoundPanel';
import { TallyOptions } from './TallyOptions';
import { useCurrentItem } from './use-current-item';

function ModeSwitch() {
  const { t } = useTranslation();
  const { mode } = useCurrentItem();
  const toggleMode = useInterview((s) => s.toggleMode);
  return (
    <div className="mode-switch" role="group" aria-label={t('interview.answerMode')} aria-describedby="mode-hint">
      {(['consensus', 'tally'] as const).map((option) => (
        <button
          key={option}
          type="button"
          aria-pressed={mode === option}
          aria-keyshortcuts="T"
          onClick={() => {
            if (mode !== option) toggleMode();
          }}
        >
          {option === 'consensus' ? t('interview.modeConsensus') : t('interview.modeTally')}
        </button>
      ))}
      <span id="mode-hint" className="field-hint">
        {t('interview.modeHint')}
      </span>
    </div>
  );
}

export function AnswerPanel() {
  const { t } = useTranslation();
  const { item, scale, entry, mode } = useCurrentItem();
  const privateItem = useInterview((s) => isPrivateRoundItem(item, s.markedSensitive));
  const roundRunning = useInterview((s) => s.privateRound !== null);
  const refusal = useInterview((s) => s.itemErrors[item.id]);
  const flagNeedsAnswer = useInterview((s) => s.flagNeedsAnswer);
  const { notApplicable, clearAnswer, toggleFollowUp } = useInterview.getState();
  const refusalText = refusal ? (Object.values(fieldErrors(t, refusal))[0] ?? errorText(t, refusal)) : null;

  return (
    <section className="answer" aria-labelledby="answer-options-label">
      {/* The mode and the actions share a row, so the options and Forrige/Neste fit a laptop screen. */}
      <div className="answer-toolbar">
        {privateItem ? <PrivateRoundPanel /> : <ModeSwitch />}
        <div className="answer-actions" hidden={roundRunning}>
          {scale.dontKnowLabel ? (
            <button type="button" aria-pressed={entry?.answer.kind === 'notApplicable'} onClick={notApplicable}>
              {localize(scale.dontKnowLabel, 'nb')} (0)
            </button>
          ) : null}
          <button type="button" aria-pressed={entry?.answer.kind === 'notApplicable'} aria-keyshortcuts="0" onClick={notApplicable}>
            {t('interview.notApplicableKey')}
          </button>
          <button type="button" className={entry?.followUp ? 'flag-on' : undefined} aria-pressed={entry?.followUp ?? false} aria-keyshortcuts="F" onClick={toggleFollowUp}>
            <span aria-hidden="true"><span className="glyph">⚑</span> </span>
            {t('interview.followUp')} (F)
          </button>
          {entry ? (
            <button type="button" onClick={clearAnswer}>
              {t('interview.clearAnswer')}
            </button>
          ) : null}
        </div>
      </div>
      <h3 id="answer-options-label" className="visually-hidden">
        {t('interview.scale')}
      </h3>
      {/* A sensitive question is never answered by show of hands: while its round runs nothing of
          the votes shows; afterwards its stored tally does. */}
      {roundRunning ? null : privateItem ? <TallyOptions /> : mode === 'consensus' ? <ConsensusOptions /> : <TallyOptions />}
      {flagNeedsAnswer ? (
        <p className="error-text" role="alert">
          {t('interview.flagNeedsAnswer')}
        </p>
      ) : null}
      {refusalText ? (
        <p className="error-text" role="alert">
          {t('interview.itemRefused')} {refusalText}
        </p>
      ) : null}
    </section>
  );
}
