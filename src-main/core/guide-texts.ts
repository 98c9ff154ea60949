// Every translatable text of a guide under a stable key (e.g. "items.workload.1.text"), with its
// review status per language: what translation export, import and the guide screen work from.
import type { Guide, LocalizedText, TextStatus } from './guide';
import { languageCodePattern } from './languages';

/** The source language of every translation exchange: the guides are written in Norwegian. */
export const translationSourceLanguage = 'nb';

export interface GuideText {
  /** Stable across versions as long as the ids it is built from stay: fields by name, list entries by id. */
  key: string;
  /** Where the text is in the guide's JSON, to write a translation back. */
  path: (string | number)[];
  text: LocalizedText;
  /** For the translator: what the text is and who reads it. */
  context: string;
}

/** Fields that hold data about texts rather than texts. */
const notTexts = new Set(['languages', 'terms', 'textStatus']);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A localized text is an object of strings keyed by language codes, with a Norwegian text. */
function isLocalizedText(value: unknown): value is LocalizedText {
  if (!isRecord(value) || typeof value[translationSourceLanguage] !== 'string') return false;
  return Object.entries(value).every(([code, text]) => languageCodePattern.test(code) && typeof text === 'string');
}

/** A list entry's part of a key: its id, or a scale point's value, so that keys survive reordering. */
function entryName(entry: unknown, index: number): string {
  if (isRecord(entry)) {
    if (typeof entry.id === 'string') return entry.id;
    if (typeof entry.value === 'number') return String(entry.value);
  }
  return String(index);
}

function describe(guide: Guide, path: (string | number)[]): string {
  const [section, index, field, sub] = path;
  const at = <T>(list: T[] | undefined) => (typeof index === 'number' ? list?.[index] : undefined);
  switch (section) {
    case 'title':
      return "The guide's title.";
    case 'description':
      return "The guide's description.";
    case 'items': {
      const item = at(guide.items);
      const factor = guide.factors.find((f) => f.id === item?.factor);
      const topic = factor ? ` Topic: ${factor.title.en ?? factor.title.nb}.` : '';
      if (field === 'followUp') return `A follow-up prompt for the consultant; never shown to respondents.${topic}`;
      return `A question read to and shown to respondents; one question, plain words.${topic}`;
    }
    case 'scales':
      return `An answer option on the scale "${at(guide.scales)?.id ?? ''}", shown to respondents; keep the agreed scale labels.`;
    case 'factors': {
      const factor = at(guide.factors);
      if (field === 'measures') return `A suggested measure for the action plan of "${factor?.title.en ?? factor?.id ?? ''}" (for the employer).`;
      return `The ${String(sub === undefined ? field : `${String(field)} ${String(sub)}`)} of the topic "${factor?.title.en ?? factor?.id ?? ''}".`;
    }
    case 'legalReferences':
      return `The title of the legal reference ${at(guide.legalReferences)?.citation ?? ''}; the citation itself stays Norwegian.`;
    case 'ballotTexts':
      return `An instruction to a participant in a private round (${String(index)}): ${
        index === 'instruction' ? 'printed on every paper ballot card' : 'shown on the screen ballot'
      }; short, plain words, no name asked.`;
    case 'modules':
      return `The ${String(field)} of an optional module of questions, for the consultant planning the interview.`;
    default:
      return `Text at ${path.join('.')}.`;
  }
}

/** Visits every localized text in the guide, in file order, with where it is and its key parts. */
function walkTexts(guide: Guide, visit: (text: LocalizedText, path: (string | number)[], keyParts: string[]) => void): void {
  const walk = (value: unknown, path: (string | number)[], keyParts: string[]) => {
    if (isLocalizedText(value)) {
      visit(value, path, keyParts);
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((entry, index) => walk(entry, [...path, index], [...keyParts, entryName(entry, index)]));
    } else if (isRecord(value)) {
      for (const [name, child] of Object.entries(value)) {
        if (path.length === 0 && notTexts.has(name)) continue;
        walk(child, [...path, name], [...keyParts, name]);
      }
    }
  };
  walk(guide, [], []);
}

/** Every localized text in the guide, in file order. Fields other developers add (guidance, hazard,
 * rights information) are found the same way, without a list to keep in step. */
export function guideTexts(guide: Guide): GuideText[] {
  const texts: GuideText[] = [];
  walkTexts(guide, (text, path, keyParts) => texts.push({ key: keyParts.join('.'), path, text, context: describe(guide, path) }));
  return texts;
}

