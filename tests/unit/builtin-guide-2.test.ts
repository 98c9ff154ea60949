// The built-in guide "psychosocial-cleaning" 2.0.0: a core set that fits one session, the missing
// themes, the 2026 law with a source for every citation, guidance for those who act, and the
// translation fixes review asked for.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { guideSchema, type Guide, type LocalizedText } from '../../src-main/core/guide';
import { textStatusOf } from '../../src-main/core/guide-texts';
import { loadGuideLibrary } from '../../src-main/guides/guide-library';
import { parseGuide } from '../../src-main/guides/parse-guide';

const dir = new URL('../../templates/interviews/', import.meta.url);
const file = new URL('psychosocial-cleaning-2.0.0.json', dir);
const guidesDoc = readFileSync(new URL('../../docs/guides.md', import.meta.url), 'utf8');
const requiredLanguages = ['nb', 'en', 'pl', 'lt', 'ro', 'uk', 'ar', 'so', 'ti', 'es'];

function loadGuide(): Guide {
  const result = parseGuide(readFileSync(file, 'utf8'), file.pathname);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return result.guide;
}

/** Every text a respondent hears or reads, with where it is. */
function respondentTexts(guide: Guide): [string, LocalizedText][] {
  return [
    ['title', guide.title],
    ['description', guide.description],
    ...guide.scales.flatMap((s) => s.points.map((p): [string, LocalizedText] => [`scale ${s.id} ${p.value}`, p.label])),
    ...guide.factors.flatMap((f): [string, LocalizedText][] => [
      [`factor ${f.id} title`, f.title],
      [`factor ${f.id} description`, f.description],
    ]),
    ...guide.items.map((i): [string, LocalizedText] => [`item ${i.id}`, i.text]),
    ...(guide.rightsInfo ?? []).map((text, r): [string, LocalizedText] => [`rightsInfo ${r}`, text]),
    ...Object.entries(guide.ballotTexts ?? {}).map(([field, text]): [string, LocalizedText] => [`ballotTexts ${field}`, text]),
  ];
}

/** The rows of the source table in docs/guides.md, each as its cells (cells[1] the ids, [4] the source read, [6] the date, [7] the verdict). */
function sourceTableRows(): string[][] {
  const section = guidesDoc.split('### Legal references and their sources')[1]?.split('\n## ')[0] ?? '';
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((row) => row.split('|').map((cell) => cell.trim()));
}

/** The laws a Norwegian text names; a "§" belongs to the nearest one named before it (arbeidsmiljøloven if none). */
const lawNames: [RegExp, string][] = [
  [/arbeidsmiljøloven/i, 'aml'],
  [/internkontrollforskriften/i, 'ikf'],
  [/forskrift om organisering, ledelse og medvirkning/i, 'fol'],
  [/forskrift om utførelse av arbeid/i, 'fua'],
];

/** Every paragraph ("law:section:4-3") and chapter ("law:chapter:3A") a Norwegian text cites, in order. */
function citedProvisions(text: string): Set<string> {
  const found = new Set<string>();
  const token = new RegExp(
    `(${lawNames.map(([name]) => name.source).join('|')})|§§?\\s*((?:\\d+\\s?[A-Z]?-\\d+|\\d+)(?:\\s*\\(\\d+\\)(?:\\s*(?:bokstav\\s*)?[a-h]\\b)?)?(?:\\s*(?:,|og|–)\\s*(?:\\d+\\s?[A-Z]?-\\d+)(?:\\s*\\(\\d+\\)(?:\\s*[a-h]\\b)?)?)*)|kapittel\\s+(\\d+(?:\\s?[A-Z]\\b)?)`,
    'gi',
  );
  let law = 'aml';
  for (const match of text.matchAll(token)) {
    if (match[1]) law = lawNames.find(([name]) => name.test(match[1]))![1];
    else if (match[2]) {
      const sections = match[2].match(/\d+\s?[A-Z]?-\d+/g) ?? [match[2].match(/^\d+/)![0]];
      for (const section of sections) found.add(`${law}:section:${section.replace(/\s/g, '')}`);
    } else if (match[3]) found.add(`${law}:chapter:${match[3].replace(/\s/g, '')}`);
  }
  return found;
}

