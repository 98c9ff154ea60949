// The current question: its factor and place in the guide, in Norwegian and the respondent's language side by side.
import { useTranslation } from 'react-i18next';
import { localize } from '../../../src-main/core/localize';
import { textDirection } from '../../../src-main/core/languages';
import { positionOf } from './logic/interview-progress';
import { useInterview } from './interview-store';
import { LanguageLabel } from './LanguageLabel';

export function QuestionText() {
  const { t, i18n } = useTranslation();
  const guide = useInterview((s) => s.guide)!;
  const index = useInterview((s) => s.index);
  const language = useInterview((s) => s.interview!.respondentLanguage);
  const position = positionOf(guide, index);
  const texts = language === 'nb' ? ['nb'] : ['nb', language];

  return (
    <section className="question" id="interview-question" tabIndex={-1} aria-labelledby="question-factor">
      <p className="question-progress" aria-live="polite">
        {t('interview.progress', {
          item: position.itemNumber,
          items: position.itemCount,
          factor: position.factorNumber,
          factors: position.factorCount,
        })}
      </p>
      <h2 id="question-factor" className="question-factor">
        {localize(position.factor.title, i18n.language)}
      </h2>
      <div className={texts.length > 1 ? 'question-texts two' : 'question-texts'}>
        {texts.map((code) => (
          <div key={code} className="question-text-block">
            <LanguageLabel code={code} />
            <p className="question-text" lang={code} dir={textDirection(code)} data-testid={`question-${code}`} elementtiming={`question-${code}`}>
              {localize(position.item.text, code)}
            </p>
          </div>
        ))}
      </div>
    </section>
  );
}
