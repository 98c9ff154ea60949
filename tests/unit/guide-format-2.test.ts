// Guide format 2: event and knowledge scales, "Don't know", exposure and sensitive items, with
// the cross-checks a shape alone cannot express; format 1 guides keep loading.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGuide } from '../../src-main/guides/parse-guide';

const fixtures = path.join(__dirname, '..', 'fixtures', 'guides');
const format2Text = readFileSync(path.join(__dirname, '..', 'fixtures', 'guides-format-2', 'format-2-exposure.json'), 'utf8');

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- these tests break guides in ways no type allows
type UntypedJson = any;

function changed(change: (guide: UntypedJson) => void): string {
  const guide = JSON.parse(format2Text);
  change(guide);
  return JSON.stringify(guide);
}

function problemsOf(text: string) {
  const result = parseGuide(text, 'format-2.json');
  return result.ok ? [] : result.problems.map(({ path: where, message }) => ({ path: where, message }));
}

describe('a format 2 guide', () => {
  it('loads with its new fields', () => {
    const result = parseGuide(format2Text, 'format-2-exposure.json');
    expect(result.ok ? [] : result.problems).toEqual([]);
    if (!result.ok) return;
    const { guide } = result;
    expect(guide.format).toBe('kartlegg-guide/2');
    expect(guide.scales.map((s) => s.kind)).toEqual(['frequency', 'event', 'knowledge']);
    expect(guide.scales[1].dontKnowLabel?.pl).toBe('Nie wiem');
    const sexualAttention = guide.items.find((item) => item.id === 'sexual-attention')!;
    expect(sexualAttention.exposure).toBe(true);
    expect(sexualAttention.sensitive).toBe(true);
    expect(guide.items.find((item) => item.id === 'workload-time')!.exposure).toBeUndefined();
  });

  it('refuses an exposure item on a scale that is not an event scale', () => {
    const text = changed((g) => {
      g.items[0].exposure = true;
    });
    expect(problemsOf(text)).toEqual([
      { path: 'items[0].exposure', message: 'an exposure item needs an event scale; scale "frequency-5" is a frequency scale' },
    ]);
  });

  it('refuses a knowledge scale without exactly the three points', () => {
    const text = changed((g) => {
      g.scales[2].points.push({ value: 4, label: g.scales[2].points[0].label });
    });
    expect(problemsOf(text)).toEqual([
      { path: 'scales[2].points', message: 'a knowledge scale has exactly three points: 1 = yes, 2 = no, 3 = unsure' },
    ]);
  });

  it('needs the "Don\'t know" label in every guide language', () => {
    const text = changed((g) => {
      delete g.scales[0].dontKnowLabel.ti;
    });
    expect(problemsOf(text)).toEqual([{ path: 'scales[0].dontKnowLabel.ti', message: 'missing ti translation' }]);
  });

  it('refuses an unknown scale kind and a non-boolean exposure flag', () => {
    const text = changed((g) => {
      g.scales[0].kind = 'yesno';
      g.items[1].exposure = 'yes';
    });
    const problems = problemsOf(text);
    expect(problems.map((p) => p.path)).toEqual(['scales[0].kind', 'items[1].exposure']);
  });
});

it('a format 1 guide still loads', () => {
  const result = parseGuide(readFileSync(path.join(fixtures, 'valid-minimal.json'), 'utf8'), 'valid-minimal.json');
  expect(result.ok).toBe(true);
});
