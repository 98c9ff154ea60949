// A guide's languages, each with its translation status (draft / reviewed), so the consultant knows what is checked.
import { useTranslation } from 'react-i18next';
import type { GuideTranslation } from '../../../src-main/core/guide';
import { knownLanguages, languageName } from '../../../src-main/core/languages';

export function GuideLanguages({ languages, id }: { languages: GuideTranslation[]; id?: string }) {
  const { t, i18n } = useTranslation();
  const ui = i18n.language === 'en' ? 'en' : 'nb';
  return (
    <ul className="guide-languages" id={id} aria-label={t('assessments.guideLanguages')}>
      {languages.map((language) => (
        <li key={language.code} className={`translation-${language.status}`}>
          <span>{languageName(language.code, ui)}</span>
          {knownLanguages[language.code] && knownLanguages[language.code].nativeName !== languageName(language.code, ui) ? (
            <span className="muted">
              {' ('}
              <bdi lang={language.code}>{knownLanguages[language.code].nativeName}</bdi>)
            </span>
          ) : null}
          <span className="translation-status">
            {' – '}
            {language.status === 'reviewed' ? '✓ ' : ''}
            {t(`assessments.translation.${language.status}`)}
          </span>
        </li>
      ))}
    </ul>
  );
}
