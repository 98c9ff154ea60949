// The charts in the PDF are drawn from their drawing with pdfkit, not through SVG: every bar and band
// at the drawing's own coordinates, the hatchings as tiling patterns, and every label as text in the
// font that has its letters (Latin, Arabic, Ethiopic). The PDF is parsed back.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distributionChart, factorScoreChart, groupComparisonChart, type ChartDrawing, type ChartRect, type ChartShape, type FactorScoreChartRow } from '../../src-main/core/charts';
import { buildReportDocument } from '../../src-main/reports/build-document';
import { loadReportFonts } from '../../src-main/reports/fonts';
import type { ImageBlock, ReportDocument } from '../../src-main/reports/model';
import { parseReportTemplate } from '../../src-main/reports/parse-template';
import { extractPdfText } from '../../src-main/reports/pdf/pdf-extract';
import { renderPdf } from '../../src-main/reports/pdf/render-pdf';
import { reportLabels } from '../../src-main/reports/report-labels';
import { pdfContents } from '../fixtures/pdf-contents';
import { appRoot, fixtureReportData, fontDir } from '../fixtures/report-fixture';

// The report's own Norwegian chart texts, as chart-blocks.ts gives them.
const labels = reportLabels('nb');
const texts = { withheld: labels.withheld, lights: labels.lights, axis: labels.scoreAxis, thresholds: labels.thresholds };
const [worse, better] = [
  { lower: 33, upper: 62, direction: 'higherIsWorse' },
  { lower: 50, upper: 75, direction: 'higherIsBetter' },
] as const;
const arabicLabel = 'ضغط العمل';
const ethiopicLabel = 'ናይ ስራሕ ጸቕጢ';

const rows: FactorScoreChartRow[] = [
  { label: 'Arbeidsmengde og tidspress', suppressed: false, score: 79, light: 'red', thresholds: worse },
  { label: 'Alenearbeid, kveld og natt', suppressed: false, score: 59, light: 'red', thresholds: better },
  { label: 'Støtte fra leder', suppressed: false, score: 60, light: 'yellow', thresholds: better },
  { label: 'Kolleger og fellesskap', suppressed: false, score: 82, light: 'green', thresholds: better },
  { label: 'Vold og trusler', suppressed: true, note: 'Skjult (for få svar)' },
  { label: arabicLabel, suppressed: false, score: 40, light: 'yellow', thresholds: better },
  { label: ethiopicLabel, suppressed: false, score: null, light: null, thresholds: better },
];

const scores = factorScoreChart(rows, { width: 700, texts, title: 'Skår per faktor', idPrefix: 'scores-1' });
const distribution = distributionChart(
  [
    { label: 'Har du for mye å gjøre?', options: [{ label: 'Aldri', count: 2 }, { label: 'Ofte', count: 5 }], notApplicable: 3 },
    { label: 'Får du hjelp?', suppressed: true },
  ],
  { width: 700, texts: { notApplicable: 'Ikke relevant', withheld: 'Skjult', noAnswers: 'Ingen svar', axis: 'Andel av svarene' }, title: 'Fordeling\n av  svarene ', idPrefix: 'dist-1' },
);

const groups = groupComparisonChart(
  {
    groups: ['Dagskift', 'Kveldsskift', 'Hele kartleggingen'],
    factors: [
      { label: 'Arbeidsmengde og tidspress', thresholds: worse, values: [{ suppressed: false, score: 80, light: 'red' }, { suppressed: true, note: 'Skjult gruppe' }, { suppressed: false, score: 20, light: 'green' }] },
      { label: 'Støtte fra leder', thresholds: better, values: [{ suppressed: false, score: 60, light: 'yellow' }, { suppressed: false, score: null, light: null }, { suppressed: false, score: 90, light: 'green' }] },
    ],
  },
  { width: 700, texts, title: 'Sammenligning mellom grupper', idPrefix: 'groups-1' },
);

function chartDocument(charts: ChartDrawing[]): ReportDocument {
  const file = path.join(appRoot, 'templates', 'reports', 'action-plan.json');
  const parsed = parseReportTemplate(readFileSync(file, 'utf8'), file);
  if (!parsed.ok) throw new Error('action-plan.json is not valid');
  const document = buildReportDocument(parsed.template, fixtureReportData());
  const blocks = charts.map((chart): ImageBlock => ({ kind: 'image', chart, width: 480, alt: chart.title ?? '', lang: 'nb' }));
  return { ...document, blocks };
}

/** Every shape of the drawing, groups opened; `moved` says whether a group moved it. */
function flatten(shapes: readonly ChartShape[], moved = false): { shape: ChartShape; moved: boolean }[] {
  return shapes.flatMap((shape) => (shape.kind === 'group' ? flatten(shape.shapes, moved || !!shape.at) : [{ shape, moved }]));
}

/** A number as pdfkit writes it. */
const pdfNumber = (value: number) => String(Math.round(value * 1e6) / 1e6);

