// The SVG charts: well-formed standalone documents, every label there, withheld results without numbers, text escaped.
import { DOMParser, type Element as XmlElement } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import {
  distributionChartSvg,
  distributionChartRows,
  factorScoreChartRows,
  factorScoreChartSvg,
  groupComparisonChartData,
  groupComparisonChartSvg,
  type FactorScoreChartRow,
  type ScoreChartTexts,
} from '../../src-main/core/charts';
import { escapeXml, wrapText } from '../../src-main/core/charts/svg';
import { chartSvg } from '../../src-main/core/charts/drawing';
import { scoreAssessment } from '../../src-main/core/scoring';
import { buildGuide, consensus, groupInterview, notApplicable, tally } from './fixtures/scoring-guide';

const texts: ScoreChartTexts = {
  withheld: 'Skjult (for få svar)',
  lights: { green: 'Grønn', yellow: 'Gul', red: 'Rød' },
  axis: 'Skår (0–100)',
  thresholds: 'Terskler',
};
const worse = { lower: 33.3, upper: 66.7, direction: 'higherIsWorse' } as const;

/** Parses the SVG strictly: any well-formedness error, even one the parser could recover from, fails. */
function parse(svg: string): XmlElement {
  // xmldom lets a bare "&" and control characters through; XML does not, nor do Word and resvg.
  expect(svg.match(/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[\da-fA-F]+);)/g)).toBeNull();
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  expect(svg).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
  const problems: string[] = [];
  const document = new DOMParser({
    onError: (level, message) => {
      problems.push(`${level}: ${message}`);
    },
  }).parseFromString(svg, 'image/svg+xml');
  expect(problems).toEqual([]);
  return document.documentElement as unknown as XmlElement;
}

const elements = (root: XmlElement, name: string): XmlElement[] => Array.from(root.getElementsByTagName(name)) as XmlElement[];
const texts_ = (root: XmlElement): string[] => elements(root, 'text').map((t) => t.textContent ?? '');
const rowsOf = (root: XmlElement): XmlElement[] => elements(root, 'g').filter((g) => g.getAttribute('class') === 'chart-row');

