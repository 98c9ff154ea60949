// An answer option's number and label in Norwegian and in the respondent's language.
import { localize, type LocalizedText } from '../../../src-main/core/localize';
import { textDirection } from '../../../src-main/core/languages';

export function OptionLabel({ value, label, language }: { value: number; label: LocalizedText; language: string }) {
  // The spaces between the parts keep the accessible name readable ("3 Noen ganger Czasami"); flex layout hides them.
  return (
    <span className="option-label">
      <span className="option-value">{value}</span>{' '}
      <span className="option-texts">
        <span lang="nb">{localize(label, 'nb')}</span>{' '}
        {language !== 'nb' ? (
          <span className="option-respondent" lang={language} dir={textDirection(language)}>
            {localize(label, language)}
          </span>
        ) : null}
      </span>
    </span>
  );
}
