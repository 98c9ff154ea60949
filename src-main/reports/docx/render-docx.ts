// The document model as a Word document (docx): real headings and a table of contents field, tables
// with header rows, charts as SVG with a PNG fallback, right-to-left paragraphs marked as such.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
  type ParagraphChild,
} from 'docx';
import { chartSvg } from '../../core/charts';
import {
  pageCountMark,
  pageNumberMark,
  type CellShade,
  type DocumentBlock,
  type ImageBlock,
  type LogoBlock,
  type ParagraphStyle,
  type ReportDocument,
  type TableBlock,
  type TextDirection,
  type TextRun as ModelRun,
} from '../model';
import { svgToPng } from './svg-png';

const twipsPerMillimetre = 1440 / 25.4;
/** docx sizes images in pixels at 96 per inch. */
const pixelsPerPoint = 96 / 72;
const pageTwips = { A4: { width: 11906, height: 16838 }, Letter: { width: 12240, height: 15840 } };
const rightToLeftText = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
const ethiopicText = /[\u1200-\u139F\u2D80-\u2DDF\uAB00-\uAB2F]/u;

const shadeFills: Record<Exclude<CellShade, 'none' | 'header'>, string> = {
  green: 'D3EAD9',
  low: 'D3EAD9',
  yellow: 'FAECB0',
  medium: 'FAECB0',
  red: 'F3C9C5',
  high: 'F3C9C5',
  muted: 'ECECEC',
};

/** Room between paragraphs and lines (twips; line in 240ths) and the sizes of the title and main
 * headings (half-points), as in the PDF: "compact" keeps the body text's size (see model.PageSetup). */
const spacings = {
  normal: { line: 276, rtlLine: 276, paragraphAfter: 120, subtitleAfter: 320, listItemAfter: 40, title: { size: 48, before: 480 }, heading1: { size: 32, before: 360 }, headingAfter: 120 },
  compact: { line: 264, rtlLine: 216, paragraphAfter: 100, subtitleAfter: 200, listItemAfter: 30, title: { size: 40, before: 0 }, heading1: { size: 28, before: 180 }, headingAfter: 80 },
} as const;
// rtlLine: Noto Sans Arabic's own line is 2.112 em against Noto Sans's 1.362, so a compact Arabic
// document is set at 0.9 of it, as the PDF sets its Arabic lines closer; the marks keep their room.

/** Half-points, as Word counts font sizes. */
const paragraphSizes: Record<ParagraphStyle, number> = { normal: 20, lead: 23, small: 17, quote: 20, subtitle: 26 };

interface Frame {
  doc: ReportDocument;
  spacing: (typeof spacings)[keyof typeof spacings];
  /** Width of the text area in twips. */
  contentWidth: number;
  /** A new number for each ordered list, so each starts at 1. */
  listInstance: number;
  /** The charts' PNG fallbacks, drawn beforehand, by SVG text. */
  fallbacks: ReadonlyMap<string, Buffer>;
}

/** Twice the drawn size, so the fallback stays sharp when printed. */
const fallbackScale = 2;

const colour = (hex: string) => hex.replace('#', '').toUpperCase();

/** Word and LibreOffice choose spelling and hyphenation by a language with its region. The regions
 * are where the app's users and their employees most likely write the language. */
const languageRegions: Record<string, string> = {
  nb: 'nb-NO',
  nn: 'nn-NO',
  no: 'nb-NO',
  en: 'en-GB',
  pl: 'pl-PL',
  lt: 'lt-LT',
  ro: 'ro-RO',
  uk: 'uk-UA',
  ar: 'ar-SA',
  so: 'so-SO',
  ti: 'ti-ER',
  es: 'es-ES',
};

export function wordLanguage(code: string): string {
  return code.includes('-') ? code : (languageRegions[code] ?? code);
}

/** Word picks the Arabic font for complex-script text by itself; Ethiopic needs naming, and so does
 * a fallback font for symbols and emoji (glyph-coverage.ts marks those runs). */
function textRuns(runs: readonly ModelRun[], options: { size?: number; bold?: boolean; colour?: string; lang: string } = { lang: 'nb' }): TextRun[] {
  return runs.flatMap((run) =>
    run.text.split('\n').map(
      (line, i) =>
        new TextRun({
          text: line,
          break: i > 0 ? 1 : undefined,
          bold: run.bold || options.bold,
          boldComplexScript: run.bold || options.bold,
          italics: run.italic,
          italicsComplexScript: run.italic,
          size: options.size,
          sizeComplexScript: options.size,
          color: options.colour,
          rightToLeft: run.dir === 'rtl' || rightToLeftText.test(line),
          language: { value: wordLanguage(run.lang ?? options.lang), bidirectional: wordLanguage(run.lang ?? options.lang) },
          ...(run.font
            ? { font: { ascii: run.font, hAnsi: run.font, cs: run.font, eastAsia: run.font } }
            : ethiopicText.test(line)
              ? { font: { ascii: 'Noto Sans Ethiopic', hAnsi: 'Noto Sans Ethiopic', cs: 'Noto Sans Ethiopic' } }
              : {}),
        }),
    ),
  );
}

