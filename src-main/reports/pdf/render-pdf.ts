// The document model as a PDF, with pdfmake: Noto fonts embedded as subsets, charts as vectors,
// right-to-left text laid out by pdf-text.ts. Never reads a URL or any file but the cached fonts.
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { fontFamilies, type FontStyle, type ReportFonts } from '../fonts';
import { loadPdfmake } from '../report-libraries';
import {
  pageCountMark,
  pageNumberMark,
  type CellShade,
  type DocumentBlock,
  type ImageBlock,
  type ReportDocument,
  type TableBlock,
  type TextDirection,
  type TextRun,
  type TocBlock,
} from '../model';
import { bidiLines, ltrInlines, needsBidi, type PdfInline } from './pdf-text';
import { teachPdfmakeCharts, type PdfChart } from './pdf-chart';
import { svgForPdf, svgTextStyles } from './pdf-svg';
import { installContentWriteShortcut } from './content-write-shortcut';
import { fontLayoutShortcutInstalled, installFontLayoutShortcut } from './font-layout-shortcut';
import { installInlineMergeShortcut } from './inline-merge-shortcut';
import { installStyleLookupShortcut } from './style-lookup-shortcut';
import { linkWrittenStreams } from './written-streams';

const pointsPerMillimetre = 72 / 25.4;
const pageSizes = { A4: { width: 595.28, height: 841.89 }, Letter: { width: 612, height: 792 } };
const bodySize = 10;
const cellPadding = 4;

const shades: Record<Exclude<CellShade, 'none' | 'header'>, string> = {
  green: '#d3ead9',
  low: '#d3ead9',
  yellow: '#faecb0',
  medium: '#faecb0',
  red: '#f3c9c5',
  high: '#f3c9c5',
  muted: '#ececec',
};

const textStyles = {
  title: { size: 24, bold: true },
  h1: { size: 16, bold: true },
  h2: { size: 13, bold: true },
  h3: { size: 11, bold: true },
  subtitle: { size: 13, bold: false },
  lead: { size: 11.5, bold: false },
  normal: { size: bodySize, bold: false },
  small: { size: 8.5, bold: false },
  quote: { size: bodySize, bold: false },
} as const;

/** Room between blocks and lines, and the sizes of the title and main headings. "compact" is for a
 * summary that must fit one page (the employees' summary with the guide's rights list): the body
 * text keeps its 10 points, so a worker with reading glasses reads it as easily as the formal report. */
interface Spacing {
  titleSize: number;
  titleMargin: number[];
  h1Size: number;
  h1Margin: number[];
  subtitleAfter: number;
  paragraphAfter: number;
  listItemAfter: number;
  listAfter: number;
  lineHeight: number;
  /** Noto Sans Arabic's line is 2.112 em high against Noto Sans's 1.362: at the same line height an
   * Arabic text had half again as much space between its lines, and the employees' summary ran onto
   * a second page. A line with Arabic is set closer, still with room for the marks. */
  arabicLineHeight: number;
}

const spacings: Record<'normal' | 'compact', Spacing> = {
  normal: {
    titleSize: textStyles.title.size,
    titleMargin: [0, 24, 0, 10],
    h1Size: textStyles.h1.size,
    h1Margin: [0, 14, 0, 6],
    subtitleAfter: 16,
    paragraphAfter: 6,
    listItemAfter: 3,
    listAfter: 8,
    lineHeight: 1.2,
    arabicLineHeight: 0.9,
  },
  // The page's top margin is room enough above the title.
  compact: {
    titleSize: 20,
    titleMargin: [0, 0, 0, 6],
    h1Size: 14,
    h1Margin: [0, 9, 0, 4],
    subtitleAfter: 10,
    paragraphAfter: 5,
    listItemAfter: 2,
    listAfter: 5,
    lineHeight: 1.15,
    arabicLineHeight: 0.86,
  },
};

let configuredFor: ReportFonts | null = null;

/** What pdfmake asks of its in-memory file system when it opens a font. */
interface FontFileSystem {
  existsSync(name: string): boolean;
  readFileSync(name: string): Buffer;
  writeFileSync(name: string): never;
}

/**
 * pdfmake is one shared object: its file system is the report fonts, each read when a document
 * first uses it, and it may never fetch a URL or read a file. The fonts are filed under their
 * PostScript names because pdfkit, which sets an SVG's text itself, asks for a font by the name
 * pdfmake's font table gives, and finds it among the fonts the document already has under that
 * same name.
 */
