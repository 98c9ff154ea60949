// Right-to-left text for the PDF: lines broken to fit, words in visual order with their spaces,
// each Arabic word handed to fontkit in logical order (it turns it round and joins the letters
// itself); and the chart SVG adapted to what pdfkit's SVG reader understands.
import type * as Fontkit from 'fontkit';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { loadReportFonts } from '../../src-main/reports/fonts';
import { bidiLines, ltrInlines, needsBidi, type PdfInline } from '../../src-main/reports/pdf/pdf-text';
import { svgForPdf, svgTextStyles } from '../../src-main/reports/pdf/pdf-svg';
import { fontDir } from '../fixtures/report-fixture';

const fonts = loadReportFonts(fontDir);
const words = (line: PdfInline[]) => line.map((inline) => inline.text);

describe('right-to-left lines', () => {
  it('puts the words of an Arabic line right to left, spaces kept, each word as written', () => {
    const [line, ...rest] = bidiLines([{ text: 'حجم العمل والوقت' }], 'rtl', 400, 10, fonts);
    expect(rest).toEqual([]);
    expect(words(line)).toEqual(['والوقت', ' ', 'العمل', ' ', 'حجم']);
    expect(line.every((inline) => inline.font === 'Noto Sans Arabic')).toBe(true);
  });

  it('keeps a left-to-right name in its own order inside Arabic, in its own font', () => {
    const [line] = bidiLines([{ text: 'بيئة العمل في Øst AS' }], 'rtl', 400, 10, fonts);
    expect(words(line)).toEqual(['Øst', ' ', 'AS', ' ', 'في', ' ', 'العمل', ' ', 'بيئة']);
    expect(line[0].font).toBe('Noto Sans');
  });

  it('mirrors brackets and keeps numbers left to right', () => {
    const [line] = bidiLines([{ text: 'ممثل السلامة (verneombud) 12' }], 'rtl', 400, 10, fonts);
    expect(line.map((inline) => inline.text).join('')).toBe('12 (verneombud) السلامة ممثل');
  });

  it('breaks a long paragraph into lines that fit, the first words on the first line', () => {
    const text = 'تحدثنا مع خمسة عشر شخصًا عن بيئة العمل. شكرًا لأنكم أخبرتمونا عن يوم عملكم. لم نكتب أي أسماء.';
    const lines = bidiLines([{ text }], 'rtl', 120, 10, fonts);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) {
      const width = line.reduce((sum, inline) => sum + fonts.measure(inline.text, inline.font, 'normal', 10), 0);
      expect(width).toBeLessThanOrEqual(120);
    }
    // The rightmost word of the first line is the first word of the text.
    expect(lines[0][lines[0].length - 1].text).toBe('تحدثنا');
    expect(lines.flatMap(words).filter((w) => w.trim()).length).toBe(text.split(' ').length);
  });

  it('keeps bold and a new line where the runs have them', () => {
    const lines = bidiLines([{ text: 'ماذا', bold: true }, { text: ' وجدنا\nسطر' }], 'rtl', 400, 10, fonts);
    expect(lines.map(words)).toEqual([['وجدنا', ' ', 'ماذا'], ['سطر']]);
    expect(lines[0][2].bold).toBe(true);
  });
});

describe('left-to-right text', () => {
  it('needs no reordering, and takes each script’s font', () => {
    expect(needsBidi([{ text: 'Blåbær ÆØÅ Łódź Київ' }], 'ltr')).toBe(false);
    expect(needsBidi([{ text: 'Arabisk: حجم' }], 'ltr')).toBe(true);
    expect(ltrInlines([{ text: 'Tigrinja: ብዝሒ ስራሕ' }], fonts)).toEqual([
      { text: 'Tigrinja: ', font: 'Noto Sans' },
      { text: 'ብዝሒ ስራሕ', font: 'Noto Sans Ethiopic' },
    ]);
  });

  it('joins characters of one font and look across runs, and starts a piece where either changes', () => {
    const runs = [{ text: 'Stress ' }, { text: 'høy', bold: true }, { text: ' ✓ 😀 ' }, { text: 'igjen', italic: true }, { text: ' ሰላም', italic: true }];
    expect(ltrInlines(runs, fonts)).toEqual([
      { text: 'Stress ', font: 'Noto Sans' },
      { text: 'høy', font: 'Noto Sans', bold: true },
      { text: ' ', font: 'Noto Sans' },
      { text: '✓', font: 'Noto Sans Symbols 2' },
      { text: ' ', font: 'Noto Sans' },
      { text: '😀', font: 'Noto Emoji' },
      { text: ' ', font: 'Noto Sans' },
      { text: 'igjen ', font: 'Noto Sans', italics: true },
      { text: 'ሰላም', font: 'Noto Sans Ethiopic', italics: true },
    ]);
    expect(ltrInlines([], fonts)).toEqual([]);
  });

  it('cuts the same pieces as grouping the characters one by one, for random runs of every script', () => {
    /** The pieces by definition: each character's font (after the one before it), consecutive characters of one font and look joined. */
    const expected = (runs: { text: string; bold?: boolean; italic?: boolean }[]) => {
      const pieces: PdfInline[] = [];
      let family: ReturnType<typeof fonts.familyFor> | undefined;
      for (const run of runs) {
        for (const char of run.text) {
          family = fonts.familyFor(char, family);
          const look = { font: family, ...(run.bold ? { bold: true } : {}), ...(run.italic ? { italics: true } : {}) };
          const last = pieces[pieces.length - 1];
          if (last && last.font === look.font && !!last.bold === !!look.bold && !!last.italics === !!look.italics) last.text += char;
          else pieces.push({ text: char, ...look });
        }
      }
      return pieces;
    };
    const chars = [...'Ab æøå 1,2. –«»\u00a0\tሰላም✓😀\u{1F600}ÆØ'].concat(['\ud800', '\udc00', 'x\u0301']);
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 400; round++) {
      const runs = Array.from({ length: random(5) }, () => ({
        text: Array.from({ length: random(9) }, () => chars[random(chars.length)]).join(''),
        ...(random(3) === 0 ? { bold: true } : {}),
        ...(random(4) === 0 ? { italic: true } : {}),
      }));
      expect(ltrInlines(runs, fonts)).toEqual(expected(runs));
    }
  });
});

