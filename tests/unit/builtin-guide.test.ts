import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { guideSchema, type Guide } from '../../src-main/core/guide';
import { parseGuide } from '../../src-main/guides/parse-guide';

const file = new URL('../../templates/interviews/psychosocial-cleaning.json', import.meta.url);
const requiredLanguages = ['nb', 'en', 'pl', 'lt', 'ro', 'uk', 'ar', 'so', 'ti', 'es'];

function loadBuiltIn(): Guide {
  const result = parseGuide(readFileSync(file, 'utf8'), file.pathname);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return result.guide;
}

describe('the built-in guide "Psychosocial work environment — cleaning"', () => {
  const guide = loadBuiltIn();

  it('lists the ten project languages, each with a translation status', () => {
    expect(guide.languages.map((l) => l.code)).toEqual(requiredLanguages);
    for (const language of guide.languages) expect(['draft', 'reviewed']).toContain(language.status);
  });

  it('has at least 12 factors and 48 items, every item under a factor of the guide', () => {
    expect(guide.factors.length).toBeGreaterThanOrEqual(12);
    expect(guide.items.length).toBeGreaterThanOrEqual(48);
    const factorIds = new Set(guide.factors.map((f) => f.id));
    for (const item of guide.items) expect(factorIds.has(item.factor), item.id).toBe(true);
  });

  it('has every respondent-facing text in all ten languages', () => {
    const texts: [string, Record<string, string>][] = [
      ['title', guide.title],
      ...guide.scales.flatMap((s) => s.points.map((p): [string, Record<string, string>] => [`scale ${s.id} ${p.value}`, p.label])),
      ...guide.factors.flatMap((f): [string, Record<string, string>][] => [
        [`factor ${f.id} title`, f.title],
        [`factor ${f.id} description`, f.description],
      ]),
      ...guide.items.map((i): [string, Record<string, string>] => [`item ${i.id}`, i.text]),
    ];
    const missing = texts.flatMap(([where, text]) => requiredLanguages.filter((code) => !text[code]?.trim()).map((code) => `${where}: ${code}`));
    expect(missing).toEqual([]);
  });

  it('cites a legal basis for every factor and offers measures for each', () => {
    for (const factor of guide.factors) {
      expect(factor.legalBasis.length, factor.id).toBeGreaterThan(0);
      expect(factor.measures.length, factor.id).toBeGreaterThan(0);
    }
  });

  it('covers the themes the brief names, among them harassment, violence and the safety representative role', () => {
    const ids = guide.factors.map((f) => f.id);
    for (const id of ['workload', 'role-conflict', 'emotional', 'leader-support', 'community', 'harassment', 'violence', 'lone-work', 'participation']) {
      expect(ids).toContain(id);
    }
  });

  it('is refused when one translation is removed, naming the item and the language', () => {
    const broken = structuredClone(loadBuiltIn()) as Guide;
    delete (broken.items[5].text as Record<string, string>).ti;
    const result = guideSchema.safeParse(broken);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toContain('items.5.text.ti: missing ti translation');
  });
});
