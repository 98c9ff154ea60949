// Template + report data → the document model: walks the sections, fills in the placeholders, asks
// the conditions and lets the built-in blocks write their part. Pure and deterministic.
import { AppError } from '../core/errors';
import { fitLogo } from '../core/logo';
import { approvals, guideItems, legalBasis, participants, signatures } from './blocks/assessment-blocks';
import { cell, column, paragraph, runs, table, type BlockWriter } from './blocks/block-kit';
import { factorChart } from './blocks/chart-blocks';
import { keyFindings, keyMeasures, readingGuide, riskScales } from './blocks/formal-blocks';
import { factorDetails, factorTable, groupComparison, itemDistribution, priorComparison } from './blocks/result-blocks';
import { actionPlan, findingsTable, keyFactors, measureList, riskMatrix } from './blocks/risk-blocks';
import { factorGuidance } from './blocks/guidance-blocks';
import { rightsInfo } from './blocks/rights-blocks';
import { conditionHolds } from './conditions';
import type { DocumentBlock, HeadingBlock, LogoBlock, ReportDocument, TextRun, TocBlock } from './model';
import { reportNumber } from './placeholders';
import { createReportContext, type ReportContext, type ReportData } from './report-context';
import type { ReportBlock, ReportTemplate, TemplateText } from './template';
import { plainText, renderTemplateText } from './template-text';

const logoHeight = 48;
const logoMaxWidth = 200;
const defaultAccent = '#1f4e79';

export interface BuildOptions {
  /** One of the template's languages; default its first. */
  language?: string;
}

/** The template's text in the report's language, with its placeholders filled in. */
function fill(context: ReportContext, text: TemplateText): TextRun[] {
  const source = typeof text === 'string' ? text : (text[context.language] ?? '');
  return renderTemplateText(source, context);
}

function logoBlock(context: ReportContext): LogoBlock | null {
  const logo = context.data.branding.logo;
  if (!logo) return null;
  // Always inside the box, whatever shape got past the check (an older setting, a converted file).
  const size = fitLogo(logo, logoMaxWidth, logoHeight);
  return { kind: 'logo', format: logo.format, data: logo.data, ...size, alt: context.data.branding.consultancyName };
}

function writeBlock(writer: BlockWriter, block: ReportBlock): void {
  const { context } = writer;
  switch (block.type) {
    case 'heading':
      return writer.heading(block.level, fill(context, block.text));
    case 'title': {
      const logo = block.logo ? logoBlock(context) : null;
      if (logo) writer.push(logo);
      writer.heading(0, fill(context, block.text));
      if (block.subtitle) writer.push(paragraph(context, fill(context, block.subtitle), 'subtitle'));
      return;
    }
    case 'paragraph':
      return writer.push(paragraph(context, fill(context, block.text), block.style));
    case 'list':
      return writer.push({
        kind: 'list',
        ordered: block.ordered,
        items: block.items.map((item) => fill(context, item)).filter((item) => plainText(item).trim() !== ''),
        lang: context.language,
        dir: context.dir,
      });
    case 'facts': {
      const rows = block.rows
        .map((row) => ({ label: fill(context, row.label), value: fill(context, row.value) }))
        .filter((row) => plainText(row.value).trim() !== '');
      if (rows.length) {
        writer.push(
          table(context, [column('', 2), column('', 5)], rows.map((row) => [cell(row.label.map((r) => ({ ...r, bold: true }))), cell(row.value)]), {
            layout: 'plain',
            keepTogether: true,
          }),
        );
      }
      return;
    }
    case 'when': {
      const holds = conditionHolds(block.condition, context) !== block.not;
      for (const inner of holds ? block.blocks : (block.otherwise ?? [])) writeBlock(writer, inner);
      return;
    }
    case 'pageBreak':
      return writer.push({ kind: 'pageBreak' });
    case 'tableOfContents':
      return writer.push({ kind: 'toc', title: plainText(fill(context, block.title)), entries: [], lang: context.language, dir: context.dir });
    case 'fillIn':
      return writer.push(paragraph(context, [...fill(context, block.label), { text: ' ________________________________________' }]));
    case 'factorTable':
      return factorTable(writer);
    case 'factorChart':
      return factorChart(writer, block.title ? plainText(fill(context, block.title)) : undefined);
    case 'factorDetails':
      return factorDetails(writer, block);
    case 'itemDistribution':
      return itemDistribution(writer, block);
    case 'groupComparison':
      return groupComparison(writer, block);
    case 'priorComparison':
      return priorComparison(writer);
    case 'riskMatrix':
      return riskMatrix(writer);
    case 'findingsTable':
      return findingsTable(writer);
    case 'actionPlan':
      return actionPlan(writer);
    case 'participants':
      return participants(writer);
    case 'legalBasis':
      return legalBasis(writer);
    case 'signatures':
      return signatures(writer, block.roles.map((role) => plainText(fill(context, role))));
    case 'approvals':
      return approvals(writer);
    case 'guideItems':
      return guideItems(writer);
    case 'keyFactors':
      return keyFactors(writer, block.lights, fill(context, block.empty), block.layout);
    case 'measureList':
      return measureList(
        writer,
        {
          empty: fill(context, block.empty),
          overdue: block.overdue ? fill(context, block.overdue) : undefined,
          more: block.more ? () => fill(context, block.more!) : undefined,
        },
        block.max,
      );
    case 'keyFindings':
      return keyFindings(writer, block.max);
    case 'keyMeasures':
      return keyMeasures(writer, block.max);
    case 'readingGuide':
      return readingGuide(writer);
    case 'riskScales':
      return riskScales(writer);
    case 'rightsInfo':
      return rightsInfo(writer);
    case 'factorGuidance':
      return factorGuidance(writer);
  }
}

