// A guide's translations with their status: who reviewed each and when, so the consultant knows what is checked.
import { useTranslation } from 'react-i18next';
import type { GuideTranslation } from '../../../src-main/core/guide';
import { knownLanguages, languageName, textDirection } from '../../../src-main/core/languages';
import { formatDate } from '../../lib/dates';

interface TranslationTableProps {
  caption: string;
  languages: GuideTranslation[];
  sourceLanguage: string;
}

export function TranslationTable({ caption, languages, sourceLanguage }: TranslationTableProps) {
  const { t, i18n } = useTranslation();
  const ui = i18n.language === 'en' ? 'en' : 'nb';
  return (
    <table className="data-table translations">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('guides.language')}</th>
          <th scope="col">{t('guides.status')}</th>
          <th scope="col">{t('guides.reviewedBy')}</th>
          <th scope="col">{t('guides.reviewedOn')}</th>
        </tr>
      </thead>
      <tbody>
        {languages.map((language) => {
          const native = knownLanguages[language.code]?.nativeName;
          const name = languageName(language.code, ui);
          return (
            <tr key={language.code}>
              <th scope="row">
                {name}
                {native && native !== name ? (
                  <>
                    {' '}
                    <bdi lang={language.code} dir={textDirection(language.code)} className="muted">
                      ({native})
                    </bdi>
                  </>
                ) : null}
                {language.code === sourceLanguage ? <span className="muted"> – {t('guides.sourceLanguage')}</span> : null}
              </th>
              <td className={`translation-${language.status}`}>
                <span aria-hidden="true">{language.status === 'reviewed' ? '✓ ' : '✎ '}</span>
                {t(`guides.translation.${language.status}`)}
              </td>
              <td>{language.reviewedBy ?? '–'}</td>
              <td>{language.reviewedOn ? formatDate(language.reviewedOn, ui) : '–'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
