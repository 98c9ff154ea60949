// A survey file already imported is recognised by its bytes or by its rows, never by rows alone in a tiny file.
import { describe, expect, it } from 'vitest';
import { findDuplicateImports, surveyRowKey, type EarlierSurveyImport } from '../../src-main/core/survey-duplicates';

const row = (answers: Record<string, number>, answeredOn: string | null = '2025-03-01', language: string | null = 'nb') => surveyRowKey({ answers, answeredOn, language });
const earlier = (rowKeys: string[], sha256 = 'old'): EarlierSurveyImport => ({ importId: 'i1', fileName: 'uke-10.csv', importedAt: '2025-03-10T10:00:00Z', sha256, rowKeys });
const a = row({ 'w.1': 1, 'w.2': 2 });
const b = row({ 'w.1': 3, 'w.2': 2 });
const c = row({ 'w.1': 5, 'w.2': 5 }, '2025-03-02');
const d = row({ 'w.1': 4, 'w.2': 1 }, null, 'pl');

describe('surveyRowKey', () => {
  it('does not depend on the order of the answers', () => {
    expect(surveyRowKey({ answers: { b: 1, a: 2 }, answeredOn: null, language: null })).toBe(surveyRowKey({ answers: { a: 2, b: 1 }, answeredOn: null, language: null }));
  });
  it('tells different dates, languages and answers apart', () => {
    expect(new Set([a, b, row({ 'w.1': 1, 'w.2': 2 }, '2025-03-02'), row({ 'w.1': 1, 'w.2': 2 }, '2025-03-01', 'pl')]).size).toBe(4);
  });
});

describe('findDuplicateImports', () => {
  it.each<[string, string, string[], EarlierSurveyImport, string | null]>([
    ['the same bytes', 'old', [a], earlier([a]), 'sameFile'],
    ['the same rows in another file', 'new', [c, a, b], earlier([a, b, c]), 'sameRows'],
    ['a later export holding all earlier rows', 'new', [a, b, c, d], earlier([a, b, c]), 'sameRows'],
    ['a part of an earlier import', 'new', [a, b, c], earlier([a, b, c, d]), 'sameRows'],
    ['rows alike, counted with repeats: two people who answered alike are not one', 'new', [a, a, b, c], earlier([a, b, c, c]), null],
    ['other people', 'new', [a, b, d], earlier([c]), null],
    ['only some rows shared', 'new', [a, b, d], earlier([a, b, c]), null],
    ['too few rows to tell people apart', 'new', [a, b], earlier([a, b]), null],
  ])('%s', (_name, sha, keys, batch, reason) => {
    const found = findDuplicateImports(sha, keys, [batch]);
    expect(found.map((f) => f.reason)).toEqual(reason ? [reason] : []);
  });
});
