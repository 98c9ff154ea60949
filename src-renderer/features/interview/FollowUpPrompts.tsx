// The guide's follow-up prompts for the current question, for the consultant's eyes only, in the UI language.
import { useTranslation } from 'react-i18next';
import { localize } from '../../../src-main/core/localize';
import { useInterview } from './interview-store';

export function FollowUpPrompts() {
  const { t, i18n } = useTranslation();
  const shown = useInterview((s) => s.showPrompts);
  const prompts = useInterview((s) => s.guide!.items[s.index].followUp);
  const togglePrompts = useInterview((s) => s.togglePrompts);
  const language = i18n.language === 'en' ? 'en' : 'nb';

  return (
    <section className="prompts" aria-labelledby="prompts-title">
      <h2 id="prompts-title" className="visually-hidden">
        {t('interview.prompts')}
      </h2>
      <button type="button" aria-expanded={shown} aria-controls="prompt-list" aria-keyshortcuts="P" onClick={togglePrompts}>
        {shown ? t('interview.hidePrompts') : t('interview.showPrompts')}
      </button>
      {shown ? (
        <div id="prompt-list" className="prompt-list">
          {prompts.length === 0 ? (
            <p className="muted">{t('interview.noPrompts')}</p>
          ) : (
            <ul>
              {prompts.map((prompt, i) => (
                <li key={i} lang={language}>
                  {localize(prompt, language)}
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </section>
  );
}
