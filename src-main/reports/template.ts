// The report template format: one zod schema for the files in templates/reports. Templates are data:
// texts with named placeholders from a fixed table, named conditions, and built-in blocks; nothing
// in a template is ever run.
import { z } from 'zod';
import { languageCodePattern } from '../core/languages';
import { conditionNames } from './conditions';

export const templateFormat = 'kartlegg-report-template/1';

const id = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'use lower-case letters, digits, ".", "_" or "-"')
  .meta({ id: 'TemplateId' });

const languageCode = z.string().regex(languageCodePattern, 'not a language code').meta({ id: 'TemplateLanguageCode' });

/** A text for every language of the template, or one text for all of them. Placeholders are
 * written {{name}}; which names exist is in docs/reports.md. */
export const templateText = z
  .union([
    z.string().trim().min(1, 'empty text').max(4000),
    z.record(languageCode, z.string().trim().min(1, 'empty text').max(4000)),
  ])
  .meta({
    id: 'TemplateText',
    description: 'One text, or a text per language code ({ "nb": "…", "en": "…" }); {{placeholder}} inserts a named value',
  });

export type TemplateText = z.infer<typeof templateText>;

const lights = z.enum(['green', 'yellow', 'red']);

const block = <T extends string, S extends z.ZodRawShape>(type: T, shape: S, description: string) =>
  z
    .object({ type: z.literal(type), ...shape })
    .strict()
    .describe(description);

const headingBlock = block('heading', { level: z.union([z.literal(1), z.literal(2), z.literal(3)]), text: templateText }, 'A heading; levels 1 and 2 go into the table of contents');
const titleBlock = block(
  'title',
  { text: templateText, subtitle: templateText.optional(), logo: z.boolean().default(true).describe("Show the consultancy's logo above the title") },
  "The report's title, for the cover",
);
const paragraphBlock = block(
  'paragraph',
  { text: templateText, style: z.enum(['normal', 'lead', 'small', 'quote']).default('normal') },
  'A paragraph; **…** marks bold',
);
const listBlock = block('list', { ordered: z.boolean().default(false), items: z.array(templateText).min(1).max(100) }, 'A bulleted or numbered list');
const factsBlock = block(
  'facts',
  { rows: z.array(z.object({ label: templateText, value: templateText }).strict()).min(1).max(40) },
  'Label–value rows, e.g. client, dates and consultant on the cover; a row whose value is empty is left out',
);
const pageBreakBlock = block('pageBreak', {}, 'Starts a new page');
const tocBlock = block('tableOfContents', { title: templateText }, 'The table of contents (headings of level 1 and 2)');
const fillInBlock = block('fillIn', { label: templateText }, 'A label with a line to write on by hand');

