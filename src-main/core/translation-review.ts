// Checks a reviewed translation against its guide and applies it: every problem listed and nothing
// applied when there is one; otherwise a new guide version with the texts and their review status.
import type { Guide, GuideTerm, TextStatus } from './guide';
import { placeholdersIn, textsInLanguage, textStatusOf, translationSourceLanguage, type GuideText } from './guide-texts';

/** One text of a translation file, whatever its format (XLIFF or CSV). */
export interface TranslationUnit {
  id: string;
  source: string;
  target: string;
}

export interface TranslationFile {
  guideId: string;
  guideVersion: string;
  sourceLanguage: string;
  targetLanguage: string;
  units: TranslationUnit[];
}

export type TranslationProblemCode =
  | 'wrongSourceLanguage'
  | 'unknownLanguage'
  | 'unknownId'
  | 'duplicateId'
  | 'missingId'
  | 'sourceChanged'
  | 'emptyTarget'
  | 'placeholders';

export interface TranslationProblem {
  /** The text key, or "file" for the file as a whole. */
  where: string;
  code: TranslationProblemCode | 'termNotUsed';
  message: string;
}

export interface Review {
  reviewedBy: string;
  reviewedOn: string;
}

export interface AppliedTranslation {
  guide: Guide;
  changedTexts: number;
  reviewedTexts: number;
  /** Terms the reviewed targets do not use; reported, not refused (a term may be inflected). */
  warnings: TranslationProblem[];
}

/** Whitespace a translation tool may re-flow does not make a source text different. */
const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Everything wrong with the file for this guide; empty when it can be applied. */
export function checkTranslation(guide: Guide, file: TranslationFile): TranslationProblem[] {
  const problems: TranslationProblem[] = [];
  const fileProblem = (code: TranslationProblemCode, message: string) => problems.push({ where: 'file', code, message });
  if (file.sourceLanguage !== translationSourceLanguage) {
    fileProblem('wrongSourceLanguage', `the source language is "${file.sourceLanguage}"; translations are made from Norwegian (nb)`);
  }
  const language = file.targetLanguage;
  if (language === translationSourceLanguage || !guide.languages.some((l) => l.code === language)) {
    fileProblem('unknownLanguage', `"${language}" is not a translation in the guide ${guide.id} ${guide.version}`);
    return problems;
  }

  const texts = new Map(textsInLanguage(guide, language).map((text) => [text.key, text]));
  const seen = new Set<string>();
  for (const unit of file.units) {
    const problem = (code: TranslationProblemCode, message: string) => problems.push({ where: unit.id, code, message });
    const text = texts.get(unit.id);
    if (!text) {
      problem('unknownId', `the guide has no text "${unit.id}" in ${language}`);
      continue;
    }
    if (seen.has(unit.id)) {
      problem('duplicateId', 'this text is in the file twice');
      continue;
    }
    seen.add(unit.id);
    const source = text.text[translationSourceLanguage];
    if (normalize(unit.source) !== normalize(source)) {
      problem('sourceChanged', 'the Norwegian source text differs from the guide; export the translation again from this guide version');
    }
    if (!unit.target.trim()) {
      problem('emptyTarget', 'the translation is empty');
      continue;
    }
    const wanted = placeholdersIn(source);
    const found = placeholdersIn(unit.target);
    if (wanted.join(' ') !== found.join(' ')) {
      problem('placeholders', `the translation must keep the placeholders ${wanted.join(' ') || '(none)'}; it has ${found.join(' ') || 'none'}`);
    }
  }
  for (const key of texts.keys()) {
    if (!seen.has(key)) {
      problems.push({ where: key, code: 'missingId', message: 'this text of the guide is missing from the file' });
    }
  }
  return problems;
}

