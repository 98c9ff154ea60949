// "Show to the participants": the question and its options alone, large and high-contrast, in a language
// chosen with one click; full screen where the browser allows, Esc closes.
import { useEffect, useRef, useState, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../src-main/core/localize';
import { indexGuide } from '../../../src-main/core/guide-index';
import { knownLanguages, languageName, textDirection } from '../../../src-main/core/languages';
import { useApiLoad } from '../../lib/api/use-api';
import { useInterview } from './interview-store';
import { speechSynthesisIfAny, useLocalVoice } from './use-local-voice';

/** Full screen for the overlay where the browser allows it; leaving full screen (Esc) closes the view. */
function useFullscreen(element: RefObject<HTMLDivElement | null>, onLeave: () => void) {
  const leave = useRef(onLeave);
  useEffect(() => {
    leave.current = onLeave;
  });
  useEffect(() => {
    const target = element.current;
    let entered = false;
    const onChange = () => {
      if (document.fullscreenElement) entered = true;
      // Esc in full screen is taken by the browser to leave it, so the page never sees that key.
      else if (entered) leave.current();
    };
    document.addEventListener('fullscreenchange', onChange);
    if (target && document.fullscreenEnabled && !document.fullscreenElement) {
      // Refused without a user gesture, or by the platform: the fixed full-window overlay remains.
      target.requestFullscreen().catch(() => undefined);
    }
    return () => {
      document.removeEventListener('fullscreenchange', onChange);
      if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
    };
  }, [element]);
}

/** The rest of the app is inert while the overlay is open: no focus or clicks can reach it. */
export function useModal(element: RefObject<HTMLDivElement | null>) {
  useEffect(() => {
    const root = document.getElementById('root');
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (root) root.inert = true;
    element.current?.focus();
    return () => {
      if (root) root.inert = false;
      opener?.focus();
    };
  }, [element]);
}

export function ReadAloud({ language, text }: { language: string; text: string }) {
  const { t } = useTranslation();
  const voice = useLocalVoice(language);
  const [speaking, setSpeaking] = useState(false);
  const synth = speechSynthesisIfAny();
  useEffect(() => () => synth?.cancel(), [synth, text, language]);
  if (!voice || !synth) return null;

  function toggle() {
    if (!synth || !voice) return;
    synth.cancel();
    if (speaking) {
      setSpeaking(false);
      return;
    }
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.onend = () => setSpeaking(false);
    utterance.onerror = () => setSpeaking(false);
    setSpeaking(true);
    synth.speak(utterance);
  }

  return (
    <button type="button" className="read-aloud" onClick={toggle} aria-pressed={speaking}>
      <span aria-hidden="true">🔊 </span>
      {speaking ? t('interview.respondent.stopReading') : t('interview.respondent.readAloud')}
    </button>
  );
}

/** The guide's texts in the chosen language when the screen did not load them at first: asked for
 * when the participants' view switches to it, and added to the guide in the store. */
function useChosenLanguageTexts(chosen: string) {
  const guideKey = useInterview((s) => s.openedFrom?.guideKey);
  const assessment = useInterview((s) => s.assessment);
  // A language the guide lacks (an interview may be planned in one) is never asked for: its texts
  // fall back to Norwegian, as they always did.
  const missing = useInterview((s) => !s.guideLanguages.includes(chosen) && !!s.guide?.languages.some((language) => language.code === chosen));
  const { guideLanguagesLoaded } = useInterview.getState();
  const texts = useApiLoad(missing && guideKey && assessment ? ['guide-language', guideKey, chosen] : null, (client) =>
    client.call('guides.get', { id: assessment!.guideId, version: assessment!.guideVersion, languages: [chosen] }),
  );
  useEffect(() => {
    if (texts.data && guideKey) guideLanguagesLoaded(guideKey, [chosen], texts.data);
  }, [texts.data, guideKey, chosen, guideLanguagesLoaded]);
  return { missing, errorMessage: texts.errorMessage, retry: texts.reload };
}

export function RespondentView() {
  const { t, i18n } = useTranslation();
  const guide = useInterview((s) => s.guide)!;
  const index = useInterview((s) => s.index);
  const chosen = useInterview((s) => s.respondentLanguage);
  // Until the chosen language's texts are there, the language shown before stays: never a blank.
  const language = useInterview((s) => s.respondentShown);
  const { setRespondentOpen, setRespondentLanguage } = useInterview.getState();
  const chosenTexts = useChosenLanguageTexts(chosen);
  const overlay = useRef<HTMLDivElement>(null);
  const close = () => setRespondentOpen(false);
  useModal(overlay);
  useFullscreen(overlay, close);
  // Inside a Norwegian sentence a language's name is written in lower case ("på polsk").
  const chosenName = i18n.language === 'en' ? languageName(chosen, 'en') : languageName(chosen, 'nb').toLocaleLowerCase('nb');

  const item = guide.items[index];
  const scale = indexGuide(guide).scaleOf(item);
  const question = localize(item.text, language);
  const direction = textDirection(language);
  const spoken = [question, ...scale.points.map((p) => `${p.value}. ${localize(p.label, language)}`)].join('\n');

  return createPortal(
    <div
      ref={overlay}
      className="respondent-view"
      role="dialog"
      aria-modal="true"
      aria-label={t('interview.respondent.label')}
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          close();
        }
      }}
    >
      <div className="respondent-bar">
        <div className="respondent-languages" role="group" aria-label={t('interview.respondent.language')}>
          {guide.languages.map(({ code }) => (
            <button key={code} type="button" lang={code} aria-pressed={code === chosen} onClick={() => setRespondentLanguage(code)}>
              {knownLanguages[code]?.nativeName ?? code}
            </button>
          ))}
        </div>
        <ReadAloud language={language} text={spoken} />
        <button type="button" className="respondent-close" onClick={close}>
          {t('interview.respondent.close')}
        </button>
      </div>
      {chosenTexts.missing && chosenTexts.errorMessage ? (
        <div className="respondent-language-state error-box" role="alert">
          <p>
            {t('interview.respondent.languageFailed', { language: chosenName })} {chosenTexts.errorMessage}
          </p>
          <button type="button" onClick={() => void chosenTexts.retry()}>
            {t('common.retry')}
          </button>
        </div>
      ) : chosenTexts.missing ? (
        <p className="respondent-language-state loading" role="status">
          {t('interview.respondent.loadingLanguage', { language: chosenName })}
        </p>
      ) : null}
      <div className="respondent-content" lang={language} dir={direction} data-testid="respondent-content" aria-busy={chosenTexts.missing}>
        <p className="respondent-question">{question}</p>
        <ol className="respondent-options">
          {scale.points.map((point) => (
            <li key={point.value}>
              <span className="respondent-value">{point.value}</span>
              <span>{localize(point.label, language)}</span>
            </li>
          ))}
        </ol>
      </div>
    </div>,
    document.body,
  );
}
