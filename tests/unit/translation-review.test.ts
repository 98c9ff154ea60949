import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { guideSchema, type Guide } from '../../src-main/core/guide';
import { guideTexts, placeholdersIn, textsInLanguage, textStatusOf } from '../../src-main/core/guide-texts';
import { applyTranslation, checkTranslation, translationVersion, unusedTerms, type TranslationFile } from '../../src-main/core/translation-review';

const root = path.resolve(__dirname, '../..');
const load = (file: string): Guide => guideSchema.parse(JSON.parse(readFileSync(path.join(root, file), 'utf8')));
const builtIn = load('templates/interviews/psychosocial-cleaning.json');
const modular = load('tests/fixtures/modular-guide/with-modules.json');

/** The file an export of the language would give, as units. */
function fileOf(guide: Guide, language: string): TranslationFile {
  return {
    guideId: guide.id,
    guideVersion: guide.version,
    sourceLanguage: 'nb',
    targetLanguage: language,
    units: textsInLanguage(guide, language).map((text) => ({ id: text.key, source: text.text.nb, target: text.text[language] })),
  };
}

describe('guide texts', () => {
  it('gives every text of the built-in guide a unique key', () => {
    const keys = guideTexts(builtIn).map((text) => text.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toContain('items.workload.1.text');
    expect(keys).toContain('scales.frequency.points.5.label');
    expect(keys.filter((key) => key.startsWith('items.') && key.endsWith('.text'))).toHaveLength(builtIn.items.length);
  });

  it('gives a language only the texts the guide has in it', () => {
    const polish = textsInLanguage(modular, 'pl').map((text) => text.key);
    expect(polish).toHaveLength(20);
    expect(polish).not.toContain('modules.lone-work.title');
    expect(textsInLanguage(modular, 'en').map((text) => text.key)).toContain('modules.lone-work.title');
  });

  it('finds placeholders in either syntax, sorted', () => {
    expect(placeholdersIn('{n} rom og {{ count }} timer, {n}')).toEqual(['{n}', '{n}', '{{count}}']);
    expect(placeholdersIn('Ingen')).toEqual([]);
  });
});

describe('checkTranslation', () => {
  it('accepts the file an export gives', () => {
    expect(checkTranslation(modular, fileOf(modular, 'pl'))).toEqual([]);
  });

  it('lists every problem, each once, in file order', () => {
    const file = fileOf(modular, 'pl');
    const unit = (id: string) => file.units.find((u) => u.id === id)!;
    unit('items.workload-rooms.text').target = 'Ile {m} pomieszczeń?';
    unit('items.workload-time.text').source = 'Har du for lite tid?';
    file.units.push({ ...unit('title') });
    file.units = file.units.filter((u) => u.id !== 'description');
    expect(checkTranslation(modular, file).map((p) => `${p.where} ${p.code}`)).toEqual([
      'items.workload-time.text sourceChanged',
      'items.workload-rooms.text placeholders',
      'title duplicateId',
      'description missingId',
    ]);
  });

  it('refuses Norwegian as a target and a file from another source language', () => {
    expect(checkTranslation(modular, { ...fileOf(modular, 'pl'), targetLanguage: 'nb' }).map((p) => p.code)).toEqual(['unknownLanguage']);
    expect(checkTranslation(modular, { ...fileOf(modular, 'pl'), sourceLanguage: 'en' }).map((p) => p.code)).toEqual(['wrongSourceLanguage']);
  });
});

describe('applyTranslation', () => {
  it('changes the texts and statuses of the language only, in a new version', () => {
    const file = fileOf(modular, 'pl');
    file.units.find((u) => u.id === 'items.lone-night.text')!.target = 'Czy pracujesz w nocy?';
    const applied = applyTranslation(modular, file, { reviewedBy: 'Jan Kowalski', reviewedOn: '2026-12-01' }, '1.0.0.1');
    expect(applied.changedTexts).toBe(1);
    expect(applied.reviewedTexts).toBe(20);
    expect(applied.guide.version).toBe('1.0.0.1');
    expect(applied.guide.items.find((i) => i.id === 'lone-night')!.text).toEqual({ ...modular.items.find((i) => i.id === 'lone-night')!.text, pl: 'Czy pracujesz w nocy?' });
    expect(applied.guide.languages.find((l) => l.code === 'pl')).toEqual({ code: 'pl', status: 'reviewed', reviewedBy: 'Jan Kowalski', reviewedOn: '2026-12-01' });
    expect(textStatusOf(applied.guide, 'en', 'title')).toEqual({ status: 'draft' });
    // The guide it was made from is untouched, and the result is a valid guide.
    expect(modular.version).toBe('1.0.0');
    expect(guideSchema.safeParse(applied.guide).success).toBe(true);
  });
});

describe('translationVersion', () => {
  it('adds or raises a fourth number, skipping versions in use', () => {
    expect(translationVersion('1.0.0', () => false)).toBe('1.0.0.1');
    expect(translationVersion('1.0', () => false)).toBe('1.0.0.1');
    expect(translationVersion('1.0.0.1', () => false)).toBe('1.0.0.2');
    expect(translationVersion('2.0.0', (v) => v === '2.0.0.1')).toBe('2.0.0.2');
  });
});

describe('unusedTerms', () => {
  const terms = [{ term: 'verneombud', translation: 'przedstawiciel ds. BHP' }];
  it('allows inflected endings and ignores texts without the term', () => {
    expect(unusedTerms(terms, 'Snakk med verneombudet', 'Porozmawiaj z przedstawicielem ds. BHP')).toEqual([]);
    expect(unusedTerms(terms, 'Snakk med verneombudet', 'Porozmawiaj z opiekunem')).toEqual(terms);
    expect(unusedTerms(terms, 'Snakk med lederen', 'Porozmawiaj z kierownikiem')).toEqual([]);
  });
});