/** The texts a translation into the language covers: those the guide has in it. Consultant-only
 * texts exist in nb and en only, so other languages get the respondents' texts. */
export function textsInLanguage(guide: Guide, language: string): GuideText[] {
  return guideTexts(guide).filter((text) => typeof text.text[language] === 'string');
}

/** A text's status in a language: its own entry, else the status of the whole translation. */
export function textStatusOf(guide: Guide, language: string, key: string): TextStatus {
  const own = guide.textStatus?.[language]?.[key];
  if (own) return own;
  const translation = guide.languages.find((l) => l.code === language);
  if (translation?.status === 'reviewed') return { status: 'reviewed', reviewedBy: translation.reviewedBy, reviewedOn: translation.reviewedOn };
  return { status: 'draft' };
}

/** Named placeholders such as {n} or {{count}}: a translation must keep every one of them. */
export function placeholdersIn(text: string): string[] {
  return (text.match(/\{\{?\s*[A-Za-z0-9_.-]+\s*\}?\}/g) ?? []).map((p) => p.replace(/\s+/g, '')).sort();
}

/** Whether a reader of the guide's texts in this language reads a draft: the translation, or any
 * text of it, is not reviewed. A language the guide does not have falls back to the source and is no draft. */
export function guideTranslationIsDraft(guide: Guide, language: string): boolean {
  const translation = guide.languages.find((l) => l.code === language);
  if (!translation) return false;
  return translation.status === 'draft' || Object.values(guide.textStatus?.[language] ?? {}).some((status) => status.status === 'draft');
}

/** The languages every text falls back to (localize): a guide trimmed to some languages keeps them. */
export function fallbackLanguages(guide: Pick<Guide, 'sourceLanguage'>): string[] {
  return [...new Set([guide.sourceLanguage, translationSourceLanguage])];
}

/** Keeps the entries of a per-language record (terms, review statuses) whose language is kept. */
function pickLanguages<T>(record: Record<string, T> | undefined, keep: ReadonlySet<string>): Record<string, T> | undefined {
  if (!record) return undefined;
  return Object.fromEntries(Object.entries(record).filter(([code]) => keep.has(code)));
}

/**
 * The guide with the texts of these languages only, plus its fallback languages, so that a screen
 * loads the languages it shows first and the others when it needs them (addGuideLanguages). The
 * language list stays whole: it says which languages there are to ask for.
 */
export function guideInLanguages(guide: Guide, languages: readonly string[]): Guide {
  const keep = new Set([...languages, ...fallbackLanguages(guide)]);
  // A copy made in one pass, texts filtered on the way (cheaper than cloning and then deleting).
  const copy = (value: unknown, topLevel: boolean): unknown => {
    if (isLocalizedText(value)) return Object.fromEntries(Object.entries(value).filter(([code]) => keep.has(code)));
    if (Array.isArray(value)) return value.map((entry) => copy(entry, false));
    if (!isRecord(value)) return value;
    return Object.fromEntries(Object.entries(value).map(([name, child]) => [name, topLevel && notTexts.has(name) ? structuredClone(child) : copy(child, false)]));
  };
  const trimmed = copy(guide, true) as Guide;
  const terms = pickLanguages(trimmed.terms, keep);
  const textStatus = pickLanguages(trimmed.textStatus, keep);
  return { ...trimmed, ...(terms && { terms }), ...(textStatus && { textStatus }) };
}

/** The guide with the texts of `addition` (the same guide, in other languages: guideInLanguages)
 * added to its own; a text the addition lacks keeps what it had. */
export function addGuideLanguages(guide: Guide, addition: Guide): Guide {
  const merged = structuredClone(guide);
  const textsAt = new Map<string, LocalizedText>();
  walkTexts(merged, (text, path) => textsAt.set(path.join('/'), text));
  walkTexts(addition, (text, path) => {
    const target = textsAt.get(path.join('/'));
    if (target) Object.assign(target, text);
  });
  const terms = merged.terms || addition.terms ? { ...merged.terms, ...addition.terms } : undefined;
  const textStatus = merged.textStatus || addition.textStatus ? { ...merged.textStatus, ...addition.textStatus } : undefined;
  return { ...merged, ...(terms && { terms }), ...(textStatus && { textStatus }) };
}