describe('the built-in guide psychosocial-cleaning 2.0.0', () => {
  const guide = loadGuide();
  const core = guide.items.filter((i) => i.module === undefined);
  const scaleKind = (item: Guide['items'][number]) => guide.scales.find((s) => s.id === item.scale)!.kind;

  it('validates as format 2, version 2.0.0, beside 1.0.0 in the built-in folder', async () => {
    expect(guide.format).toBe('kartlegg-guide/2');
    expect(guide.version).toBe('2.0.0');
    const library = await loadGuideLibrary(dir.pathname);
    expect(library.problems).toEqual([]);
    expect(library.list().filter((g) => g.id === guide.id).map((g) => g.version)).toEqual(['2.0.0', '1.0.0']);
    expect(library.get(guide.id, '1.0.0')!.items).toHaveLength(68);
  });

  it('has every respondent-facing text in all ten languages, translations marked draft except nb', () => {
    expect(guide.languages.map((l) => l.code)).toEqual(requiredLanguages);
    expect(guide.languages.filter((l) => l.status === 'reviewed').map((l) => l.code)).toEqual(['nb']);
    const missing = respondentTexts(guide).flatMap(([where, text]) =>
      requiredLanguages.filter((code) => !text[code]?.trim()).map((code) => `${where}: ${code}`),
    );
    expect(missing).toEqual([]);
    expect(guide.rightsInfo!.length).toBeGreaterThanOrEqual(5);
    expect(Object.keys(guide.ballotTexts!).sort()).toEqual(['allAnswered', 'chooseOne', 'instruction', 'next', 'thanks', 'yourTurn']);
    // The private round's instructions are machine drafts in every language but the Norwegian source.
    for (const code of requiredLanguages.filter((c) => c !== 'nb')) {
      for (const field of Object.keys(guide.ballotTexts!)) expect(textStatusOf(guide, code, `ballotTexts.${field}`), `${code} ${field}`).toEqual({ status: 'draft' });
    }
  });

  it('keeps the core set to at most 30 items, every module optional and used', () => {
    expect(core.length).toBeLessThanOrEqual(30);
    expect(core.length).toBeGreaterThanOrEqual(24);
    const moduleIds = guide.modules!.map((m) => m.id);
    expect(moduleIds).toEqual(['customers', 'lone-evening-night', 'violence-threats', 'physical-time', 'change-insecurity', 'training-induction']);
    for (const id of moduleIds) expect(guide.items.filter((i) => i.module === id).length, id).toBeGreaterThanOrEqual(3);
  });

  it('covers the missing themes in the core set: the four roles, rights, language with the leader, part-time, split shifts, bullying', () => {
    const coreNb = core.map((i) => i.text.nb).join('\n');
    for (const phrase of ['verneombudet', 'tillitsvalgt', '(BHT)', '(RVO)', 'lønnsslippen', 'overtidsbetaling', 'når du er syk', 'stoppe arbeidet', 'lederen min snakker et språk', 'flere timer enn jeg får', 'delt i to', 'gang på gang']) {
      expect(coreNb, phrase).toContain(phrase);
    }
    const allNb = guide.items.map((i) => i.text.nb).join('\n');
    expect(allNb).toContain('redd for å miste jobben');
    expect(allNb).toContain('før store endringer');
  });

  it('asks about time pressure under one factor only, and asks the alarm question once', () => {
    expect(guide.factors.map((f) => f.id)).not.toContain('pace');
    expect(guide.factors.map((f) => f.id)).not.toContain('role-conflict');
    const alarm = guide.items.filter((i) => /alarm/i.test(i.text.nb));
    expect(alarm).toHaveLength(1);
    const texts = guide.items.map((i) => i.text.nb);
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('uses one scale per answer format, with exposure items on the event scale, sensitive and asked privately', () => {
    expect(guide.scales.map((s) => s.kind).sort()).toEqual(['agreement', 'event', 'frequency', 'knowledge']);
    const exposure = guide.items.filter((i) => i.exposure);
    expect(exposure.map((i) => i.factor).sort()).toEqual([...Array(4).fill('harassment'), ...Array(4).fill('violence')]);
    for (const item of exposure) {
      expect(scaleKind(item), item.id).toBe('event');
      expect(item.sensitive, item.id).toBe(true);
    }
    // Knowledge items never carry a factor's whole score: every factor has a rated item in the core or a module.
    for (const factor of guide.factors) {
      expect(guide.items.some((i) => i.factor === factor.id && scaleKind(i) !== 'knowledge'), factor.id).toBe(true);
    }
  });

  it('gives each factor a hazard, guidance with 3–5 steps for each side, and measures naming the employer and those involved', () => {
    for (const factor of guide.factors) {
      expect(factor.hazard?.nb, factor.id).toBeTruthy();
      const guidance = factor.guidance!;
      expect(guidance.employerSteps.length, factor.id).toBeGreaterThanOrEqual(3);
      expect(guidance.employerSteps.length, factor.id).toBeLessThanOrEqual(5);
      expect(guidance.safetyRepresentativeSteps.length, factor.id).toBeGreaterThanOrEqual(3);
      expect(guidance.safetyRepresentativeSteps.length, factor.id).toBeLessThanOrEqual(5);
      expect(factor.measures.length, factor.id).toBeGreaterThanOrEqual(3);
      for (const measure of factor.measures) {
        expect(measure.text.nb, measure.id).toMatch(/^Arbeidsgiver /);
        expect(measure.text.en, measure.id).toMatch(/^(The employer|Together with the safety and union representatives, the employer|With the customer)/);
        expect(measure.text.nb, measure.id).toMatch(/verneombud|tillitsvalgt|BHT|RVO/);
      }
    }
  });

  it('cites no § 23A, and the 2026 law: § 4-3 (1)–(7), chapter 3A, § 7-1, chapter 6, chapter 2 A, §§ 3-1, 4-1, 4-2, ikf § 5', () => {
    const citations = guide.legalReferences.map((r) => r.citation);
    expect(JSON.stringify(guide)).not.toMatch(/23\s?A/);
    for (const expected of [
      'Arbeidsmiljøloven § 4-3 (1)',
      'Arbeidsmiljøloven § 4-3 (2) bokstav a',
      'Arbeidsmiljøloven § 4-3 (2) bokstav d',
      'Arbeidsmiljøloven § 4-3 (7)',
      'Forskrift om utførelse av arbeid § 3A-1',
      'Forskrift om utførelse av arbeid § 3A-6',
      'Forskrift om organisering, ledelse og medvirkning § 7-1',
      'Forskrift om organisering, ledelse og medvirkning kapittel 6',
      'Arbeidsmiljøloven kapittel 2 A',
      'Arbeidsmiljøloven § 3-1',
      'Arbeidsmiljøloven § 4-1',
      'Arbeidsmiljøloven § 4-2',
      'Internkontrollforskriften § 5',
    ]) {
      expect(citations).toContain(expected);
    }
  });

  it('leaves § 23A only in guide 1.0.0, whose reports must stay as they were (docs/guides.md)', () => {
    const root = new URL('../../', import.meta.url);
    const files = (folder: string): string[] =>
      readdirSync(new URL(folder, root), { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile() && /\.(json|ts|tsx)$/.test(entry.name))
        .map((entry) => path.join(entry.parentPath, entry.name));
    const citing = [...files('templates/'), ...files('src-main/'), ...files('src-renderer/')].filter((name) => /§\s*23\s?A|23A-\d/.test(readFileSync(name, 'utf8')));
    expect(citing.map((name) => path.relative(fileURLToPath(root), name))).toEqual([path.join('templates', 'interviews', 'psychosocial-cleaning.json')]);
  });

  it('has a source noted in docs/guides.md for every legal reference', () => {
    const sourced = new Map<string, string>();
    for (const cells of sourceTableRows()) {
      const source = cells[4] ?? '';
      for (const id of cells[1].matchAll(/`([^`]+)`/g)) sourced.set(id[1], source);
    }
    // A row may cover a range such as `aml-4-3-2-a` … `aml-4-3-2-d`.
    const covered = (id: string) =>
      sourced.has(id) ||
      [...sourced.keys()].some((first) => {
        const stem = first.replace(/[a-z0-9]+$/, '');
        return id.startsWith(stem) && id.length === first.length && [...sourced.keys()].some((last) => last.startsWith(stem) && id >= first && id <= last);
      });
    for (const ref of guide.legalReferences) {
      expect(covered(ref.id), `${ref.id} has no row in docs/guides.md`).toBe(true);
    }
    for (const source of sourced.values()) expect(source).toMatch(/https?:\/\//);
  });

  it('gives every row of the source table a date and a verdict: what kind of text the citation was compared with', () => {
    const verdicts = /^(primary|official translation|official announcement|secondary|not found)\b/;
    const rows = sourceTableRows();
    expect(rows.length).toBeGreaterThan(10);
    for (const cells of rows) {
      expect(cells[6], `${cells[1]}: date checked`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      // A verdict may name several kinds, one per part of the citation ("primary (§ 2 A-2); secondary (§ 2 A-1)").
      for (const part of cells[7].split(/;(?![^()]*\))/)) expect(part.trim(), `${cells[1]}: verdict`).toMatch(verdicts);
    }
  });

  it('cites in its texts, in scoring.md and in the report templates only paragraphs that are legal references of the guide (so have a source row)', () => {
    const covered = citedProvisions(guide.legalReferences.map((r) => r.citation).join('. '));
    const isCovered = (cited: string) => {
      const [law, kind, number] = cited.split(':');
      if (covered.has(cited)) return true;
      // A section is covered by a cited chapter; a chapter by any cited section in it.
      if (kind === 'section') return covered.has(`${law}:chapter:${number.split('-')[0]}`);
      return [...covered].some((c) => c.startsWith(`${law}:section:${number}-`));
    };
    const texts: [string, string][] = [];
    const walk = (value: unknown, where: string) => {
      if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${where}[${i}]`));
      else if (value && typeof value === 'object') {
        for (const [key, v] of Object.entries(value)) {
          if (key === 'nb' && typeof v === 'string') texts.push([where, v]);
          else if (key !== 'legalReferences') walk(v, `${where}.${key}`);
        }
      }
    };
    walk(guide, 'guide');
    for (const template of ['risk-assessment-nb.json']) {
      texts.push([template, readFileSync(new URL(`../../templates/reports/${template}`, import.meta.url), 'utf8')]);
    }
    texts.push(['docs/scoring.md', readFileSync(new URL('../../docs/scoring.md', import.meta.url), 'utf8')]);
    const cited = texts.flatMap(([where, text]) => [...citedProvisions(text)].map((c): [string, string] => [where, c]));
    for (const expected of ['aml:section:4-3', 'aml:section:4-1', 'aml:section:2-3', 'aml:chapter:2A', 'fua:chapter:3A', 'fua:chapter:2A', 'fol:section:7-1', 'ikf:section:5']) {
      expect(cited.map(([, c]) => c)).toContain(expected);
    }
    expect(cited.filter(([, c]) => !isCovered(c)).map(([where, c]) => `${where}: ${c}`)).toEqual([]);
    // The parser itself finds what it should.
    expect([...citedProvisions('Arbeidsmiljøloven §§ 3-1, 4-1 og 4-3 (2) c, internkontrollforskriften § 5 og forskrift om utførelse av arbeid kapittel 3A (§ 3A-2); kapittel 2 A.')]).toEqual([
      'aml:section:3-1',
      'aml:section:4-1',
      'aml:section:4-3',
      'ikf:section:5',
      'fua:chapter:3A',
      'fua:section:3A-2',
      'fua:chapter:2A',
    ]);
  });

  it('uses the term list consistently: the Norwegian role names glossed in every language, and the scale labels as listed', () => {
    const roles: [RegExp, string][] = [
      [/(?<!regional[a-z]* )verneombud/i, 'verneombud'],
      [/tillitsvalgt/i, 'tillitsvalgt'],
      [/\(BHT\)/, 'BHT'],
      [/\(RVO\)/, 'RVO'],
    ];
    const problems: string[] = [];
    for (const [where, text] of respondentTexts(guide)) {
      for (const [inNb, gloss] of roles) {
        if (!inNb.test(text.nb)) continue;
        for (const code of requiredLanguages) if (!text[code].includes(gloss)) problems.push(`${where} ${code}: no "${gloss}"`);
      }
    }
    expect(problems).toEqual([]);
    for (const code of requiredLanguages.slice(1)) {
      const terms = new Map(guide.terms![code].map((t) => [t.term, t.translation]));
      for (const scale of guide.scales) {
        for (const point of scale.points) expect(terms.get(`${scale.kind}: ${point.label.nb}`), `${code} ${scale.kind} ${point.value}`).toBe(point.label[code]);
      }
      for (const role of ['verneombud', 'tillitsvalgt', 'bedriftshelsetjeneste (BHT)', 'regionalt verneombud (RVO)']) expect(terms.has(role), `${code} ${role}`).toBe(true);
    }
  });

  it('has the fixes review asked for: usted/ustedes, never vosotros, ሃዋህው, a general Arabic word for harassment, plural forms of "12 months"', () => {
    const all = respondentTexts(guide);
    const spanish = all.map(([, text]) => text.es).join('\n');
    expect(spanish).not.toMatch(/\b(vosotros|vosotras|vuestr[oa]s?|tenéis|podéis|sabéis|habéis|estáis|sois)\b/i);
    // The respondent is "usted" (¿Sabe…?, ¿…le ha…?); a group would be "ustedes", never "vosotros".
    expect(spanish).toMatch(/¿Sabe /);
    expect(spanish).toMatch(/\ble ha\b/);
    const tigrinya = all.map(([, text]) => text.ti).join('\n');
    expect(tigrinya).toContain('ሃዋህው');
    expect(tigrinya).not.toMatch(/ሃዋሁ(?!ው)/);
    // التحرش reads as sexual harassment; the general word is المضايقة.
    expect(guide.factors.find((f) => f.id === 'harassment')!.title.ar).toContain('المضايقة');
    expect(all.map(([, text]) => text.ar).join('\n')).not.toMatch(/تحرش(?! ?ال?جنسي)/);
    const twelveMonths: Record<string, string> = {
      nb: '12 månedene', en: '12 months', pl: '12 miesięcy', lt: '12 mėnesių', ro: '12 luni', uk: '12 місяців',
      ar: 'الاثني عشر شهرًا', so: '12-kii bilood', ti: '12 ኣዋርሕ', es: '12 meses',
    };
    for (const item of guide.items.filter((i) => scaleKind(i) === 'event')) {
      for (const code of requiredLanguages) expect(item.text[code], `${item.id} ${code}`).toContain(twelveMonths[code]);
    }
  });

  it('is refused when a rights text lacks a language or an item names an unknown module', () => {
    const broken = structuredClone(guide) as Guide;
    delete (broken.rightsInfo![0] as Record<string, string>).so;
    broken.items[35] = { ...broken.items[35], module: 'no-such-module' };
    const result = guideSchema.safeParse(broken);
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages).toContain('rightsInfo.0.so: missing so translation');
    expect(messages).toContain('items.35.module: unknown module "no-such-module"');
  });
});