/** The checks every chart must pass to be used as a file in a report. */
function expectStandaloneSvg(svg: string): XmlElement {
  expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  const root = parse(svg);
  expect(root.tagName).toBe('svg');
  expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
  const width = Number(root.getAttribute('width'));
  const height = Number(root.getAttribute('height'));
  expect(width).toBeGreaterThan(0);
  expect(height).toBeGreaterThan(0);
  expect(root.getAttribute('viewBox')).toBe(`0 0 ${width} ${height}`);
  expect(root.getAttribute('font-family')).toMatch(/^'Noto Sans'/);
  // Nothing outside the file: no links, images, scripts, styles, or url() other than to its own ids.
  for (const name of ['image', 'script', 'style', 'foreignObject', 'a', 'use']) expect(elements(root, name)).toEqual([]);
  expect(svg).not.toMatch(/href=/);
  expect(svg.match(/url\([^)]*\)/g)?.every((ref) => /^url\(#[\w-]+\)$/.test(ref)) ?? true).toBe(true);
  expect(svg.replace('http://www.w3.org/2000/svg', '')).not.toMatch(/https?:|file:/);
  // Every number is a plain number: no NaN or Infinity from a division by zero.
  expect(svg).not.toMatch(/NaN|Infinity/);
  return root;
}

const rows: FactorScoreChartRow[] = [
  { label: 'Arbeidsmengde og tid', suppressed: false, score: 57.5, light: 'yellow', thresholds: worse },
  { label: 'Støtte fra leder', suppressed: false, score: 80, light: 'green', thresholds: { ...worse, direction: 'higherIsBetter' } },
  { label: 'Vold og trusler', suppressed: false, score: 30, light: 'red', thresholds: { lower: 10, upper: 25, direction: 'higherIsWorse' } },
  { label: 'Trakassering', suppressed: true },
  { label: 'Opplæring', suppressed: false, score: null, light: null, thresholds: worse },
];

describe('the well-formedness check itself', () => {
  it.each([
    ['a bare ampersand', '<svg><text>a & b</text></svg>'],
    ['a bare <', '<svg><text>a < b</text></svg>'],
    ['a < in an attribute', '<svg a="<"/>'],
    ['an unclosed element', '<svg><g></svg>'],
    ['a control character', '<svg>\u0001</svg>'],
    ['two roots', '<svg/><svg/>'],
  ])('refuses %s', (_, xml) => {
    expect(() => parse(xml)).toThrow();
  });
});

describe('factorScoreChartSvg', () => {
  const svg = factorScoreChartSvg(rows, { texts, title: 'Faktorskårer', description: 'Skår per faktor', language: 'nb' });
  const root = expectStandaloneSvg(svg);

  it('has one row per factor, with its label, rounded score and light name', () => {
    const drawn = rowsOf(root);
    expect(drawn).toHaveLength(rows.length);
    expect(texts_(drawn[0])).toEqual(['Arbeidsmengde og tid', '58 Gul']);
    expect(texts_(drawn[1])).toEqual(['Støtte fra leder', '80 Grønn']);
    expect(texts_(drawn[2])).toEqual(['Vold og trusler', '30 Rød']);
    expect(texts_(drawn[4])).toEqual(['Opplæring', '–']);
  });

  it('shows a withheld factor by its note only: no bar, no band, no number', () => {
    const withheld = rowsOf(root)[3];
    expect(texts_(withheld)).toEqual(['Trakassering', 'Skjult (for få svar)']);
    expect(elements(withheld, 'rect')).toEqual([]);
    expect(elements(withheld, 'line')).toEqual([]);
    expect(withheld.textContent).not.toMatch(/\d/);
  });

  it('gives each light a different pattern and shape, not only a colour', () => {
    const fills = ['yellow', 'green', 'red'].map((_, i) => elements(rowsOf(root)[i], 'rect').find((r) => r.getAttribute('stroke'))!.getAttribute('fill'));
    expect(new Set(fills).size).toBe(3);
    expect(fills.filter((fill) => fill!.startsWith('url(#'))).toHaveLength(2);
    const shapes = [0, 1, 2].map((i) => elements(rowsOf(root)[i], 'path')[0].getAttribute('d'));
    expect(new Set(shapes).size).toBe(3);
  });

  it('marks the thresholds with dashed lines and names them in the legend', () => {
    expect(elements(rowsOf(root)[0], 'line').filter((l) => l.getAttribute('stroke-dasharray'))).toHaveLength(2);
    expect(texts_(root)).toEqual(expect.arrayContaining(['Grønn', 'Gul', 'Rød', 'Terskler', 'Skår (0–100)', '0', '100']));
  });

  it('carries the title, description and language', () => {
    expect(elements(root, 'title')[0].textContent).toBe('Faktorskårer');
    expect(elements(root, 'desc')[0].textContent).toBe('Skår per faktor');
    expect(root.getAttribute('xml:lang')).toBe('nb');
  });

  it('formats scores for the locale', () => {
    const english = parse(factorScoreChartSvg([{ label: 'A', suppressed: false, score: 57.5, light: 'yellow' }], { texts, locale: 'en' }));
    expect(texts_(rowsOf(english)[0])).toContain('58 Gul');
  });

  it('draws an empty chart without error', () => {
    expectStandaloneSvg(factorScoreChartSvg([], { texts }));
  });
});

describe('text in the charts', () => {
  const tricky = 'Tom & Jerry\'s <"ulv"> & co';

  it('is escaped, and reads back exactly', () => {
    const svg = factorScoreChartSvg([{ label: tricky, suppressed: true, note: '<skjult & "borte">' }], {
      texts: { ...texts, lights: { green: '<g>', yellow: '&y', red: '"r"' } },
      title: 'A < B & "C"',
    });
    const root = expectStandaloneSvg(svg);
    expect(texts_(root)).toEqual(expect.arrayContaining([tricky, '<skjult & "borte">', '<g>', '&y', '"r"', 'A < B & "C"']));
    expect(svg).not.toContain('<skjult');
  });

  it('drops characters XML cannot hold', () => {
    expect(escapeXml('a\u0001b\u0000c')).toBe('abc');
    expect(escapeXml('x\uD800y')).toBe('x\uFFFDy');
    expect(escapeXml('😀')).toBe('😀');
  });

  it('wraps long labels and ends a cut one with an ellipsis', () => {
    const lines = wrapText('one two three four five six seven eight nine ten eleven twelve', 60, 12, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1].endsWith('…')).toBe(true);
    expect(wrapText('short', 200, 12, 3)).toEqual(['short']);
    expect(wrapText('Uavbruttordsomerforlangtilénlinje', 60, 12, 5).join('')).toBe('Uavbruttordsomerforlangtilénlinje');
  });
});

describe('distributionChartSvg', () => {
  const svg = distributionChartSvg(
    [
      {
        label: 'Har du for mye å gjøre?',
        options: ['Aldri', 'Sjelden', 'Noen ganger', 'Ofte', 'Alltid'].map((label, i) => ({ label, count: [0, 3, 2, 6, 1][i] })),
        notApplicable: 3,
      },
      {
        label: 'Får du tatt pausene dine?',
        options: ['Helt uenig', 'Uenig', 'Verken eller', 'Enig', 'Helt enig'].map((label, i) => ({ label, count: [1, 0, 0, 0, 4][i] })),
        notApplicable: 0,
      },
      { label: 'Ingen har svart', options: ['Aldri', 'Sjelden', 'Noen ganger', 'Ofte', 'Alltid'].map((label) => ({ label, count: 0 })), notApplicable: 0 },
      { label: 'Skjult spørsmål', suppressed: true },
    ],
    { texts: { notApplicable: 'Ikke relevant', withheld: 'Skjult (for få svar)', noAnswers: 'Ingen svar', axis: 'Andel av svarene' }, title: 'Svarfordeling' },
  );
  const root = expectStandaloneSvg(svg);

  it('stacks a segment per chosen option and for not applicable, with the counts', () => {
    const [first, second] = rowsOf(root);
    expect(elements(first, 'rect')).toHaveLength(5); // Sjelden, Noen ganger, Ofte, Alltid, Ikke relevant
    expect(texts_(first)).toEqual(['Har du for mye å gjøre?', '3', '2', '6', '1', '3']);
    expect(texts_(second)).toEqual(['Får du tatt pausene dine?', '1', '4']);
    const widths = elements(first, 'rect').map((r) => Number(r.getAttribute('width')));
    expect(widths[2] / widths[0]).toBeCloseTo(2, 1);
  });

  it('lists each scale once in the legend, and not applicable', () => {
    const all = texts_(root);
    for (const label of ['Aldri', 'Alltid', 'Helt uenig', 'Helt enig', 'Ikke relevant']) expect(all.filter((t) => t === label)).toHaveLength(1);
    expect(all).toEqual(expect.arrayContaining(['0\u00a0%', '100\u00a0%', 'Andel av svarene']));
  });

  it('says so for an item nobody answered, and shows a withheld one without numbers', () => {
    const [, , empty, withheld] = rowsOf(root);
    expect(texts_(empty)).toEqual(['Ingen har svart', 'Ingen svar']);
    expect(texts_(withheld)).toEqual(['Skjult spørsmål', 'Skjult (for få svar)']);
    expect(withheld.textContent).not.toMatch(/\d/);
  });
});

describe('groupComparisonChartSvg', () => {
  const svg = groupComparisonChartSvg(
    {
      groups: ['Hele kartleggingen', 'Dagskift', 'Kveldsskift'],
      factors: [
        {
          label: 'Arbeidsmengde',
          thresholds: worse,
          values: [
            { suppressed: false, score: 57.5, light: 'yellow' },
            { suppressed: true, note: 'Skjult (ville avsløre en annen gruppe)' },
            { suppressed: true },
          ],
        },
        { label: 'Støtte', values: [{ suppressed: false, score: 12.4, light: 'red' }, { suppressed: false, score: null, light: null }, { suppressed: true }] },
      ],
    },
    { texts, title: 'Gruppesammenligning' },
  );
  const root = expectStandaloneSvg(svg);

  it('shows every group beside each factor, withheld groups with their reason and no number', () => {
    const [first, second] = rowsOf(root);
    const cells = (row: XmlElement) => elements(row, 'g').filter((g) => g.getAttribute('class') === 'chart-cell').map(texts_);
    expect(texts_(first)[0]).toBe('Arbeidsmengde');
    expect(cells(first)).toEqual([
      ['Hele kartleggingen', '58 Gul'],
      ['Dagskift', 'Skjult (ville avsløre en annen gruppe)'],
      ['Kveldsskift', 'Skjult (for få svar)'],
    ]);
    expect(cells(second)).toEqual([['Hele kartleggingen', '12 Rød'], ['Dagskift', '–'], ['Kveldsskift', 'Skjult (for få svar)']]);
    const withheldCells = elements(first, 'g').filter((g) => g.getAttribute('class') === 'chart-cell').slice(1);
    for (const cell of withheldCells) {
      expect(cell.textContent).not.toMatch(/\d/);
      expect(elements(cell, 'rect')).toEqual([]);
    }
  });
});

describe('chart data from an assessment result', () => {
  const guide = buildGuide([
    { id: 'support', direction: 'higherIsBetter', thresholds: { lower: 50, upper: 70 }, items: ['support.colleagues', 'support.leader', { id: 'support.alone', reverse: true }] },
  ]);
  const result = scoreAssessment(guide, [
    groupInterview('day', 'Day shift', 6, {
      'support.colleagues': consensus(4, 6),
      'support.leader': tally({ 2: 1, 3: 2, 4: 2, 5: 1 }),
      'support.alone': tally({ 1: 1, 2: 2, 3: 1, 4: 1 }),
    }),
    groupInterview('evening', 'Evening shift', 3, {
      'support.colleagues': consensus(2, 3),
      'support.leader': consensus(3, 3),
      'support.alone': notApplicable,
    }),
  ]);

  // Evening is too small, and the total would give both shifts' consensus blocks away (docs/scoring.md,
  // rule 7.4): the total is withheld and Day shift shown.
  const day = result.groups[0].factors;

  it('takes the factor titles, scores, lights and thresholds', () => {
    expect(factorScoreChartRows(guide, day, 'en')).toEqual([
      { label: 'support', thresholds: { lower: 50, upper: 70, direction: 'higherIsBetter' }, suppressed: false, score: 67.5, light: 'yellow' },
    ]);
    expect(factorScoreChartRows(guide, result.factors, 'en')).toMatchObject([{ label: 'support', suppressed: true }]);
  });

  it('keeps withheld groups withheld, with the note for their reason', () => {
    const data = groupComparisonChartData(
      guide,
      [{ label: 'Total', factors: result.factors }, ...result.groups.map((g) => ({ label: g.group, factors: g.factors }))],
      'nb',
      (reason) => (reason === 'revealsWithheldGroup' ? 'reveals' : undefined),
    );
    expect(data.groups).toEqual(['Total', 'Day shift', 'Evening shift']);
    expect(data.factors[0].values).toEqual([
      { suppressed: true, note: 'reveals' },
      { suppressed: false, score: 67.5, light: 'yellow' },
      { suppressed: true, note: undefined },
    ]);
  });

  it('labels the distribution with the item texts and the scale', () => {
    const shown = day[0];
    if (shown.suppressed) throw new Error('expected Day shift to be shown');
    const distribution = distributionChartRows(guide, shown, 'nb');
    expect(distribution[0]).toEqual({
      label: 'support.colleagues',
      options: [1, 2, 3, 4, 5].map((value) => ({ label: `Verdi ${value}`, count: value === 4 ? 6 : 0 })),
      notApplicable: 0,
    });
    expect(distribution[2]).toMatchObject({ label: 'support.alone', notApplicable: 0 });
  });
});

describe('a chart drawing written as SVG', () => {
  it('leaves a path without a fill unfilled, as the PDF draws it (SVG would fill it black)', () => {
    const svg = chartSvg({
      width: 20,
      height: 20,
      idPrefix: 'c',
      patterns: [],
      shapes: [
        { kind: 'path', d: 'M2 2L18 2L18 18Z', stroke: { colour: '#c0392b', width: 1 } },
        { kind: 'path', d: 'M2 2L18 18L2 18Z', fill: '#2e7d32' },
      ],
    });
    const paths = new DOMParser().parseFromString(svg, 'image/svg+xml').getElementsByTagName('path');
    expect([paths[0].getAttribute('fill'), paths[1].getAttribute('fill')]).toEqual(['none', '#2e7d32']);
  });
});
