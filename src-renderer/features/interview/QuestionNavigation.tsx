// Previous and next question; the same as the arrow and page keys.
import { useTranslation } from 'react-i18next';
import { useInterview } from './interview-store';

export function QuestionNavigation() {
  const { t } = useTranslation();
  const index = useInterview((s) => s.index);
  const count = useInterview((s) => s.guide!.items.length);
  const { previous, next } = useInterview.getState();
  return (
    <div className="question-nav">
      <button type="button" onClick={previous} disabled={index === 0} aria-keyshortcuts="ArrowLeft PageUp">
        <span className="glyph">←</span> {t('interview.previous')}
      </button>
      <button type="button" className="primary" onClick={next} disabled={index === count - 1} aria-keyshortcuts="ArrowRight PageDown">
        {t('interview.next')} <span className="glyph">→</span>
      </button>
    </div>
  );
}
