// The interview languages Kartlegg knows by name, and which of them are written right to left.

/** The languages the app itself speaks (settings.language). */
export const uiLanguages = ['nb', 'en'] as const;

export const languageCodePattern = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export interface LanguageInfo {
  /** The language's name in itself, as a respondent would look for it. */
  nativeName: string;
  englishName: string;
  norwegianName: string;
  direction: 'ltr' | 'rtl';
}

export const knownLanguages: Record<string, LanguageInfo> = {
  nb: { nativeName: 'Norsk bokmål', englishName: 'Norwegian Bokmål', norwegianName: 'Norsk bokmål', direction: 'ltr' },
  en: { nativeName: 'English', englishName: 'English', norwegianName: 'Engelsk', direction: 'ltr' },
  pl: { nativeName: 'Polski', englishName: 'Polish', norwegianName: 'Polsk', direction: 'ltr' },
  lt: { nativeName: 'Lietuvių', englishName: 'Lithuanian', norwegianName: 'Litauisk', direction: 'ltr' },
  ro: { nativeName: 'Română', englishName: 'Romanian', norwegianName: 'Rumensk', direction: 'ltr' },
  uk: { nativeName: 'Українська', englishName: 'Ukrainian', norwegianName: 'Ukrainsk', direction: 'ltr' },
  ar: { nativeName: 'العربية', englishName: 'Arabic', norwegianName: 'Arabisk', direction: 'rtl' },
  so: { nativeName: 'Soomaali', englishName: 'Somali', norwegianName: 'Somali', direction: 'ltr' },
  ti: { nativeName: 'ትግርኛ', englishName: 'Tigrinya', norwegianName: 'Tigrinja', direction: 'ltr' },
  es: { nativeName: 'Español', englishName: 'Spanish', norwegianName: 'Spansk', direction: 'ltr' },
};

const rightToLeftLanguages = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'ckb', 'prs']);

export function textDirection(languageCode: string): 'ltr' | 'rtl' {
  const base = languageCode.split('-')[0];
  return rightToLeftLanguages.has(base) ? 'rtl' : 'ltr';
}

export function languageName(languageCode: string, uiLanguage: 'nb' | 'en'): string {
  const info = knownLanguages[languageCode];
  if (!info) return languageCode;
  return uiLanguage === 'nb' ? info.norwegianName : info.englishName;
}

/** "Polsk – Polski" in the app's language first, or the other way round; a name given once when
 * both are the same ("Norsk bokmål", not "Norsk bokmål – Norsk bokmål"). */
export function languageWithNativeName(languageCode: string, uiLanguage: 'nb' | 'en', nativeFirst = false): string {
  const name = languageName(languageCode, uiLanguage);
  const native = knownLanguages[languageCode]?.nativeName;
  if (!native || native === name) return name;
  return nativeFirst ? `${native} – ${name}` : `${name} – ${native}`;
}

/** The languages the interview screen shows at once: the app's own (a factor's title and the
 * consultant's prompts follow the UI language, which may change while the interview is open), the
 * respondent's and the group's. The participants' view asks for any other when it switches to it. */
export function interviewScreenLanguages(interview: { respondentLanguage: string; languages: readonly string[] }): string[] {
  return [...new Set([...uiLanguages, interview.respondentLanguage, ...interview.languages])];
}