const factorTableBlock = block('factorTable', {}, 'Score, traffic light and n per factor; withheld results show no numbers');
const factorChartBlock = block('factorChart', { title: templateText.optional() }, 'Bar chart of the factor scores with their thresholds');
const factorDetailsBlock = block(
  'factorDetails',
  {
    factors: z.enum(['all', 'flagged']).default('all').describe('"flagged": only red and yellow factors'),
    distribution: z.enum(['none', 'table', 'chart']).default('chart').describe('How the answers to the items are shown'),
    quotes: z.boolean().default(true).describe('Anonymised quotes from the interview notes'),
    legalBasis: z.boolean().default(true).describe("The factor's legal references"),
  },
  'A sub-section per factor: description, score, distribution of the answers and quotes',
);
const itemDistributionBlock = block(
  'itemDistribution',
  { display: z.enum(['table', 'chart']).default('table'), factors: z.enum(['all', 'flagged']).default('all') },
  'How the answers spread over the scale, item by item',
);
const groupComparisonBlock = block('groupComparison', { display: z.enum(['table', 'chart']).default('table') }, 'Factor scores per group, with withheld groups marked');
const priorComparisonBlock = block('priorComparison', {}, 'Factor scores compared with the prior assessment');
const riskMatrixBlock = block('riskMatrix', {}, 'The risk matrix as a heat map with the number of findings in each cell');
const findingsTableBlock = block('findingsTable', {}, 'The accepted findings with hazard, who is exposed and risk level');
const actionPlanBlock = block('actionPlan', {}, 'The measures with responsible role, deadline, priority and status');
const participantsBlock = block('participants', {}, 'How many took part, by role and by language: never who');
const legalBasisBlock = block('legalBasis', {}, "The legal references of the guide's factors, cited by paragraph");
const signaturesBlock = block(
  'signatures',
  { roles: z.array(templateText).min(1).max(8).describe('One signature line per role, e.g. "Employer"') },
  'Lines for place, date and signature',
);
const approvalsBlock = block('approvals', {}, 'Who approved the issued revision for the employer and as safety representative: name, position, date');
const guideItemsBlock = block('guideItems', {}, "Every item of the interview guide, by factor (for the appendix)");
const keyFactorsBlock = block(
  'keyFactors',
  {
    lights: z.array(lights).min(1).max(3),
    empty: templateText.describe('Shown when no factor has these lights'),
    layout: z.enum(['list', 'inline']).default('list').describe('A list, or one sentence-like line ("A, B and C.") that takes less room'),
  },
  "The titles of the factors with the given lights, in the report's language",
);
const measureListBlock = block(
  'measureList',
  {
    empty: templateText.describe('Shown when the plan has no agreed measures'),
    overdue: templateText.optional().describe('Put after the deadline of a measure still open after it on the issue date, e.g. "forsinket"'),
    max: z.number().int().min(1).max(100).optional().describe('At most this many, the most important first'),
    more: templateText.optional().describe('Shown when the list leaves measures out because of max'),
  },
  "The agreed measures as a list, the most important first, in the report's language where the guide has them",
);
const keyFindingsBlock = block('keyFindings', { max: z.number().int().min(1).max(100).default(5) }, 'The accepted findings with the highest risk, with their numbers (summary)');
const keyMeasuresBlock = block('keyMeasures', { max: z.number().int().min(1).max(100).default(5) }, 'The most important agreed measures, with their numbers and deadlines (summary)');
const readingGuideBlock = block('readingGuide', {}, 'Per factor: which direction is good and the thresholds, then what red, yellow and green require');
const riskScalesBlock = block('riskScales', {}, "The likelihood and consequence scales level by level, the levels' meaning and the acceptance criterion");
const factorGuidanceBlock = block(
  'factorGuidance',
  {},
  "Per factor of the guide: what it means, what the law requires, and steps for the employer or manager and the safety representative; nothing when the guide has no guidance",
);
const rightsInfoBlock = block('rightsInfo', {}, "The guide's \"your rights and who you can talk to\" texts as a list, in the report's language; nothing when the guide has none");

export const blockTypes = [
  'heading',
  'title',
  'paragraph',
  'list',
  'facts',
  'when',
  'pageBreak',
  'tableOfContents',
  'fillIn',
  'factorTable',
  'factorChart',
  'factorDetails',
  'itemDistribution',
  'groupComparison',
  'priorComparison',
  'riskMatrix',
  'findingsTable',
  'actionPlan',
  'participants',
  'legalBasis',
  'signatures',
  'approvals',
  'guideItems',
  'keyFactors',
  'measureList',
  'keyFindings',
  'keyMeasures',
  'readingGuide',
  'riskScales',
  'rightsInfo',
  'factorGuidance',
] as const;
export type BlockType = (typeof blockTypes)[number];

/** Built-in blocks that write fixed texts of their own (column headings, level names); those
 * texts exist in bokmål and English, so only templates in those languages may use them. */
export const blocksWithFixedTexts: ReadonlySet<BlockType> = new Set<BlockType>([
  'factorTable',
  'factorChart',
  'factorDetails',
  'itemDistribution',
  'groupComparison',
  'priorComparison',
  'riskMatrix',
  'findingsTable',
  'actionPlan',
  'participants',
  'legalBasis',
  'signatures',
  'approvals',
  'guideItems',
  'keyFindings',
  'keyMeasures',
  'readingGuide',
  'riskScales',
  'factorGuidance',
]);
export const fixedTextLanguages = ['nb', 'en'] as const;

const whenBlock = z
  .object({
    type: z.literal('when'),
    condition: z.enum(conditionNames).describe('A named condition; see docs/reports.md'),
    not: z.boolean().default(false).describe('Use the blocks when the condition does not hold'),
    get blocks(): z.ZodArray<typeof reportBlock> {
      return z.array(reportBlock).min(1);
    },
    get otherwise(): z.ZodOptional<z.ZodArray<typeof reportBlock>> {
      return z.array(reportBlock).optional();
    },
  })
  .strict()
  .describe('Blocks shown only when a condition holds, and optionally others when it does not');

