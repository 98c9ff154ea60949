// The self-check's PDF reader: the glyphs of Tj and TJ, through the font's ToUnicode map, one
// piece of text per text object, read from the objects pdfkit writes.
import { expect, it } from 'vitest';
import { extractPdfText } from '../../src-main/reports/pdf/pdf-extract';

function pdfWith(content: string): Buffer {
  const cmap = 'begincmap\n2 beginbfchar\n<0001> <0048>\n<0002> <0069>\nendbfchar\n1 beginbfrange\n<0010> <0012> <0061>\nendbfrange\nendcmap';
  return Buffer.from(
    [
      '%PDF-1.3',
      '1 0 obj\n<< /Type /Page /Resources << /Font << /F1 2 0 R >> >> /Contents 4 0 R >>\nendobj',
      '2 0 obj\n<< /Type /Font /Subtype /Type0 /ToUnicode 3 0 R >>\nendobj',
      `3 0 obj\n<< /Length ${cmap.length} >>\nstream\n${cmap}\nendstream\nendobj`,
      `4 0 obj\n<< /Length ${content.length} >>\nstream\n${content}\nendstream\nendobj`,
      '%%EOF',
    ].join('\n'),
    'latin1',
  );
}

it('reads Tj and TJ through the ToUnicode map, four hex digits a glyph, one piece per text object', () => {
  const content = [
    'BT /F1 12 Tf 1 0 0 1 72 700 Tm [<00010002> -250 <00100011> 40.5 <0012>] TJ ET',
    'BT /F1 12 Tf <0002000100> Tj ET',
    // Not hex: no glyphs; an unknown glyph code: nothing.
    'BT /F1 12 Tf [<00zz> 10 <0099> <0001>] TJ ET',
  ].join('\n');
  expect(extractPdfText(pdfWith(content))).toEqual(['Hiabc', 'iH', 'H']);
});