describe('chart SVG for the PDF', () => {
  it('draws a haloed label as halo then text, and names bold so pdfkit finds it', () => {
    const svg = '<svg><text x="1" font-weight="700" fill="#000" stroke="#fff" stroke-width="3" stroke-linejoin="round" paint-order="stroke">47 Gul</text></svg>';
    expect(svgForPdf(svg)).toBe(
      '<svg><text x="1" font-weight="bold" stroke="#fff" stroke-width="3" stroke-linejoin="round" fill="none">47 Gul</text>' +
        '<text x="1" font-weight="bold" fill="#000">47 Gul</text></svg>',
    );
  });

  it('names the font styles its text is drawn in, bold and italic taken from the elements around a text', () => {
    expect(svgTextStyles('<svg font-family="Noto Sans"><text>a</text><text font-weight="bold">b</text><rect/></svg>').sort()).toEqual(['bold', 'normal']);
    expect(svgTextStyles('<svg><g font-style="italic"><text>a</text><text font-weight="bold">b</text></g></svg>').sort()).toEqual(['bolditalics', 'italics']);
    expect(svgTextStyles('<svg><text style="font-weight: 700">a<tspan style="font-style:italic">b</tspan></text></svg>').sort()).toEqual(['bold', 'bolditalics']);
    expect(svgTextStyles('<svg><rect width="4" height="4"/></svg>')).toEqual([]);
  });

  it('names every style for an SVG it cannot follow, so no text misses its font', () => {
    expect(svgTextStyles('<svg></g><text>a</text></svg>').sort()).toEqual(['bold', 'bolditalics', 'italics', 'normal']);
    expect(svgTextStyles('<svg><g><text>a</text></svg>').sort()).toEqual(['bold', 'bolditalics', 'italics', 'normal']);
  });
});

describe('report fonts', () => {
  // pdfkit opens every font anew for every document, from the bytes the fonts module read.
  const fontkit = createRequire(import.meta.url)('fontkit') as typeof Fontkit;
  type Tables = { GSUB: unknown; GPOS: unknown };

  it("decodes a report font's shaping tables once for every Font opened from its bytes", () => {
    expect(fonts.covers('a')).toBe(true);
    const bytes = fonts.file('NotoSans-Bold')!;
    const first = fontkit.create(bytes) as Fontkit.Font;
    const second = fontkit.create(bytes) as Fontkit.Font;
    expect(second).not.toBe(first);
    expect((second as unknown as Tables).GSUB).toBe((first as unknown as Tables).GSUB);
    expect((second as unknown as Tables).GPOS).toBe((first as unknown as Tables).GPOS);
    expect(second.layout('Kartlegging AVTALE').advanceWidth).toBe(first.layout('Kartlegging AVTALE').advanceWidth);
  });

  it('decodes other bytes as before, to the same widths', () => {
    const bytes = fonts.file('NotoSans-Bold')!;
    const shared = fontkit.create(bytes) as Fontkit.Font;
    const own = fontkit.create(Buffer.from(bytes)) as Fontkit.Font;
    expect((own as unknown as Tables).GPOS).not.toBe((shared as unknown as Tables).GPOS);
    expect(own.layout('Kartlegging AVTALE').advanceWidth).toBe(shared.layout('Kartlegging AVTALE').advanceWidth);
  });

  it('reads no file for a name that is not a report font', () => {
    expect(fonts.file('../../package')).toBeUndefined();
  });
});
