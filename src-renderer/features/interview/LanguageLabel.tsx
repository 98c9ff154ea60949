// A small caption naming a language in the UI language and in itself, e.g. "Polsk · Polski".
import { useTranslation } from 'react-i18next';
import { knownLanguages, languageName } from '../../../src-main/core/languages';

export function LanguageLabel({ code }: { code: string }) {
  const { i18n } = useTranslation();
  const name = languageName(code, i18n.language === 'en' ? 'en' : 'nb');
  const native = knownLanguages[code]?.nativeName;
  return (
    <span className="language-label">
      {name}
      {native && native !== name ? (
        <>
          {' · '}
          <bdi lang={code}>{native}</bdi>
        </>
      ) : null}
    </span>
  );
}