function configure(fonts: ReportFonts): void {
  if (configuredFor === fonts) return;
  const files: FontFileSystem = {
    existsSync: (name) => fonts.names.includes(name),
    readFileSync: (name) => {
      const data = fonts.file(name);
      if (!data) throw new Error(`"${name}" is not one of the report fonts`);
      return data;
    },
    writeFileSync: (name) => {
      throw new Error(`The PDF renderer may not store "${name}": it reads the report fonts only`);
    },
  };
  const pdfmake = loadPdfmake();
  (pdfmake as unknown as { virtualfs: FontFileSystem }).virtualfs = files;
  pdfmake.setFonts(Object.fromEntries(fontFamilies.map((family) => [family, fonts.table[family]])));
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  installed.styleLookup = installStyleLookupShortcut();
  installed.contentWrite = installContentWriteShortcut();
  installed.fontLayout = installFontLayoutShortcut();
  installed.inlineMerge = installInlineMergeShortcut();
  // The PDFs are the same without them (only slower), so a library update that no longer matches
  // a shortcut is told, not refused.
  const refused = Object.keys(installed).filter((name) => !installed[name as keyof typeof installed]);
  if (refused.length) console.warn(`[pdf] shortcuts not installed (library source changed?): ${refused.join(', ')}`);
  configuredFor = fonts;
}

/** Which of the PDF shortcuts render installs are on their library (see each module). */
const installed = { styleLookup: false, contentWrite: false, fontLayout: false, inlineMerge: false };

/** The PDF shortcuts installed so far; the font layout's is known once a PDF has opened a font. */
export function pdfShortcutsInstalled(): Record<keyof typeof installed, boolean> {
  return { ...installed, fontLayout: installed.fontLayout && fontLayoutShortcutInstalled() === true };
}

/** A pdfmake node as built here; pdfmake's own types are too narrow for nodes built in steps. */
type PdfNode = Record<string, unknown>;

interface Frame {
  fonts: ReportFonts;
  doc: ReportDocument;
  /** Width of the text area in points. */
  contentWidth: number;
  /** Height of the text area in points. */
  contentHeight: number;
  spacing: Spacing;
}

/** Text of a paragraph or cell in a box `room` points wide: pdfmake's own breaking for
 * left-to-right text, this module's for text with right-to-left parts. */
function textContent(frame: Frame, runs: readonly TextRun[], dir: TextDirection, room: number, size: number, extra: PdfNode = {}): PdfNode {
  if (!needsBidi(runs, dir)) {
    return { text: ltrInlines(runs, frame.fonts), fontSize: size, ...extra };
  }
  const lines = bidiLines(runs, dir, room, size, frame.fonts);
  const alignment = dir === 'rtl' ? 'right' : 'left';
  // A line this module broke must never be broken again by pdfmake (a measure's first word alone on
  // the next line): should pdfmake measure a line a little wider than fontkit did, the line may
  // reach into the ragged side's margin instead.
  const margin = dir === 'rtl' ? [-lineTolerance, 0, 0, 0] : [0, 0, -lineTolerance, 0];
  return { stack: lines.map((line) => ({ text: line.length ? line : ' ', fontSize: size, alignment, margin, ...lineHeightFor(frame, line) })), ...extra };
}

/** A line with Arabic is set closer than the rest (see Spacing.arabicLineHeight). */
function lineHeightFor(frame: Frame, line: readonly PdfInline[]): { lineHeight?: number } {
  return line.some((piece) => piece.font === 'Noto Sans Arabic') ? { lineHeight: frame.spacing.arabicLineHeight } : {};
}

/** Points a pre-broken line may run over its box (see textContent). */
const lineTolerance = 8;

/** A generous estimate of the height of text in a box `room` points wide: unbreakable blocks taller
 * than a page lose everything after the first page in pdfmake, so only short ones are kept whole. */
function estimatedHeight(frame: Frame, runs: readonly TextRun[], room: number, size: number): number {
  const text = runs.map((run) => run.text).join('');
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    const width = frame.fonts.advance(paragraph, 'Noto Sans', 'bold', size);
    lines += Math.max(1, Math.ceil((width * 1.1) / Math.max(20, room)));
  }
  return lines * size * 1.5;
}

function rowHeight(frame: Frame, cells: readonly (readonly TextRun[])[], widths: readonly number[], size: number): number {
  return Math.max(0, ...cells.map((cellRuns, i) => estimatedHeight(frame, cellRuns, widths[i] ?? 50, size))) + 2 * cellPadding;
}

