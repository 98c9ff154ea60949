// Small constructors for document blocks, so the built-in blocks read as what they show.
import type {
  CellShade,
  DocumentBlock,
  HeadingBlock,
  ParagraphBlock,
  ParagraphStyle,
  TableBlock,
  TableCell,
  TableColumn,
  TextRun,
} from '../model';
import type { ReportContext } from '../report-context';

/** What a built-in block writes into: the context and a counter for heading anchors. */
export interface BlockWriter {
  context: ReportContext;
  push(...blocks: DocumentBlock[]): void;
  heading(level: HeadingBlock['level'], runs: TextRun[] | string): void;
  /** A prefix unique in the document, for the ids inside an inlined SVG. */
  nextId(name: string): string;
}

export const runs = (text: string, look: Omit<TextRun, 'text'> = {}): TextRun[] => (text ? [{ text, ...look }] : []);

export function paragraph(context: ReportContext, content: TextRun[] | string, style: ParagraphStyle = 'normal'): ParagraphBlock {
  return { kind: 'paragraph', style, runs: typeof content === 'string' ? runs(content) : content, lang: context.language, dir: context.dir };
}

export function cell(content: TextRun[] | string, shade?: CellShade, align?: TableCell['align']): TableCell {
  const cellRuns = typeof content === 'string' ? runs(content) : content;
  return { runs: cellRuns, ...(shade ? { shade } : {}), ...(align ? { align } : {}) };
}

export function column(header: string, width: number, align?: TableColumn['align']): TableColumn {
  return { header: runs(header), width, ...(align ? { align } : {}) };
}

export function table(
  context: ReportContext,
  columns: TableColumn[],
  rows: TableCell[][],
  options: { caption?: string; layout?: TableBlock['layout']; keepTogether?: boolean } = {},
): TableBlock {
  return {
    kind: 'table',
    columns,
    rows,
    layout: options.layout ?? 'grid',
    keepTogether: options.keepTogether ?? options.layout === 'signatures',
    ...(options.caption ? { caption: options.caption } : {}),
    lang: context.language,
    dir: context.dir,
  };
}

/** A title and a text under it in one cell: bold first line, then the details. */
export function titled(title: string, ...details: (string | null | undefined)[]): TextRun[] {
  const rest = details.filter((detail): detail is string => !!detail && detail.trim() !== '');
  return [{ text: title, bold: true }, ...rest.map((detail) => ({ text: `\n${detail}` }))];
}