const blockOptions = [
  headingBlock,
  titleBlock,
  paragraphBlock,
  listBlock,
  factsBlock,
  whenBlock,
  pageBreakBlock,
  tocBlock,
  fillInBlock,
  factorTableBlock,
  factorChartBlock,
  factorDetailsBlock,
  itemDistributionBlock,
  groupComparisonBlock,
  priorComparisonBlock,
  riskMatrixBlock,
  findingsTableBlock,
  actionPlanBlock,
  participantsBlock,
  legalBasisBlock,
  signaturesBlock,
  approvalsBlock,
  guideItemsBlock,
  keyFactorsBlock,
  measureListBlock,
  keyFindingsBlock,
  keyMeasuresBlock,
  readingGuideBlock,
  riskScalesBlock,
  rightsInfoBlock,
  factorGuidanceBlock,
] as const;

export const reportBlock: z.ZodType<ReportBlockShape, ReportBlockInput> = z
  .discriminatedUnion('type', blockOptions, {
    error: (issue) => {
      if (issue.code !== 'invalid_union') return undefined;
      const input = issue.input as { type?: unknown } | undefined;
      if (typeof input !== 'object' || input === null) return 'a block must be an object with a "type"';
      if (input.type === undefined) return `missing block "type"; one of: ${blockTypes.join(', ')}`;
      return `unknown block type ${JSON.stringify(input.type)}; one of: ${blockTypes.join(', ')}`;
    },
  })
  .meta({ id: 'ReportBlock' });

type BlockOption = (typeof blockOptions)[number];
type ReportBlockShape =
  | z.output<Exclude<BlockOption, typeof whenBlock>>
  | { type: 'when'; condition: (typeof conditionNames)[number]; not: boolean; blocks: ReportBlockShape[]; otherwise?: ReportBlockShape[] };
type ReportBlockInput =
  | z.input<Exclude<BlockOption, typeof whenBlock>>
  | { type: 'when'; condition: (typeof conditionNames)[number]; not?: boolean; blocks: ReportBlockInput[]; otherwise?: ReportBlockInput[] };

const millimetres = (max: number) => z.number().min(5).max(max);

const translationSchema = z
  .object({
    code: languageCode,
    status: z.enum(['draft', 'reviewed']).describe('"draft" until a qualified translator has checked the texts'),
  })
  .strict();

/** The structure alone, without the cross-checks: the JSON Schema is generated from this. */
export const templateShape = z
  .object({
    $schema: z.string().max(500).optional().describe('Where an editor finds this schema; ignored by the app'),
    format: z.literal(templateFormat),
    id,
    version: z.string().regex(/^\d+\.\d+(\.\d+)?$/, 'use a version such as 1.0 or 1.2.3'),
    name: z
      .object({ nb: z.string().trim().min(1).max(200), en: z.string().trim().min(1).max(200) })
      .strict()
      .describe("The template's name in the app's languages"),
    description: z.object({ nb: z.string().trim().min(1).max(1000), en: z.string().trim().min(1).max(1000) }).strict().optional(),
    kind: z.enum(['formal', 'actionPlan', 'employeeSummary', 'other']).default('other'),
    languages: z
      .array(translationSchema)
      .min(1)
      .max(40)
      .describe('The languages the template has its texts in; the first is the default'),
    page: z
      .object({
        size: z.enum(['A4', 'Letter']).default('A4'),
        orientation: z.enum(['portrait', 'landscape']).default('portrait'),
        margins: z
          .object({ top: millimetres(60), right: millimetres(60), bottom: millimetres(60), left: millimetres(60) })
          .strict()
          .describe('Millimetres'),
        spacing: z
          .enum(['normal', 'compact'])
          .optional()
          .describe('"compact": smaller headings and less room between blocks and lines, for a one-page summary; body text keeps its size'),
      })
      .strict(),
    branding: z
      .object({
        accentColour: z.boolean().default(true).describe("Use the consultancy's brand colour for headings and table headers"),
      })
      .strict()
      .default({ accentColour: true }),
    header: templateText.optional().describe('Page header; {{page}} and {{pages}} are allowed here'),
    footer: templateText.optional().describe('Page footer; {{page}} and {{pages}} are allowed here'),
    sections: z
      .array(
        z
          .object({
            id,
            blocks: z.array(reportBlock).min(1),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

export type ReportTemplate = z.output<typeof templateShape>;
export type ReportBlock = ReportBlockShape;
export type TemplateLanguage = ReportTemplate['languages'][number];