const heavy = (runs: readonly TextRun[]): TextRun[] => runs.map((run) => ({ ...run, bold: true }));

function tableWidths(block: TableBlock, contentWidth: number): number[] {
  const total = block.columns.reduce((sum, column) => sum + column.width, 0);
  const lines = block.layout === 'grid' ? block.columns.length + 1 : 0;
  const room = contentWidth - block.columns.length * 2 * cellPadding - lines * 0.5 - 1;
  return block.columns.map((column) => Math.floor((room * column.width) / total));
}

function alignment(align: 'start' | 'center' | 'end' | undefined, dir: TextDirection): 'left' | 'right' | 'center' {
  if (align === 'center') return 'center';
  const start = dir === 'rtl' ? 'right' : 'left';
  const end = dir === 'rtl' ? 'left' : 'right';
  return align === 'end' ? end : start;
}

function tableContent(frame: Frame, block: TableBlock): PdfNode {
  const widths = tableWidths(block, frame.contentWidth);
  // Right-to-left tables read from the right: the first column is drawn last.
  const order = block.dir === 'rtl' ? [...block.columns.keys()].reverse() : [...block.columns.keys()];
  const size = block.layout === 'grid' ? 9 : bodySize;
  const body: PdfNode[][] = [];
  const hasHeader = block.layout !== 'plain' && block.columns.some((column) => column.header.length);
  if (hasHeader) {
    const signatures = block.layout === 'signatures';
    body.push(
      order.map((i) => {
        const column = block.columns[i];
        const cell = textContent(frame, signatures ? column.header : heavy(column.header), block.dir, widths[i], signatures ? 8 : size, {
          alignment: alignment(column.align, block.dir),
        });
        return signatures ? cell : { ...cell, fillColor: frame.doc.accentColour, color: '#ffffff' };
      }),
    );
  }
  for (const row of block.rows) {
    body.push(
      order.map((i) => {
        const cell = row[i];
        const column = block.columns[i];
        const content = textContent(frame, cell?.runs ?? [], block.dir, widths[i], size, { alignment: alignment(cell?.align ?? column.align, block.dir) });
        if (block.layout === 'signatures') {
          return i === 0 ? { ...content, margin: [0, 22, 0, 0] } : { ...content, text: ' ', margin: [0, 22, 0, 0], border: [false, false, false, true] };
        }
        const shade = cell?.shade;
        return shade && shade !== 'none' && shade !== 'header' ? { ...content, fillColor: shades[shade] } : content;
      }),
    );
  }
  // Rows split across pages: a row taller than a page kept whole would lose all but its first page.
  // The header row repeats, and takes the first row with it when that row is short, so it never
  // stands alone at the foot of a page.
  const headerRows = hasHeader && block.layout === 'grid' ? 1 : 0;
  const firstRow = block.rows[0] ? rowHeight(frame, block.rows[0].map((cell) => cell?.runs ?? []), widths, size) : 0;
  const keepFirstRow = headerRows && firstRow > 0 && firstRow < frame.contentHeight / 3;
  const tableHeight = block.keepTogether
    ? block.rows.reduce((sum, row) => sum + rowHeight(frame, row.map((cell) => cell?.runs ?? []), widths, size), 0) + (hasHeader ? rowHeight(frame, block.columns.map((c) => c.header), widths, size) : 0)
    : Infinity;
  const table: PdfNode = {
    table: { headerRows, ...(keepFirstRow ? { keepWithHeaderRows: 1 } : {}), widths: order.map((i) => widths[i]), body },
    layout:
      block.layout === 'grid'
        ? { hLineWidth: () => 0.5, vLineWidth: () => 0.5, hLineColor: () => '#8c959f', vLineColor: () => '#8c959f' }
        : block.layout === 'signatures'
          ? { hLineWidth: () => 0.8, vLineWidth: () => 0, paddingLeft: () => cellPadding, paddingRight: () => 12 }
          : 'noBorders',
    margin: [0, 2, 0, 10],
    ...(tableHeight < frame.contentHeight * 0.8 ? { unbreakable: true } : {}),
  };
  if (!block.caption) return table;
  return { stack: [textContent(frame, [{ text: block.caption, bold: true }], block.dir, frame.contentWidth, 9, { margin: [0, 4, 0, 2] }), table] };
}