export function templateLanguage(template: ReportTemplate, requested?: string): string {
  const language = requested ?? template.languages[0].code;
  if (!template.languages.some((entry) => entry.code === language)) {
    throw new AppError(
      'bad_request',
      `The template "${template.id}" has no texts in "${language}"; it has ${template.languages.map((entry) => entry.code).join(', ')}.`,
      [{ path: 'language', message: `not one of the template's languages`, key: 'templateLanguage' }],
    );
  }
  return language;
}

export function buildReportDocument(template: ReportTemplate, data: ReportData, options: BuildOptions = {}): ReportDocument {
  const language = templateLanguage(template, options.language);
  const context = createReportContext(data, language);
  const blocks: DocumentBlock[] = [];
  let anchors = 0;
  const ids = new Map<string, number>();
  const writer: BlockWriter = {
    context,
    push: (...added) => blocks.push(...added),
    heading: (level, content) => {
      const headingRuns = typeof content === 'string' ? runs(content) : content;
      const heading: HeadingBlock = { kind: 'heading', level, runs: headingRuns, anchor: `h-${++anchors}`, lang: language, dir: context.dir };
      blocks.push(heading);
    },
    nextId: (name) => {
      const n = (ids.get(name) ?? 0) + 1;
      ids.set(name, n);
      return `${name}-${n}`;
    },
  };
  for (const section of template.sections) {
    for (const block of section.blocks) writeBlock(writer, block);
  }

  // The table of contents lists what came after it was placed as well, so it is filled in last.
  const entries = blocks.flatMap((block) =>
    block.kind === 'heading' && (block.level === 1 || block.level === 2) ? [{ level: block.level, text: plainText(block.runs), anchor: block.anchor }] : [],
  );
  for (const block of blocks) if (block.kind === 'toc') (block as TocBlock).entries = entries;

  const pageText = (text: TemplateText | undefined) => (text ? plainText(fill(context, text)) : '');
  return {
    title: plainText(fill(context, titleOf(template))) || data.snapshot.assessment.title,
    reportNumber: reportNumber(data.snapshot),
    revision: data.snapshot.revision,
    lang: language,
    dir: context.dir,
    page: {
      size: template.page.size,
      orientation: template.page.orientation,
      margins: template.page.margins,
      ...(template.page.spacing === 'compact' ? { spacing: 'compact' as const } : {}),
    },
    header: pageText(template.header),
    footer: pageText(template.footer),
    accentColour: template.branding.accentColour && /^#[0-9a-fA-F]{6}$/.test(data.branding.colour) ? data.branding.colour : defaultAccent,
    draftMark: data.draft ? context.labels.draft : null,
    blocks,
  };
}

/** The document's title for the file's properties: the first title block's text. */
function titleOf(template: ReportTemplate): TemplateText {
  const find = (blocks: readonly ReportBlock[]): TemplateText | undefined => {
    for (const block of blocks) {
      if (block.type === 'title') return block.text;
    }
    return undefined;
  };
  for (const section of template.sections) {
    const found = find(section.blocks);
    if (found) return found;
  }
  return '{{assessment}}';
}
