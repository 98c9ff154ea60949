// Every language that exists as ISO 639 names it, found by code (two or three letters, with or without a
// region) or by its name in Norwegian, in English or in the language itself, as respondents write it in a survey.

/** The ISO 639-1 languages, and the few without a two-letter code that are spoken by workers in Norway. */
const isoLanguages = (
  'aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu ' +
  'fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km ' +
  'kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om ' +
  'or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ' +
  'ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu fil ckb prs smj sma yue'
).split(' ');

/** Codes people type for the same language as a code Kartlegg uses: "no" and "nor" are bokmål here. */
const codeAliases: Record<string, string> = { no: 'nb', 'fa-af': 'prs' };

/** Names people write that the standard tables do not give. */
const extraNames: Record<string, string> = {
  norsk: 'nb',
  bokmål: 'nb',
  bokmal: 'nb',
  norwegian: 'nb',
  nynorsk: 'nn',
  farsi: 'fa',
  sorani: 'ckb',
  kurmanji: 'ku',
  tigrinja: 'ti',
  tagalog: 'tl',
  eritreisk: 'ti',
};

/** Case, accents written as composed letters, punctuation and spacing do not matter: "Norsk (bokmål)" is "norsk bokmål". */
export function foldLanguageName(text: string): string {
  return text
    .normalize('NFC')
    .toLocaleLowerCase('nb')
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

let namesCache: Map<string, string> | null = null;

/** Folded name → code, from the Unicode CLDR names that ICU carries (Norwegian, English and the language's own). */
function languageNames(): Map<string, string> {
  if (namesCache) return namesCache;
  const names = new Map<string, string>();
  const add = (name: string | undefined, code: string) => {
    const folded = name ? foldLanguageName(name) : '';
    if (folded !== '' && !names.has(folded)) names.set(folded, codeAliases[code] ?? code);
  };
  for (const [name, code] of Object.entries(extraNames)) add(name, code);
  const inNames = ['nb', 'nn', 'en'].map((locale) => new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' }));
  for (const code of isoLanguages) {
    for (const displayNames of inNames) add(displayNames.of(code), code);
    add(ownName(code), code);
  }
  namesCache = names;
  return names;
}

function ownName(code: string): string | undefined {
  try {
    return new Intl.DisplayNames([code], { type: 'language', fallback: 'none' }).of(code);
  } catch {
    return undefined;
  }
}

const knownCodes = new Set(isoLanguages);

/** A language code as ISO 639 writes it ("pl", "POL", "nb-NO", "en_GB", "ger"), reduced to the code Kartlegg keeps. */
export function languageFromCode(text: string): string | null {
  const trimmed = text.trim().replace(/_/g, '-');
  if (!/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(trimmed)) return null;
  const base = trimmed.split('-')[0].toLowerCase();
  if (knownCodes.has(base)) return codeAliases[base] ?? base;
  if (base.length !== 3) return null;
  // Three-letter ISO 639-2 and 639-3 codes ("pol", "nob", "ger"): CLDR's aliases give the two-letter code.
  let canonical: string;
  try {
    canonical = Intl.getCanonicalLocales(base)[0].toLowerCase();
  } catch {
    return null;
  }
  if (codeAliases[canonical]) return codeAliases[canonical];
  const canonicalBase = canonical.split('-')[0];
  return knownCodes.has(canonicalBase) ? (codeAliases[canonicalBase] ?? canonicalBase) : null;
}

/** The language a survey cell names, by code or by name; null when no language of that name or code exists. */
export function findLanguage(text: string): string | null {
  if (text.length > 60) return null;
  return languageFromCode(text) ?? languageNames().get(foldLanguageName(text)) ?? null;
}
