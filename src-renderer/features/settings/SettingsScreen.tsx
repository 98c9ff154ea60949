// Settings: the app's language, backups, and facts about this installation.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UiLanguage } from '../../../src-main/core/settings';
import { useNotices } from '../../app/notices';
import { useApiQuery } from '../../lib/api/use-api';
import { errorText } from '../../lib/errors';
import { BackupsSection } from '../backups/BackupsSection';
import { EncryptionSection } from '../encryption/EncryptionSection';
import { ReportBrandingSettings } from '../reports/ReportBrandingSettings';
import { RiskMatrixSettings } from '../risk/RiskMatrixSettings';
import { ConsultantProfileSettings } from './ConsultantProfileSettings';
import { TeamServerSection } from '../sync/TeamServerSection';
import { useSettings } from './settings-store';

const uiLanguages: UiLanguage[] = ['nb', 'en'];

export function SettingsScreen() {
  const { t } = useTranslation();
  const { settings, update } = useSettings();
  const notify = useNotices((s) => s.show);
  const { data: info, error: infoError } = useApiQuery('system.info', {});
  // The settings themselves are the app-wide store's (app/start.tsx loads them before the first screen).
  const [languageError, setError] = useState<unknown>(null);
  const error = languageError ?? infoError;

  async function chooseLanguage(language: UiLanguage) {
    setError(null);
    try {
      await update({ language });
      notify(t('settings.saved'));
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <section aria-labelledby="settings-title">
      <div className="screen-header">
        <h1 id="settings-title">{t('settings.title')}</h1>
      </div>
      {error ? (
        <p className="error-text" role="alert">
          {errorText(t, error)}
        </p>
      ) : null}
      <fieldset className="choice-group">
        <legend>{t('settings.language')}</legend>
        {uiLanguages.map((language) => (
          <label key={language} className="choice">
            <input
              type="radio"
              name="ui-language"
              value={language}
              checked={settings?.language === language}
              onChange={() => void chooseLanguage(language)}
            />
            <span lang={language}>{t(`languages.${language}`)}</span>
          </label>
        ))}
        <p className="field-hint">{t('settings.languageHint')}</p>
      </fieldset>
      {settings ? <ConsultantProfileSettings /> : null}
      <RiskMatrixSettings />
      <ReportBrandingSettings />
      <BackupsSection />
      <EncryptionSection />
      <TeamServerSection />
      {info ? (
        <>
          <h2>{t('settings.about')}</h2>
          <dl className="facts">
            <dt>{t('settings.version')}</dt>
            <dd>{info.version}</dd>
            <dt>{t('settings.dataDir')}</dt>
            <dd>
              <code>{info.dataDir}</code>
            </dd>
            <dt>{t('settings.schemaVersion')}</dt>
            <dd>{info.schemaVersion}</dd>
          </dl>
        </>
      ) : null}
    </section>
  );
}
