// Types i18next's t() from the bokmål texts: a key that does not exist fails the type check.
import 'i18next';
import type { FeatureTexts } from './features';
import type { nb } from './nb';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof nb & FeatureTexts };
  }
}