interface TextOptions {
  size?: number;
  bold?: boolean;
  colour?: string;
  align?: 'start' | 'center' | 'end';
  after?: number;
  /** Word keeps a paragraph on the page of the next one: in every cell, a whole table together. */
  keepNext?: boolean;
}

function text(runs: readonly ModelRun[], dir: TextDirection, lang: string, options: TextOptions = {}): Paragraph {
  return new Paragraph({
    keepNext: options.keepNext,
    children: textRuns(runs, { ...options, lang }),
    bidirectional: dir === 'rtl',
    alignment: options.align === 'center' ? AlignmentType.CENTER : options.align === 'end' ? AlignmentType.END : undefined,
    spacing: { after: options.after ?? 60 },
  });
}

/** A chart's SVG, written once: its PNG fallback is found by it. */
const chartSvgs = new WeakMap<ImageBlock, string>();
function chartSvgOf(block: ImageBlock): string {
  let svg = chartSvgs.get(block);
  if (svg === undefined) {
    svg = chartSvg(block.chart);
    chartSvgs.set(block, svg);
  }
  return svg;
}

function imageRun(frame: Frame, svg: string, widthPoints: number, heightPoints: number, alt: string): ImageRun {
  const width = Math.round(widthPoints * pixelsPerPoint);
  const height = Math.round(heightPoints * pixelsPerPoint);
  return new ImageRun({
    type: 'svg',
    data: Buffer.from(svg, 'utf8'),
    transformation: { width, height },
    fallback: { type: 'png', data: frame.fallbacks.get(svg)! },
    altText: { name: alt, title: alt, description: alt },
  });
}

function imageParagraph(frame: Frame, block: ImageBlock): Paragraph {
  const maxPoints = frame.contentWidth / 20;
  const width = Math.min(block.width, maxPoints);
  return new Paragraph({
    children: [imageRun(frame, chartSvgOf(block), width, (width * block.chart.height) / block.chart.width, block.alt)],
    alignment: AlignmentType.CENTER,
    spacing: { before: 80, after: 160 },
  });
}

function logoParagraph(frame: Frame, block: LogoBlock): Paragraph {
  const run =
    block.format === 'svg'
      ? imageRun(frame, block.data, block.width, block.height, block.alt)
      : new ImageRun({
          type: 'png',
          data: Buffer.from(block.data, 'base64'),
          transformation: { width: Math.round(block.width * pixelsPerPoint), height: Math.round(block.height * pixelsPerPoint) },
          altText: { name: block.alt, title: block.alt, description: block.alt },
        });
  return new Paragraph({ children: [run], spacing: { after: 240 } });
}

function tableWidths(block: TableBlock, contentWidth: number): number[] {
  const total = block.columns.reduce((sum, column) => sum + column.width, 0);
  return block.columns.map((column) => Math.floor((contentWidth * column.width) / total));
}

const noBorder = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const gridBorder = { style: BorderStyle.SINGLE, size: 4, color: '8C959F' };

