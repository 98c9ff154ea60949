// i18next set up with the bundled bokmål and English texts; bokmål is the default.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { UiLanguage } from '../../src-main/core/settings';
import { en } from './en';
import { featureMessages } from './features';
import { nb } from './nb';

export async function setUpI18n(language: UiLanguage): Promise<void> {
  await i18next.use(initReactI18next).init({
    resources: {
      nb: { translation: Object.assign({}, nb, ...featureMessages.map((m) => m.nb)) },
      en: { translation: Object.assign({}, en, ...featureMessages.map((m) => m.en)) },
    },
    lng: language,
    fallbackLng: 'nb',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
}

export async function changeUiLanguage(language: UiLanguage): Promise<void> {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}