/** A chart, drawn by pdf-chart.ts into the box of an "svg" node. */
function imageContent(frame: Frame, block: ImageBlock): PdfNode {
  const width = Math.min(block.width, frame.contentWidth);
  const chart: PdfChart = { chart: block.chart, fonts: frame.fonts };
  return { svg: chart, width, height: (width * block.chart.height) / block.chart.width, alignment: 'center', margin: [0, 4, 0, 10] };
}

function tocContent(frame: Frame, block: TocBlock): PdfNode {
  const title = textContent(frame, [{ text: block.title, bold: true }], block.dir, frame.contentWidth, textStyles.h1.size, {
    color: frame.doc.accentColour,
    margin: [0, 0, 0, 8],
  });
  if (block.dir === 'rtl') {
    // pdfmake's table of contents cannot lay out right-to-left text; a plain list of the headings.
    return { stack: [title, ...block.entries.map((entry) => textContent(frame, [{ text: entry.text }], 'rtl', frame.contentWidth - 12 * entry.level, bodySize))] };
  }
  return { toc: { title, numberStyle: { bold: false } }, margin: [0, 0, 0, 12] };
}

function listContent(frame: Frame, block: Extract<DocumentBlock, { kind: 'list' }>): PdfNode {
  const indent = 16;
  const gap = 4;
  if (!block.items.some((item) => needsBidi(item, block.dir))) {
    const items = block.items.map((item) => ({ text: ltrInlines(item, frame.fonts), margin: [0, 0, 0, frame.spacing.listItemAfter] }));
    const margin = [0, 0, 0, frame.spacing.listAfter];
    return block.ordered ? { ol: items, margin } : { ul: items, margin };
  }
  // pdfmake puts markers on the left; a right-to-left list has them on the right, in a column of
  // their own. "1." goes through the bidi layout too, so its dot faces the text (".1" in Arabic).
  const rtl = block.dir === 'rtl';
  return {
    stack: block.items.map((item, i) => {
      const text: PdfNode = { ...textContent(frame, item, block.dir, frame.contentWidth - indent - gap, bodySize), width: '*' };
      // A space in each font of the item's first line gives the marker's line the same height and
      // baseline: an Arabic line sits lower than a Latin one.
      const firstLine = ((text.stack as PdfNode[] | undefined)?.[0]?.text ?? []) as PdfInline[] | string;
      const struts = [...new Set(typeof firstLine === 'string' ? [] : firstLine.map((piece) => piece.font))].map((font) => ({ text: ' ', font }));
      const markerText = block.ordered ? bidiLines([{ text: `${i + 1}.` }], block.dir, indent, bodySize, frame.fonts)[0] : [{ text: '•', font: 'Noto Sans' }];
      const marker = {
        text: rtl ? [...struts, ...markerText] : [...markerText, ...struts],
        width: indent,
        alignment: rtl ? 'right' : 'left',
        fontSize: bodySize,
        ...(struts.some((strut) => strut.font === 'Noto Sans Arabic') ? { lineHeight: frame.spacing.arabicLineHeight } : {}),
      };
      // The marker's line is lower than an Arabic line: split, the marker stayed alone at the foot
      // of the page and its text went on to the next. An item is kept whole unless it is too tall.
      const short = estimatedHeight(frame, item, frame.contentWidth - indent - gap, bodySize) < frame.contentHeight * 0.8;
      return { columns: rtl ? [text, marker] : [marker, text], columnGap: gap, margin: [0, 0, 0, frame.spacing.listItemAfter], ...(short ? { unbreakable: true } : {}) };
    }),
    margin: [0, 0, 0, frame.spacing.listAfter],
  };
}

