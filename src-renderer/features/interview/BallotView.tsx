// The private round on screen: each participant in turn picks a language, hears or reads the
// question, presses one large answer, sees "Takk — gi videre", and the screen goes blank for the
// next. Only how many have answered is ever shown; the votes stay unseen until the round closes.
import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { totalParticipants } from '../../../src-main/core/assessments';
import { localize } from '../../../src-main/core/localize';
import { indexGuide } from '../../../src-main/core/guide-index';
import { knownLanguages, textDirection } from '../../../src-main/core/languages';
import { ballotSymbol } from '../../../src-main/core/private-answering';
import { useInterview } from './interview-store';
import { ReadAloud, useModal } from './RespondentView';

type Phase = { kind: 'ready' } | { kind: 'question'; language: string } | { kind: 'thanks'; language: string };

/** The interview's languages, the respondent language first, and Norwegian always. */
function ballotLanguages(guideLanguages: readonly string[], respondentLanguage: string, spoken: readonly string[]): string[] {
  const wanted = [respondentLanguage, ...spoken, 'nb'];
  return [...new Set(wanted)].filter((code) => guideLanguages.includes(code));
}

export function BallotView() {
  const { t } = useTranslation();
  const guide = useInterview((s) => s.guide)!;
  const interview = useInterview((s) => s.interview)!;
  const round = useInterview((s) => s.privateRound)!;
  const { castBallot, closePrivateRound } = useInterview.getState();
  const [phase, setPhase] = useState<Phase>({ kind: 'ready' });
  const overlay = useRef<HTMLDivElement>(null);
  useModal(overlay);

  const item = guide.items.find((entry) => entry.id === round.itemId)!;
  const scale = indexGuide(guide).scaleOf(item);
  const present = totalParticipants(interview.participants);
  const ballotTexts = guide.ballotTexts;
  const allAnswered = round.turns >= present;
  const languages = ballotLanguages(
    guide.languages.map((l) => l.code),
    interview.respondentLanguage,
    interview.languages,
  );

  // Focus goes back to the overlay at each phase, so a keyboard user starts from the top each time
  // and the last pressed answer keeps no focus ring for the next person to see.
  useEffect(() => {
    overlay.current?.focus();
  }, [phase.kind]);

  function vote(value: number | null, language: string) {
    castBallot(value);
    setPhase({ kind: 'thanks', language });
  }

  function onKeyDown(event: React.KeyboardEvent) {
    if (event.defaultPrevented) return;
    if (phase.kind === 'question' && /^[1-9]$/.test(event.key)) {
      const value = Number(event.key);
      if (scale.points.some((p) => p.value === value)) {
        event.preventDefault();
        vote(value, phase.language);
      }
      return;
    }
    if (phase.kind === 'question' && event.key === '0' && scale.dontKnowLabel) {
      event.preventDefault();
      vote(null, phase.language);
      return;
    }
    if (phase.kind === 'thanks' && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      setPhase({ kind: 'ready' });
    }
  }

  /** "Thank you, pass it on" in the language just used and in Norwegian, from the guide when it has
   * the text (guide format 2, `ballotTexts`), else the app's Norwegian and English. */
  function thanksLines(language: string): { lang: string; text: string }[] {
    if (!ballotTexts) {
      return [
        { lang: 'nb', text: t('interview.privateRound.thanks') },
        { lang: 'en', text: t('interview.privateRound.thanksEn') },
      ];
    }
    return [...new Set([language, 'nb'])].map((code) => ({ lang: code, text: localize(ballotTexts.thanks, code) }));
  }

  const progress = (
    <p className="ballot-progress" role="status" data-testid="ballot-progress">
      {t('interview.privateRound.answered', { count: round.turns, present })}
    </p>
  );

  let content: React.ReactNode;
  if (phase.kind === 'ready') {
    content = (
      <div className="ballot-ready">
        {progress}
        {allAnswered ? (
          ballotTexts ? (
            languages.map((code) => (
              <p key={code} className="ballot-big" lang={code} dir={textDirection(code)}>
                {localize(ballotTexts.allAnswered, code)}
              </p>
            ))
          ) : (
            <p className="ballot-big">{t('interview.privateRound.allAnswered')}</p>
          )
        ) : (
          <>
            {ballotTexts ? (
              languages.map((code) => (
                <p key={code} className="ballot-big" lang={code} dir={textDirection(code)}>
                  {localize(ballotTexts.yourTurn, code)}
                </p>
              ))
            ) : (
              <p className="ballot-big">{t('interview.privateRound.yourTurn')}</p>
            )}
            <div className="ballot-languages" role="group" aria-label={t('interview.respondent.language')}>
              {languages.map((code) => (
                <button key={code} type="button" lang={code} onClick={() => setPhase({ kind: 'question', language: code })}>
                  {knownLanguages[code]?.nativeName ?? code}
                </button>
              ))}
            </div>
          </>
        )}
        <button type="button" className="ballot-close" onClick={closePrivateRound}>
          {t('interview.privateRound.close')}
        </button>
      </div>
    );
  } else if (phase.kind === 'question') {
    const { language } = phase;
    const question = localize(item.text, language);
    const spoken = [question, ...scale.points.map((p) => `${p.value}. ${localize(p.label, language)}`)].join('\n');
    const label = (text: Record<string, string>) => {
      const own = localize(text, language);
      const norwegian = localize(text, 'nb');
      return { own, norwegian: own === norwegian ? null : norwegian };
    };
    content = (
      <div className="ballot-question" lang={language} dir={textDirection(language)}>
        <p className="respondent-question" id="ballot-question">
          {question}
        </p>
        {ballotTexts ? <p className="ballot-instruction">{localize(ballotTexts.chooseOne, language)}</p> : null}
        <ReadAloud language={language} text={spoken} />
        <div className="ballot-answers" role="group" aria-labelledby="ballot-question">
          {scale.points.map((point, i) => {
            const text = label(point.label);
            return (
              <button key={point.value} type="button" className="ballot-answer" aria-keyshortcuts={String(point.value)} onClick={() => vote(point.value, language)}>
                <span className="ballot-symbol" aria-hidden="true">
                  {ballotSymbol(i)}
                </span>
                <span className="respondent-value">{point.value}</span>
                <span className="ballot-label">
                  {text.own}
                  {text.norwegian ? (
                    <span className="ballot-label-nb" lang="nb" dir="ltr">
                      {text.norwegian}
                    </span>
                  ) : null}
                </span>
              </button>
            );
          })}
          {scale.dontKnowLabel ? (
            <button type="button" className="ballot-answer" aria-keyshortcuts="0" onClick={() => vote(null, language)}>
              <span className="ballot-symbol" aria-hidden="true">
                ?
              </span>
              <span className="respondent-value">0</span>
              <span className="ballot-label">
                {label(scale.dontKnowLabel).own}
                {label(scale.dontKnowLabel).norwegian ? (
                  <span className="ballot-label-nb" lang="nb" dir="ltr">
                    {label(scale.dontKnowLabel).norwegian}
                  </span>
                ) : null}
              </span>
            </button>
          ) : null}
        </div>
      </div>
    );
  } else {
    content = (
      <div className="ballot-thanks">
        {thanksLines(phase.language).map((line) => (
          <p key={line.lang} className="ballot-big" lang={line.lang} dir={textDirection(line.lang)}>
            {line.text}
          </p>
        ))}
        <button type="button" onClick={() => setPhase({ kind: 'ready' })}>
          {ballotTexts && phase.language !== 'nb' ? (
            <span lang={phase.language} dir={textDirection(phase.language)}>
              {localize(ballotTexts.next, phase.language)} ·{' '}
            </span>
          ) : null}
          {t('interview.privateRound.next')}
        </button>
      </div>
    );
  }

  return createPortal(
    <div
      ref={overlay}
      className="respondent-view ballot-view"
      role="dialog"
      aria-modal="true"
      aria-label={t('interview.privateRound.ballotLabel')}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      data-testid="ballot"
    >
      {content}
    </div>,
    document.body,
  );
}
