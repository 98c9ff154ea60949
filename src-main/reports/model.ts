// The document model both renderers draw: a tree of headings, paragraphs of runs, lists, tables,
// charts, page breaks and a table of contents. Plain data, no Node: the UI's preview renders it too.
import type { ChartDrawing } from '../core/charts';

export type TextDirection = 'ltr' | 'rtl';

/** A piece of text with one look; "\n" in it breaks the line. `lang` and `dir` are set where the run
 * differs from its block. */
export interface TextRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  lang?: string;
  dir?: TextDirection;
  /** A fallback font the text needs because the report's text fonts lack its characters (symbols,
   * emoji), e.g. "Noto Emoji"; set by glyph-coverage.ts. */
  font?: string;
}

/** Common to every block that holds text: its language and reading direction. */
interface TextBlockBase {
  lang: string;
  dir: TextDirection;
}

export interface HeadingBlock extends TextBlockBase {
  kind: 'heading';
  /** 0 is the document's title (cover), 1–3 the outline levels the table of contents lists. */
  level: 0 | 1 | 2 | 3;
  runs: TextRun[];
  /** A stable anchor for the table of contents, e.g. "h-4". */
  anchor: string;
}

export type ParagraphStyle = 'normal' | 'lead' | 'small' | 'quote' | 'subtitle';

export interface ParagraphBlock extends TextBlockBase {
  kind: 'paragraph';
  style: ParagraphStyle;
  runs: TextRun[];
}

export interface ListBlock extends TextBlockBase {
  kind: 'list';
  ordered: boolean;
  items: TextRun[][];
}

/** A cell's shade stands for a level (traffic light, risk level); renderers add a pattern or the
 * cell's text carries the level in words, never the colour alone. */
export type CellShade = 'none' | 'header' | 'green' | 'yellow' | 'red' | 'low' | 'medium' | 'high' | 'muted';

export interface TableCell {
  runs: TextRun[];
  shade?: CellShade;
  align?: 'start' | 'center' | 'end';
}

export interface TableColumn {
  header: TextRun[];
  /** Relative width; the renderer shares the text width out in proportion. */
  width: number;
  align?: 'start' | 'center' | 'end';
}

export interface TableBlock extends TextBlockBase {
  kind: 'table';
  columns: TableColumn[];
  rows: TableCell[][];
  /** Read out before the table and shown above it. */
  caption?: string;
  /** Signature lines and key–value facts have no header row and no grid. */
  layout: 'grid' | 'plain' | 'signatures';
  /** A small table read as a whole (a risk matrix, signatures) is not split over two pages. */
  keepTogether: boolean;
}

export interface ImageBlock {
  kind: 'image';
  /** The chart's drawing: PDF draws it as vectors, DOCX embeds it as SVG with a PNG fallback. */
  chart: ChartDrawing;
  /** Points (1/72 inch) at which the chart's own width is drawn; the height keeps the aspect ratio. */
  width: number;
  /** Alternative text, in the block's language. */
  alt: string;
  lang: string;
}

/** The consultancy's logo on the cover. PNG bytes are base64 so the model stays JSON. */
export interface LogoBlock {
  kind: 'logo';
  format: 'png' | 'svg';
  /** Base64 for PNG, the SVG text for SVG. */
  data: string;
  /** Points. */
  width: number;
  height: number;
  alt: string;
}

export interface PageBreakBlock {
  kind: 'pageBreak';
}

export interface TocEntry {
  level: 1 | 2 | 3;
  text: string;
  anchor: string;
}

export interface TocBlock extends TextBlockBase {
  kind: 'toc';
  title: string;
  entries: TocEntry[];
}

export type DocumentBlock =
  | HeadingBlock
  | ParagraphBlock
  | ListBlock
  | TableBlock
  | ImageBlock
  | LogoBlock
  | PageBreakBlock
  | TocBlock;

export interface PageSetup {
  size: 'A4' | 'Letter';
  orientation: 'portrait' | 'landscape';
  /** Millimetres. */
  margins: { top: number; right: number; bottom: number; left: number };
  /** "compact": smaller headings and less room between blocks and lines, for a summary that must
   * fit one page; body text keeps its size. Absent: the usual spacing. */
  spacing?: 'compact';
}

export interface ReportDocument {
  /** The document's title for the file's properties. */
  title: string;
  /** The report's number, e.g. "3F2A9C1B-2", deterministic per assessment and revision. */
  reportNumber: string;
  revision: number;
  /** BCP 47 code of the main language. */
  lang: string;
  dir: TextDirection;
  page: PageSetup;
  /** Headers and footers are text, with "{page}" and "{pages}" replaced by each renderer. */
  header: string;
  footer: string;
  /** "#RRGGBB": headings and table headers. */
  accentColour: string;
  /** Where the text is not the issued revision's (a preview of unissued changes), e.g. "UTKAST". */
  draftMark: string | null;
  blocks: DocumentBlock[];
}

/** The marks a renderer replaces in header and footer. */
export const pageNumberMark = '{page}';
export const pageCountMark = '{pages}';

/** A character no report font has, replaced in the rendered files (see glyph-coverage.ts). */
export interface ReplacedCharacter {
  /** The character as written, e.g. "🫨". */
  character: string;
  /** "U+1FAE8". */
  codePoint: string;
  /** What the report shows instead. */
  replacement: string;
  /** How often it was replaced. */
  count: number;
}