const contains = (text: string, term: string) => text.toLocaleLowerCase().includes(term.toLocaleLowerCase());
const words = (text: string) => text.toLocaleLowerCase().split(/[\s,;:!?()«»"“”]+/u).filter(Boolean);

/** Whether the target uses the agreed translation, allowing inflected endings: every word of the
 * translation begins a word of the target ("przedstawiciel ds. BHP" in "przedstawiciela ds. BHP"). */
function usesTranslation(target: string, translation: string): boolean {
  const targetWords = words(target);
  return words(translation).every((word) => targetWords.some((candidate) => candidate.startsWith(word)));
}

/** The agreed terms a Norwegian text uses. */
export function termsUsedIn(terms: readonly GuideTerm[], source: string): GuideTerm[] {
  return terms.filter((term) => contains(source, term.term));
}

/** The agreed terms a source text uses, whose agreed translation the target does not. */
export function unusedTerms(terms: readonly GuideTerm[], source: string, target: string): GuideTerm[] {
  return termsUsedIn(terms, source).filter((term) => !usesTranslation(target, term.translation));
}

/** The next version number for a reviewed copy: a fourth number after the guide's own, so that it
 * never takes a number a later release of the guide could use. */
export function translationVersion(version: string, taken: (version: string) => boolean): string {
  const parts = version.split('.').map(Number);
  while (parts.length < 3) parts.push(0);
  if (parts.length === 3) parts.push(0);
  do parts[3] += 1;
  while (taken(parts.join('.')));
  return parts.join('.');
}

function setText(target: unknown, text: GuideText, language: string, value: string): void {
  let node = target as Record<string | number, unknown>;
  for (const step of text.path) node = node[step] as Record<string | number, unknown>;
  node[language] = value;
}

/**
 * Applies a checked file (call checkTranslation first): the targets become the guide's texts in
 * the language; with a review, every text in the file is reviewed by that person on that date,
 * without one a changed text is a draft again. The language as a whole is reviewed when every
 * one of its texts is.
 */
export function applyTranslation(guide: Guide, file: TranslationFile, review: Review | null, newVersion: string): AppliedTranslation {
  const language = file.targetLanguage;
  const next = structuredClone(guide);
  next.version = newVersion;
  const texts = textsInLanguage(guide, language);
  const byKey = new Map(texts.map((text) => [text.key, text]));
  const statuses: Record<string, TextStatus> = Object.fromEntries(texts.map((text) => [text.key, textStatusOf(guide, language, text.key)]));
  const terms = guide.terms?.[language] ?? [];
  const warnings: TranslationProblem[] = [];
  let changedTexts = 0;

  for (const unit of file.units) {
    const text = byKey.get(unit.id)!;
    const target = unit.target.trim();
    const changed = target !== text.text[language];
    if (changed) {
      setText(next, text, language, target);
      changedTexts += 1;
    }
    if (review) statuses[unit.id] = { status: 'reviewed', ...review };
    else if (changed) statuses[unit.id] = { status: 'draft' };
    for (const term of unusedTerms(terms, text.text[translationSourceLanguage], target)) {
      warnings.push({ where: unit.id, code: 'termNotUsed', message: `"${term.term}" is agreed as "${term.translation}", which this translation does not use` });
    }
  }

  next.textStatus = { ...next.textStatus, [language]: statuses };
  const all = Object.values(statuses);
  const translation = next.languages.find((l) => l.code === language)!;
  if (all.every((status) => status.status === 'reviewed')) {
    const latest = review ?? latestReview(all);
    Object.assign(translation, { status: 'reviewed', reviewedBy: latest.reviewedBy, reviewedOn: latest.reviewedOn });
  } else {
    translation.status = 'draft';
    delete translation.reviewedBy;
    delete translation.reviewedOn;
  }
  return { guide: next, changedTexts, reviewedTexts: all.filter((status) => status.status === 'reviewed').length, warnings };
}

function latestReview(statuses: TextStatus[]): Review {
  const latest = statuses.reduce((a, b) => ((b.reviewedOn ?? '') > (a.reviewedOn ?? '') ? b : a));
  return { reviewedBy: latest.reviewedBy ?? '', reviewedOn: latest.reviewedOn ?? '' };
}
