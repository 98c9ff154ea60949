// A guide trimmed to some languages and the rest added later: what the interview screen loads first
// and what the participants' view adds when it switches language.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { guideSchema, type Guide } from '../../src-main/core/guide';
import { addGuideLanguages, guideInLanguages, guideTexts } from '../../src-main/core/guide-texts';
import { plannedGuide } from '../../src-main/core/guide-modules';

const root = path.resolve(__dirname, '../..');
const load = (file: string): Guide => guideSchema.parse(JSON.parse(readFileSync(path.join(root, file), 'utf8')));
const builtIn = load('templates/interviews/psychosocial-cleaning.json');
const modular = load('tests/fixtures/modular-guide/with-modules.json');
const codes = (guide: Guide) => guide.languages.map((language) => language.code);

describe('a guide in some of its languages', () => {
  it('keeps only the asked languages and the fallbacks (source language and nb) in every text', () => {
    const trimmed = guideInLanguages(builtIn, ['pl']);
    for (const { key, text } of guideTexts(trimmed)) {
      for (const code of Object.keys(text)) expect(['nb', 'pl', builtIn.sourceLanguage], key).toContain(code);
    }
    // Every Polish text is still there, word for word.
    const polish = new Map(guideTexts(builtIn).map(({ key, text }) => [key, text.pl]));
    for (const { key, text } of guideTexts(trimmed)) expect(text.pl, key).toBe(polish.get(key));
    expect(Object.keys(trimmed.terms ?? {}).every((code) => ['nb', 'pl'].includes(code))).toBe(true);
  });

  it('keeps the whole language list, so the other languages can be asked for', () => {
    expect(codes(guideInLanguages(builtIn, ['ar']))).toEqual(codes(builtIn));
  });

  it('is much smaller than the whole guide', () => {
    const size = (guide: Guide) => JSON.stringify(guide).length;
    expect(size(guideInLanguages(builtIn, ['nb', 'en', 'pl']))).toBeLessThan(size(builtIn) / 2);
  });

  it('leaves the whole guide untouched', () => {
    const before = JSON.stringify(builtIn);
    guideInLanguages(builtIn, ['pl']);
    expect(JSON.stringify(builtIn)).toBe(before);
  });

  it('becomes the guide in both languages when the other language is added', () => {
    const added = addGuideLanguages(guideInLanguages(builtIn, ['pl']), guideInLanguages(builtIn, ['ar']));
    expect(added).toEqual(guideInLanguages(builtIn, ['pl', 'ar']));
  });

  it('becomes the whole guide again when every language is added, one at a time', () => {
    let guide = guideInLanguages(builtIn, ['nb']);
    for (const code of codes(builtIn)) guide = addGuideLanguages(guide, guideInLanguages(builtIn, [code]));
    expect(guide).toEqual(builtIn);
  });

  it('adds languages to a guide planned with modules, from the texts of the same plan', () => {
    const modules = (modular.modules ?? []).slice(0, 1).map((module) => module.id);
    const planned = plannedGuide(guideInLanguages(modular, ['en']), modules);
    const added = addGuideLanguages(planned, plannedGuide(guideInLanguages(modular, ['pl']), modules));
    expect(added).toEqual(plannedGuide(guideInLanguages(modular, ['en', 'pl']), modules));
  });
});