let dir: string;
let pdf: Buffer;
let contents: string;
let text: string;

/** pdftotext gives the lam-alef ligature back as alef + lam (the glyph's order): both sides the same. */
const lamAlef = (value: string) => value.replace(/لا|ال/g, '«la»');

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'kartlegg-pdf-charts-'));
  pdf = await renderPdf(chartDocument([scores, distribution, groups]), loadReportFonts(fontDir));
  contents = pdfContents(pdf);
  const file = path.join(dir, 'charts.pdf');
  writeFileSync(file, pdf);
  text = lamAlef(
    execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
      .replace(/[\u200E\u200F\u202A-\u202E]/g, '')
      .replace(/\s+/g, ' '),
  );
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a chart in the PDF', () => {
  it('has every label as text: title, legend, factors, scores with their light, the withheld note, the axis', () => {
    for (const label of ['Skår per faktor', 'Grønn', 'Gul', 'Rød', 'Terskelverdier', 'Arbeidsmengde og tidspress', 'Støtte fra leder']) {
      expect(text).toContain(label);
    }
    for (const score of ['79 Rød', '59 Rød', '60 Gul', '82 Grønn', '40 Gul']) expect(text).toContain(score);
    expect(text).toContain('Skjult (for få svar)');
    expect(text).toMatch(/0 20 40 60 80 100/);
    expect(text).toContain('Skår 0–100');
    // Spaces as SVG shows them: the line break dropped, two spaces as one, in one line of text.
    expect(extractPdfText(pdf)).toContain('Fordeling av svarene');
    for (const label of ['Sammenligning mellom grupper', 'Dagskift', 'Kveldsskift', 'Hele kartleggingen', '80 Rød', 'Skjult gruppe', '90 Grønn']) expect(text).toContain(label);
    for (const label of ['Aldri', 'Ofte', 'Ikke relevant', 'Andel av svarene', 'Har du for mye å gjøre?']) expect(text).toContain(label);
  });

  it('sets Arabic and Ethiopic labels in their own fonts, readable as text', () => {
    expect(text).toContain(lamAlef(arabicLabel));
    expect(text).toContain(ethiopicLabel);
    const fonts = [...pdf.toString('latin1').matchAll(/\/BaseFont \/[A-Z]{6}\+([\w-]+)/g)].map((match) => match[1]);
    expect(new Set(fonts)).toEqual(new Set(['NotoSans-Regular', 'NotoSans-Bold', 'NotoSans-Italic', 'NotoSansArabic-Regular', 'NotoSansEthiopic-Regular']));
  });

  it('is drawn at the drawing\'s own coordinates, scaled to its width on the page', () => {
    // 700 chart units are 480 points.
    expect(contents).toContain(`${pdfNumber(480 / 700)} 0 0 ${pdfNumber(480 / 700)} 0 0 cm`);
    const rects = flatten(scores.shapes).filter((entry): entry is { shape: ChartRect; moved: boolean } => entry.shape.kind === 'rect' && !entry.moved);
    // The bars and bands of every row, each where the drawing has it.
    expect(rects.length).toBeGreaterThan(15);
    for (const { shape } of rects) {
      expect(contents).toContain(`${pdfNumber(shape.x)} ${pdfNumber(shape.y)} ${pdfNumber(shape.width)} ${pdfNumber(shape.height)} re`);
    }
    // The threshold lines are dashed 3 on, 2 off.
    expect(contents).toMatch(/\[3 2\] 0 d/);
  });

  it('fills the lights\' hatchings and the dots of "not applicable" with tiling patterns, made once per place', () => {
    const patterns = [...pdf.toString('latin1').matchAll(/\/PatternType 1[\s\S]*?\/Matrix \[([^\]]*)\]/g)].map((match) => match[1]);
    expect(contents).toContain('1.3 w 0 J 0 j 0 0 m 6 6 l 6 0 m 0 6 l S');
    expect(contents).toContain('2 w 0 J 0 j 0 0 m 0 6 l S');
    expect(contents).toMatch(/1\.6 2\.5 m [^m]* c h f/);
    // Yellow's hatching is turned 45 degrees.
    const scale = 480 / 700;
    const turned = (Math.SQRT1_2 * scale).toFixed(5);
    expect(patterns.some((matrix) => matrix.startsWith(`${Number(turned)} `))).toBe(true);
    // The bars in one chart share their pattern; the legend symbols and light markers, drawn moved,
    // have their own (as SVG ties a pattern to the shape's user space).
    const patterned = flatten([...scores.shapes, ...distribution.shapes, ...groups.shapes]).filter(({ shape }) => 'fill' in shape && typeof shape.fill === 'object');
    expect(patterns.length).toBeLessThan(patterned.length);
  });

  it('draws no SVG: no form objects, as svg-to-pdfkit made for its patterns', () => {
    expect(pdf.toString('latin1')).not.toMatch(/\/Subtype \/Form/);
  });
});