function blockContent(frame: Frame, block: DocumentBlock): PdfNode {
  const { doc, contentWidth } = frame;
  switch (block.kind) {
    case 'heading': {
      const { spacing } = frame;
      const style = block.level === 0 ? textStyles.title : block.level === 1 ? textStyles.h1 : block.level === 2 ? textStyles.h2 : textStyles.h3;
      const styleSize = block.level === 0 ? spacing.titleSize : block.level === 1 ? spacing.h1Size : style.size;
      const margin = block.level === 0 ? spacing.titleMargin : block.level === 1 ? spacing.h1Margin : [0, 10, 0, 4];
      // A title with a very long client name shrinks until it takes at most a third of the page:
      // pdfmake cut a cover title taller than a page.
      const size = block.level === 0 ? fittingSize(frame, block.runs, contentWidth, styleSize, minimumTitleSize, frame.contentHeight / 3) : styleSize;
      const content = textContent(frame, heavy(block.runs), block.dir, contentWidth, size, {
        color: block.level <= 1 ? doc.accentColour : '#1b1f24',
        margin,
        headlineLevel: block.level + 1,
        id: block.anchor,
      });
      if (block.level === 1 || block.level === 2) {
        Object.assign(content, { tocItem: true, tocMargin: [(block.level - 1) * 14, block.level === 1 ? 3 : 0, 0, 0], tocStyle: { bold: block.level === 1, fontSize: 9.5 }, tocNumberStyle: { fontSize: 9.5 } });
      }
      return content;
    }
    case 'paragraph': {
      const style = textStyles[block.style === 'quote' ? 'quote' : block.style];
      const quote = block.style === 'quote';
      const indent = quote ? 18 : 0;
      return textContent(frame, block.runs, block.dir, contentWidth - indent, style.size, {
        margin: quote ? (block.dir === 'rtl' ? [0, 0, indent, 6] : [indent, 0, 0, 6]) : [0, 0, 0, block.style === 'subtitle' ? frame.spacing.subtitleAfter : frame.spacing.paragraphAfter],
        color: block.style === 'small' || quote ? '#3d4650' : '#1b1f24',
      });
    }
    case 'list':
      return listContent(frame, block);
    case 'table':
      return tableContent(frame, block);
    case 'image':
      return imageContent(frame, block);
    case 'logo':
      return block.format === 'png'
        ? ({ image: `data:image/png;base64,${block.data}`, width: block.width, height: block.height, margin: [0, 0, 0, 12] })
        : ({ svg: svgForPdf(block.data), width: block.width, height: block.height, font: 'Noto Sans', margin: [0, 0, 0, 12] });
    case 'pageBreak':
      return { text: '', pageBreak: 'after' };
    case 'toc':
      return tocContent(frame, block);
  }
}

/** Spaces in each style of Noto Sans the document's SVG logo draws text in, placed out of the flow:
 * pdfmake loads a font when text uses it, and an SVG's text can only use fonts the document has
 * loaded (see configure). Only those: opening a style decodes its shaping tables, a tenth of a
 * second each. (The charts are not SVG in the PDF: they open the fonts they use themselves.) */
function fontPreload(doc: ReportDocument): PdfNode {
  const svgs = doc.blocks.flatMap((block) => (block.kind === 'logo' && block.format === 'svg' ? [block.data] : []));
  const styles = new Set<FontStyle>(['normal', ...svgs.flatMap((svg) => svgTextStyles(svgForPdf(svg)))]);
  const space = (style: FontStyle) => ({ text: ' ', ...(style === 'bold' || style === 'bolditalics' ? { bold: true } : {}), ...(style === 'italics' || style === 'bolditalics' ? { italics: true } : {}) });
  return { text: [...styles].map(space), fontSize: 1, absolutePosition: { x: 0, y: 0 } };
}

const minimumTitleSize = 10;
const pageTextSize = 8;
const minimumPageTextSize = 6;

/** The largest size from `size` down to `minimum` at which the text fits `height`; `minimum` when none does. */
function fittingSize(frame: Frame, runs: readonly TextRun[], room: number, size: number, minimum: number, height: number): number {
  let fitted = size;
  while (fitted > minimum && estimatedHeight(frame, runs, room, fitted) > height) fitted = Math.max(minimum, fitted - 1);
  return fitted;
}

/** The page header's or footer's runs, with the widest page numbers it can have. */
function pageRuns(template: string, page: string, pages: string, draftMark: string | null = null): TextRun[] {
  const text = template.split(pageNumberMark).join(page).split(pageCountMark).join(pages);
  return [...(draftMark ? [{ text: `${draftMark}  `, bold: true }] : []), ...(text.trim() ? [{ text }] : [])];
}

interface PageTextFit {
  size: number;
  /** Points the text needs, at that size. */
  height: number;
}

/** A header or footer with a very long client name wraps over several lines in a smaller size, and
 * its margin grows to hold them, so no word of it is lost under the page's text. */
function fitPageText(frame: Frame, template: string, draftMark: string | null, usual: number): PageTextFit {
  const runs = pageRuns(template, '9999', '9999', draftMark);
  if (!runs.length) return { size: pageTextSize, height: 0 };
  const size = fittingSize(frame, runs, frame.contentWidth, pageTextSize, minimumPageTextSize, usual);
  return { size, height: estimatedHeight(frame, runs, frame.contentWidth, size) };
}

