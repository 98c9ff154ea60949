// parseGuide: a valid guide loads, and a broken one gets every problem listed, each with its place.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guideSchema } from '../../src-main/core/guide';
import { maxGuideBytes, parseGuide, type GuideParseResult } from '../../src-main/guides/parse-guide';

const fixtures = path.join(__dirname, '..', 'fixtures', 'guides');
const fixture = (name: string) => readFileSync(path.join(fixtures, name), 'utf8');
const validText = fixture('valid-minimal.json');

function problemsOf(result: GuideParseResult) {
  if (result.ok) throw new Error('expected the guide to be refused');
  return result.problems.map(({ path: where, message }) => ({ path: where, message }));
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- these tests break guides in ways no type allows
type UntypedJson = any;

/** The valid guide with one change, as JSON text. */
function changed(change: (guide: UntypedJson) => void): string {
  const guide = JSON.parse(validText);
  change(guide);
  return JSON.stringify(guide);
}

describe('a valid guide', () => {
  it('loads, with the defaults filled in', () => {
    const result = parseGuide(validText, 'valid-minimal.json');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.guide.id).toBe('example-workload');
    expect(result.guide.languages.map((l) => l.code)).toEqual(['nb', 'en']);
    expect(result.guide.items[0].reverse).toBe(false);
    expect(result.guide.items[1].reverse).toBe(true);
    expect(result.guide.items[1].followUp).toEqual([]);
  });

  it('may start with a byte-order mark', () => {
    expect(parseGuide(`\uFEFF${validText}`, 'bom.json').ok).toBe(true);
  });
});

describe('the broken fixtures', () => {
  it.each([
    ['missing-translation.json', [{ path: 'items[1].text.en', message: 'missing en translation' }]],
    ['unknown-factor.json', [{ path: 'items[0].factor', message: 'unknown factor "workload2"' }]],
    ['duplicate-item-ids.json', [{ path: 'items[1].id', message: 'duplicate item id "workload-time"' }]],
    ['thresholds-reversed.json', [{ path: 'factors[0].thresholds', message: 'lower must be below upper' }]],
    ['factor-without-items.json', [{ path: 'factors[1]', message: 'factor "support" has no items' }]],
    [
      'reviewed-without-reviewer.json',
      [{ path: 'languages[1].reviewedBy', message: 'a reviewed translation needs reviewedBy (who reviewed it)' }],
    ],
    ['wrong-type.json', [{ path: 'factors[0].thresholds.lower', message: 'expected number, got string' }]],
    [
      'bad-json.json',
      [{ path: '', message: "invalid JSON at line 3, column 27: missing ',' between two fields" }],
    ],
    ['not-an-object.json', [{ path: '', message: 'a guide must be a JSON object ({ ... }), not an array' }]],
  ])('%s', (name, expected) => {
    const result = parseGuide(fixture(name), name);
    expect(problemsOf(result)).toEqual(expected);
    if (!result.ok) expect(result.problems.every((p) => p.source === name)).toBe(true);
  });

  it('lists structural and cross-check problems together, once each', () => {
    expect(problemsOf(parseGuide(fixture('several-problems.json'), 'several-problems.json'))).toEqual([
      { path: 'version', message: 'use a version such as 1.0 or 1.2.3' },
      { path: 'items[0].reverse', message: 'expected boolean, got string' },
      // Only "empty text": the cross-check's "missing nb translation" at the same place is left out.
      { path: 'items[0].followUp[0].nb', message: 'empty text' },
      { path: 'items[0].reversed', message: 'unknown field "reversed"' },
      { path: 'items[0].text.en', message: 'missing en translation' },
      { path: 'items[1].factor', message: 'unknown factor "workload2"' },
    ]);
  });
});

describe('the file as a whole', () => {
  it('refuses a file over 5 MB before parsing it', () => {
    const text = `${' '.repeat(maxGuideBytes)}{}`;
    expect(problemsOf(parseGuide(text, 'big.json'))).toEqual([
      { path: '', message: 'the file is larger than 5 MB, too large for a guide' },
    ]);
  });

  it('counts bytes, not characters', () => {
    const text = `"${'ø'.repeat(maxGuideBytes / 2)}"`; // 2 bytes each in UTF-8
    expect(problemsOf(parseGuide(text, 'big.json'))[0].message).toMatch(/larger than 5 MB/);
  });

  it.each([
    ['42', 'a guide must be a JSON object ({ ... }), not a number'],
    ['null', 'a guide must be a JSON object ({ ... }), not null'],
    ['"guide"', 'a guide must be a JSON object ({ ... }), not a string'],
    ['', 'invalid JSON at line 1, column 1: the file is empty'],
    ['{"id": "x",}', "invalid JSON at line 1, column 11: a comma before '}' (JSON allows no trailing comma)"],
    ["{'id': 'x'}", 'invalid JSON at line 1, column 2: expected a field name in double quotes, found \'\'\''],
  ])('%j', (text, message) => {
    expect(problemsOf(parseGuide(text, 'x.json'))).toEqual([{ path: '', message }]);
  });

  it('reports an empty object field by field', () => {
    const problems = problemsOf(parseGuide('{}', 'empty.json'));
    expect(problems).toContainEqual({ path: 'format', message: 'missing required field "format"' });
    expect(problems).toContainEqual({ path: 'items', message: 'missing required field "items"' });
    expect(problems).not.toContainEqual(expect.objectContaining({ path: 'legalReferences' }));
  });
});

