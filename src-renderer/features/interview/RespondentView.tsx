// "Show to the participants": the question and its options alone, large and high-contrast, in a language
// chosen with one click; full screen where the browser allows, Esc closes.
import { useEffect, useRef, useState, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../src-main/core/localize';
import { indexGuide } from '../../../src-main/core/guide-index';
import { knownLanguages, textDirection } from '../../../src-main/core/languages';
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

export function RespondentView() {
  const { t } = useTranslation();
  const guide = useInterview((s) => s.guide)!;
  const index = useInterview((s) => s.index);
  const language = useInterview((s) => s.respondentLanguage);
  const { setRespondentOpen, setRespondentLanguage } = useInterview.getState();
  const overlay = useRef<HTMLDivElement>(null);
  const close = () => setRespondentOpen(false);
  useModal(overlay);
  useFullscreen(overlay, close);

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
            <button key={code} type="button" lang={code} aria-pressed={code === language} onClick={() => setRespondentLanguage(code)}>
              {knownLanguages[code]?.nativeName ?? code}
            </button>
          ))}
        </div>
        <ReadAloud language={language} text={spoken} />
        <button type="button" className="respondent-close" onClick={close}>
          {t('interview.respondent.close')}
        </button>
      </div>
      <div className="respondent-content" lang={language} dir={direction} data-testid="respondent-content">
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