/** Header or footer text with the page numbers filled in; a draft's header starts with its mark, as
 * in the DOCX, so the mark is also there as plain text and not only as the (rotated) watermark. */
function pageText(frame: Frame, template: string, page: number, pages: number, margin: number[], size: number, draftMark: string | null = null): PdfNode {
  const runs = pageRuns(template, String(page), String(pages), draftMark);
  if (runs.length === 0) return { text: '' };
  const width = frame.contentWidth;
  return textContent(frame, runs, frame.doc.dir, width, size, { margin, color: '#4a5560', alignment: frame.doc.dir === 'rtl' ? 'right' : 'left' });
}

/** The space after the last block would start an empty page when the text ends at the page's foot. */
function withoutTrailingSpace(nodes: PdfNode[]): PdfNode[] {
  const last = nodes[nodes.length - 1];
  if (last && Array.isArray(last.margin) && last.margin.length === 4) nodes[nodes.length - 1] = { ...last, margin: [...(last.margin as number[]).slice(0, 3), 0] };
  return nodes;
}

export async function renderPdf(doc: ReportDocument, fonts: ReportFonts, options: { createdAt?: Date } = {}): Promise<Buffer> {
  configure(fonts);
  teachPdfmakeCharts();
  fonts.prepareShaping();
  const size = pageSizes[doc.page.size];
  const landscape = doc.page.orientation === 'landscape';
  const pageWidth = landscape ? size.height : size.width;
  const pageHeight = landscape ? size.width : size.height;
  const m = doc.page.margins;
  const margins = [m.left, m.top, m.right, m.bottom].map((mm) => mm * pointsPerMillimetre) as [number, number, number, number];
  const spacing = spacings[doc.page.spacing ?? 'normal'];
  const sizing: Frame = { fonts, doc, spacing, contentWidth: pageWidth - margins[0] - margins[2], contentHeight: pageHeight - margins[1] - margins[3] };
  // The header starts halfway into the top margin, the footer 8 points below the text; either may
  // take more room than its margin has only when it holds a very long name: the margin grows.
  const headerTop = margins[1] / 2 - 6;
  const header = fitPageText(sizing, doc.header, doc.draftMark, margins[1] - headerTop - 4);
  const footer = fitPageText(sizing, doc.footer, null, margins[3] - 12);
  margins[1] = Math.max(margins[1], headerTop + header.height + 4);
  margins[3] = Math.max(margins[3], 8 + footer.height + 4);
  const frame: Frame = { ...sizing, contentHeight: pageHeight - margins[1] - margins[3] };
  const definition: TDocumentDefinitions = {
    pageSize: doc.page.size === 'A4' ? 'A4' : 'LETTER',
    pageOrientation: doc.page.orientation,
    pageMargins: margins,
    info: {
      title: doc.title,
      subject: doc.reportNumber,
      creator: 'Kartlegg',
      producer: 'Kartlegg',
      ...(options.createdAt ? { creationDate: options.createdAt } : {}),
    },
    language: doc.lang,
    defaultStyle: { font: 'Noto Sans', fontSize: bodySize, lineHeight: spacing.lineHeight },
    header: (page, pages) => pageText(frame, doc.header, page, pages, [margins[0], headerTop, margins[2], 0], header.size, doc.draftMark) as unknown as Content,
    footer: (page, pages) => pageText(frame, doc.footer, page, pages, [margins[0], 8, margins[2], 0], footer.size) as unknown as Content,
    ...(doc.draftMark ? { watermark: { text: doc.draftMark, opacity: 0.08, bold: true, font: 'Noto Sans' } } : {}),
    content: [fontPreload(doc), ...withoutTrailingSpace(doc.blocks.map((block) => blockContent(frame, block)))] as unknown as Content[],
    // A heading never ends a page: it moves on to the page its text is on.
    pageBreakBefore: (node, nodes) => !!node.headlineLevel && node.headlineLevel > 1 && nodes.getFollowingNodesOnPage().length === 0,
  };
  const output = loadPdfmake().createPdf(definition);
  const pdf = await output.getBuffer();
  // getStream() gives the pdfkit document the buffer was written from (the same promise, resolved).
  linkWrittenStreams(await output.getStream(), pdf);
  return pdf;
}