function tableElement(frame: Frame, block: TableBlock): FileChild[] {
  const widths = tableWidths(block, frame.contentWidth);
  const grid = block.layout === 'grid';
  const signatures = block.layout === 'signatures';
  const borders = grid
    ? { top: gridBorder, bottom: gridBorder, left: gridBorder, right: gridBorder, insideHorizontal: gridBorder, insideVertical: gridBorder }
    : { top: noBorder, bottom: noBorder, left: noBorder, right: noBorder, insideHorizontal: noBorder, insideVertical: noBorder };
  const rows: TableRow[] = [];
  const hasHeader = block.layout !== 'plain' && block.columns.some((column) => column.header.length);
  if (hasHeader) {
    rows.push(
      new TableRow({
        tableHeader: grid,
        cantSplit: true,
        children: block.columns.map(
          (column, i) =>
            new TableCell({
              width: { size: widths[i], type: WidthType.DXA },
              shading: grid ? { type: ShadingType.CLEAR, fill: colour(frame.doc.accentColour), color: 'auto' } : undefined,
              children: [
                text(column.header, block.dir, block.lang, {
                  bold: grid,
                  size: signatures ? 16 : 18,
                  colour: grid ? 'FFFFFF' : '3D4650',
                  align: column.align,
                  after: 0,
                  // The header row never stands alone at the foot of a page.
                  keepNext: true,
                }),
              ],
            }),
        ),
      }),
    );
  }
  for (const row of block.rows) {
    rows.push(
      new TableRow({
        // A row may split across pages unless the table is a small one read as a whole: a row taller
        // than a page that may not split is cut off.
        cantSplit: block.keepTogether,
        children: block.columns.map((column, i) => {
          const cell = row[i];
          const shade = cell?.shade && cell.shade !== 'none' && cell.shade !== 'header' ? shadeFills[cell.shade] : undefined;
          return new TableCell({
            width: { size: widths[i], type: WidthType.DXA },
            shading: shade ? { type: ShadingType.CLEAR, fill: shade, color: 'auto' } : undefined,
            borders: signatures && i > 0 ? { bottom: { style: BorderStyle.SINGLE, size: 6, color: '1B1F24' }, top: noBorder, left: noBorder, right: noBorder } : undefined,
            margins: { top: signatures ? 480 : 40, bottom: 40, left: 80, right: 80 },
            children: [text(cell?.runs ?? [], block.dir, block.lang, { size: grid ? 18 : 20, align: cell?.align ?? column.align, after: 0, keepNext: block.keepTogether })],
          });
        }),
      }),
    );
  }
  const table = new Table({
    rows,
    width: { size: frame.contentWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders,
    visuallyRightToLeft: block.dir === 'rtl',
  });
  const caption = block.caption ? [text([{ text: block.caption, bold: true }], block.dir, block.lang, { size: 18, after: 40 })] : [];
  return [...caption, table, new Paragraph({ children: [], spacing: { after: 120 } })];
}

function listParagraphs(frame: Frame, block: Extract<DocumentBlock, { kind: 'list' }>): Paragraph[] {
  const instance = ++frame.listInstance;
  return block.items.map(
    (item) =>
      new Paragraph({
        children: textRuns(item, { lang: block.lang, size: paragraphSizes.normal }),
        bidirectional: block.dir === 'rtl',
        numbering: { reference: block.ordered ? 'numbers' : 'bullets', level: 0, instance },
        spacing: { after: frame.spacing.listItemAfter },
      }),
  );
}

const headingLevels = [HeadingLevel.TITLE, HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;

function blockElements(frame: Frame, block: DocumentBlock): FileChild[] {
  switch (block.kind) {
    case 'heading':
      return [
        new Paragraph({
          heading: headingLevels[block.level],
          ...(block.level > 0 ? { outlineLevel: block.level - 1 } : {}),
          children: textRuns(block.runs, { lang: block.lang }),
          bidirectional: block.dir === 'rtl',
          keepNext: true,
        }),
      ];
    case 'paragraph': {
      const quote = block.style === 'quote';
      return [
        new Paragraph({
          children: textRuns(block.runs, { lang: block.lang, size: paragraphSizes[block.style], colour: block.style === 'small' || quote ? '3D4650' : undefined }),
          bidirectional: block.dir === 'rtl',
          indent: quote ? { start: 360 } : undefined,
          spacing: { after: block.style === 'subtitle' ? frame.spacing.subtitleAfter : frame.spacing.paragraphAfter },
        }),
      ];
    }
    case 'list':
      return listParagraphs(frame, block);
    case 'table':
      return tableElement(frame, block);
    case 'image':
      return [imageParagraph(frame, block)];
    case 'logo':
      return [logoParagraph(frame, block)];
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })];
    case 'toc':
      return [
        // Styled as a heading but not one: the contents would otherwise list themselves.
        new Paragraph({
          children: textRuns([{ text: block.title }], { lang: block.lang, size: 32, bold: true, colour: colour(frame.doc.accentColour) }),
          bidirectional: block.dir === 'rtl',
          spacing: { before: 360, after: 120 },
        }),
        new TableOfContents(block.title, { hyperlink: true, headingStyleRange: '1-2' }),
      ];
  }
}

/** Header or footer text with Word's page fields where the template put {page} and {pages}. */
function pageParagraph(template: string, dir: TextDirection, lang: string, draftMark: string | null): Paragraph {
  const children: ParagraphChild[] = [];
  if (draftMark) children.push(new TextRun({ text: `${draftMark}  `, bold: true, color: 'B42318', size: 16 }));
  for (const [i, piece] of template.split(pageCountMark).entries()) {
    if (i > 0) children.push(new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 16, color: '4A5560' }));
    for (const [j, part] of piece.split(pageNumberMark).entries()) {
      if (j > 0) children.push(new TextRun({ children: [PageNumber.CURRENT], size: 16, color: '4A5560' }));
      if (part) children.push(...textRuns([{ text: part }], { lang, size: 16, colour: '4A5560' }));
    }
  }
  return new Paragraph({ children, bidirectional: dir === 'rtl' });
}