describe('the rules a shape cannot express', () => {
  it.each<[string, (guide: UntypedJson) => void, { path: string; message: string }[]]>([
    [
      'a text in a language the guide does not list',
      (g) => (g.items[0].text.de = 'Haben Sie zu wenig Zeit?'),
      [{ path: 'items[0].text.de', message: 'language "de" is not in the guide\'s language list' }],
    ],
    [
      'a guide without English',
      (g) => {
        g.languages = [g.languages[0]];
        const dropEnglish = (node: UntypedJson): void => {
          if (Array.isArray(node)) node.forEach(dropEnglish);
          else if (node && typeof node === 'object') {
            delete node.en;
            Object.values(node).forEach(dropEnglish);
          }
        };
        dropEnglish(g);
      },
      [{ path: 'languages', message: 'missing language "en": every guide needs nb and en, the consultant\'s languages' }],
    ],
    [
      'a follow-up prompt without English',
      (g) => delete g.items[0].followUp[0].en,
      [{ path: 'items[0].followUp[0].en', message: 'missing en translation' }],
    ],
    [
      'a measure without Norwegian',
      (g) => delete g.factors[0].measures[0].text.nb,
      [{ path: 'factors[0].measures[0].text.nb', message: 'missing nb translation' }],
    ],
    [
      'a scale label without English',
      (g) => delete g.scales[0].points[2].label.en,
      [{ path: 'scales[0].points[2].label.en', message: 'missing en translation' }],
    ],
    [
      'a source language that is not listed',
      (g) => (g.sourceLanguage = 'pl'),
      [{ path: 'sourceLanguage', message: 'source language "pl" is not in the language list' }],
    ],
    [
      'an unknown scale',
      (g) => (g.items[1].scale = 'agreement-5'),
      [{ path: 'items[1].scale', message: 'unknown scale "agreement-5"' }],
    ],
    [
      'an unknown legal reference',
      (g) => g.factors[0].legalBasis.push('aml-4-4'),
      [{ path: 'factors[0].legalBasis[1]', message: 'unknown legal reference "aml-4-4"' }],
    ],
    [
      'a scale with a gap',
      (g) => (g.scales[0].points[4].value = 6),
      [{ path: 'scales[0].points', message: 'scale values must rise by one from point to point, e.g. 1, 2, 3, 4, 5' }],
    ],
    [
      'a scale value twice',
      (g) => (g.scales[0].points[4].value = 4),
      [{ path: 'scales[0].points[4].value', message: 'duplicate scale value "4"' }],
    ],
    [
      'a measure id twice in one factor',
      (g) => g.factors[0].measures.push(g.factors[0].measures[0]),
      [{ path: 'factors[0].measures[1].id', message: 'duplicate measure id "review-schedules"' }],
    ],
    [
      'a review date that does not exist',
      (g) => (g.languages[0].reviewedOn = '2025-02-30'),
      [{ path: 'languages[0].reviewedOn', message: 'not a real date' }],
    ],
    [
      'a whole-number field with a fraction',
      (g) => (g.scales[0].points[0].value = 1.5),
      [{ path: 'scales[0].points[0].value', message: 'expected whole number, got 1.5' }],
    ],
    [
      'an unknown direction',
      (g) => (g.factors[0].direction = 'up'),
      [{ path: 'factors[0].direction', message: 'expected one of "higherIsBetter", "higherIsWorse", got "up"' }],
    ],
    [
      'a language key that is not a code',
      (g) => (g.title.NB = 'Tittel'),
      [{ path: 'title.NB', message: 'invalid key "NB": not a language code' }],
    ],
  ])('%s', (_name, change, expected) => {
    expect(problemsOf(parseGuide(changed(change), 'changed.json'))).toEqual(expected);
  });

  it('does not call a reference unknown when the list it points into is broken', () => {
    const text = changed((g) => {
      g.factors[0].id = 'Workload';
      g.items[0].factor = 'workload-x';
    });
    expect(problemsOf(parseGuide(text, 'x.json'))).toEqual([
      { path: 'factors[0].id', message: 'use lower-case letters, digits, ".", "_" or "-"' },
    ]);
  });

  it('still checks translations when a whole list is the wrong type', () => {
    const text = changed((g) => {
      g.scales = 'five-point';
      delete g.factors[0].title.en;
    });
    expect(problemsOf(parseGuide(text, 'x.json'))).toEqual([
      { path: 'scales', message: 'expected array, got string' },
      { path: 'factors[0].title.en', message: 'missing en translation' },
    ]);
  });
});

describe('guideSchema on any input', () => {
  const valid = JSON.parse(validText);
  const paths: (string | number)[][] = [];
  const walk = (node: unknown, at: (string | number)[]) => {
    paths.push(at);
    if (Array.isArray(node)) node.forEach((child, i) => walk(child, [...at, i]));
    else if (node && typeof node === 'object') Object.entries(node).forEach(([key, child]) => walk(child, [...at, key]));
  };
  walk(valid, []);

  it('never throws, whatever part of a guide is replaced', () => {
    fc.assert(
      fc.property(fc.nat(paths.length - 1), fc.jsonValue(), (index, value) => {
        const guide = structuredClone(valid);
        const at = paths[index];
        if (at.length === 0) return void guideSchema.safeParse(value);
        let parent: UntypedJson = guide;
        for (const key of at.slice(0, -1)) parent = parent[key];
        parent[at[at.length - 1]] = value;
        const result = parseGuide(JSON.stringify(guide), 'fuzz.json');
        if (!result.ok) expect(result.problems.every((p) => typeof p.message === 'string' && p.message.length > 0)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary values', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(guideSchema.safeParse(value).success).toBe(false);
      }),
    );
  });
});