/** Every SVG's PNG fallback at once: resvg draws them in parallel, off the main thread. */
async function drawFallbacks(doc: ReportDocument, contentWidth: number, fontDir: string): Promise<Map<string, Buffer>> {
  const pictures = new Map<string, number>();
  for (const block of doc.blocks) {
    if (block.kind === 'image') pictures.set(chartSvgOf(block), Math.min(block.width, contentWidth / 20) * pixelsPerPoint);
    if (block.kind === 'logo' && block.format === 'svg') pictures.set(block.data, block.width * pixelsPerPoint);
  }
  const drawn = await Promise.all([...pictures].map(async ([svg, width]) => [svg, await svgToPng(svg, width * fallbackScale, fontDir)] as const));
  return new Map(drawn);
}

export async function renderDocx(doc: ReportDocument, options: { fontDir: string }): Promise<Buffer> {
  const size = pageTwips[doc.page.size];
  const landscape = doc.page.orientation === 'landscape';
  const m = doc.page.margins;
  const pageWidth = landscape ? size.height : size.width;
  const contentWidth = Math.floor(pageWidth - (m.left + m.right) * twipsPerMillimetre);
  const spacing = spacings[doc.page.spacing ?? 'normal'];
  const frame: Frame = { doc, spacing, contentWidth, listInstance: 0, fallbacks: await drawFallbacks(doc, contentWidth, options.fontDir) };
  const accent = colour(doc.accentColour);
  const font = { ascii: 'Noto Sans', hAnsi: 'Noto Sans', cs: 'Noto Sans Arabic', eastAsia: 'Noto Sans' };
  // The outline level makes a heading a heading for Word's navigation and LibreOffice (which reads
  // the style's outline level, not its name): without it a converted document had no headings.
  const heading = (sizeHalfPoints: number, before: number, withAccent: boolean, outlineLevel?: number) => ({
    run: { font, size: sizeHalfPoints, sizeComplexScript: sizeHalfPoints, bold: true, boldComplexScript: true, color: withAccent ? accent : '1B1F24' },
    paragraph: { spacing: { before, after: spacing.headingAfter }, keepNext: true, ...(outlineLevel === undefined ? {} : { outlineLevel }) },
  });
  const document = new Document({
    title: doc.title,
    subject: doc.reportNumber,
    creator: 'Kartlegg',
    lastModifiedBy: 'Kartlegg',
    revision: doc.revision,
    features: { updateFields: true },
    styles: {
      default: {
        document: { run: { font, size: 20, sizeComplexScript: 20, language: { value: wordLanguage(doc.lang), bidirectional: wordLanguage(doc.lang) } }, paragraph: { spacing: { line: doc.dir === 'rtl' ? spacing.rtlLine : spacing.line, lineRule: LineRuleType.AUTO } } },
        title: heading(spacing.title.size, spacing.title.before, true),
        heading1: heading(spacing.heading1.size, spacing.heading1.before, true, 0),
        heading2: heading(26, 240, false, 1),
        heading3: heading(22, 200, false, 2),
      },
    },
    numbering: {
      config: [
        {
          reference: 'bullets',
          levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.START, style: { paragraph: { indent: { start: 360, hanging: 260 } } } }],
        },
        {
          reference: 'numbers',
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START, style: { paragraph: { indent: { start: 360, hanging: 300 } } } }],
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: size.width, height: size.height, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
            margin: {
              top: Math.round(m.top * twipsPerMillimetre),
              right: Math.round(m.right * twipsPerMillimetre),
              bottom: Math.round(m.bottom * twipsPerMillimetre),
              left: Math.round(m.left * twipsPerMillimetre),
              header: Math.round((m.top / 2) * twipsPerMillimetre),
              footer: Math.round((m.bottom / 2) * twipsPerMillimetre),
            },
          },
        },
        headers: { default: new Header({ children: [pageParagraph(doc.header, doc.dir, doc.lang, doc.draftMark)] }) },
        footers: { default: new Footer({ children: [pageParagraph(doc.footer, doc.dir, doc.lang, null)] }) },
        children: doc.blocks.flatMap((block) => blockElements(frame, block)),
      },
    ],
  });
  return Packer.toBuffer(document);
}
