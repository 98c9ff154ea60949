// The named values a template's texts may insert as {{name}}: a fixed table, looked up by name.
import { normalizeGroupLabel } from '../core/group-label';
import { knownLanguages } from '../core/languages';
import { localize } from '../core/guide';
import { totalParticipants } from '../core/assessments';
import { formatOrgNumber } from '../core/org-number';
import { localIsoDate } from '../core/dates';
import { fillLabel } from './report-labels';
import { pageCountMark, pageNumberMark } from './model';
import { issueDate, type ReportContext } from './report-context';

interface PlaceholderSpec {
  description: string;
  value(context: ReportContext): string;
  /** Written from the fixed bokmål/English texts: only for templates in those languages. */
  fixedText?: boolean;
  /** Only in the page header and footer. */
  pageOnly?: boolean;
  /** A number of things: may be written with plural forms, {{name|one:…|other:…}}. */
  count?: boolean;
}

const count = (n: number) => String(n);
const lightCount = (context: ReportContext, light: 'green' | 'yellow' | 'red') =>
  count(context.data.result.factors.filter((f) => !f.suppressed && f.light === light).length);

const placeholders = {
  client: { description: "The client's name", value: (c) => c.data.snapshot.client.name },
  clientOrgNumber: { description: "The client's organisation number, e.g. 923 609 016", value: (c) => (c.data.snapshot.client.orgNumber ? formatOrgNumber(c.data.snapshot.client.orgNumber) : '') },
  clientAddress: {
    description: "The client's address on one line",
    value: (c) => {
      const { address, postalCode, city } = c.data.snapshot.client;
      return [address, [postalCode, city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
    },
  },
  unit: { description: 'The unit or site assessed (empty when the whole client)', value: (c) => c.data.snapshot.unit?.name ?? '' },
  assessment: { description: "The assessment's title", value: (c) => c.data.snapshot.assessment.title },
  mandate: { description: 'The purpose and mandate agreed with the employer', value: (c) => c.data.snapshot.assessment.mandate },
  consultant: { description: 'The consultant who led the assessment', value: (c) => c.data.snapshot.assessment.consultant },
  consultancy: { description: "The consultancy's name from the settings", value: (c) => c.data.branding.consultancyName },
  method: { description: 'The method, e.g. "Group interviews"', fixedText: true, value: (c) => c.labels.methods[c.data.snapshot.assessment.method] },
  guide: { description: "The interview guide's title", value: (c) => localize(c.data.guide.title, c.language, c.data.guide.sourceLanguage) },
  guideVersion: { description: "The interview guide's version", value: (c) => c.data.guide.version },
  startDate: { description: 'The planned start date', value: (c) => c.date(c.data.snapshot.assessment.plannedStart) },
  endDate: { description: 'The planned end date', value: (c) => c.date(c.data.snapshot.assessment.plannedEnd) },
  period: {
    description: 'Start and end date, e.g. "1 March 2027 – 15 March 2027"',
    value: (c) => {
      const { plannedStart, plannedEnd } = c.data.snapshot.assessment;
      return [c.date(plannedStart), plannedEnd !== plannedStart ? c.date(plannedEnd) : ''].filter(Boolean).join(' – ');
    },
  },
  issueDate: { description: 'The date the revision was issued; on a draft, the day the draft was made', value: (c) => c.date(reportDate(c)) },
  issueStatus: {
    description: 'Whether the report is issued, with its date: "Utstedt 5. desember 2026", or "Utkast – ikke utstedt, laget 5. desember 2026"',
    fixedText: true,
    value: (c) => fillLabel(c.data.draft ? c.labels.draftMadeOn : c.labels.issuedOn, { date: c.date(reportDate(c)) }),
  },
  followUpDate: { description: 'The date of the follow-up', value: (c) => c.date(c.data.snapshot.assessment.followUpDate) },
  revision: { description: "The revision's number", value: (c) => count(c.data.snapshot.revision) },
  reportNumber: { description: "The report's number: the assessment and the revision", value: (c) => reportNumber(c.data.snapshot) },
  participants: {
    count: true,
    description: 'How many took part in the interviews, all roles',
    value: (c) => count(c.data.snapshot.interviews.reduce((sum, i) => sum + totalParticipants(i.participants), 0)),
  },
  employees: {
    count: true,
    description: 'How many employees took part',
    value: (c) => count(c.data.snapshot.interviews.reduce((sum, i) => sum + (i.participants.employee ?? 0), 0)),
  },
  interviews: { count: true, description: 'How many interviews were held', value: (c) => count(heldInterviews(c).length) },
  groups: { count: true, description: 'How many groups the interviews form', value: (c) => count(new Set(heldInterviews(c).map((i) => normalizeGroupLabel(i.groupName))).size) },
  interviewLanguages: {
    description: 'The languages the interviews were held in, by their own names',
    value: (c) =>
      [...new Set(heldInterviews(c).map((i) => i.respondentLanguage))]
        .sort()
        .map((code) => knownLanguages[code]?.nativeName ?? code)
        .join(', '),
  },
  minimumGroupSize: { count: true, description: 'The smallest group whose results are shown', value: (c) => count(c.data.result.minimumGroupSize) },
  factors: { count: true, description: "How many factors the guide has", value: (c) => count(c.data.guide.factors.length) },
  redFactors: { count: true, description: 'How many factors are red', value: (c) => lightCount(c, 'red') },
  yellowFactors: { count: true, description: 'How many factors are yellow', value: (c) => lightCount(c, 'yellow') },
  greenFactors: { count: true, description: 'How many factors are green', value: (c) => lightCount(c, 'green') },
  withheldFactors: { count: true, description: 'How many factor results are withheld', value: (c) => count(c.data.result.factors.filter((f) => f.suppressed).length) },
  findings: { count: true, description: 'How many findings are accepted', value: (c) => count(c.findings().length) },
  highRisks: { count: true, description: 'How many accepted findings are rated high', value: (c) => count(c.findings().filter((f) => f.level === 'high').length) },
  measures: { count: true, description: 'How many measures the action plan has (dropped ones not counted)', value: (c) => count(c.measures().length) },
  conclusions: { description: "The consultant's conclusions, written on the assessment", value: (c) => c.data.snapshot.assessment.conclusions ?? '' },
  noResultsReason: { description: 'Why the report is issued though no factor has a result to show', value: (c) => c.data.snapshot.assessment.noResultsReason ?? '' },
  invited: {
    count: true,
    description: 'How many were invited to the interviews held (expected participants)',
    value: (c) => count(heldInterviews(c).reduce((sum, i) => sum + (i.expectedParticipants ?? 0), 0)),
  },
  interviewDates: {
    description: 'The first and last day interviews were held, e.g. "2 March 2027 – 4 March 2027"',
    value: (c) => {
      // The day it was held (from its answers, or as the consultant set it) before when its record was started.
      const heldOn = (i: (typeof c.data.snapshot.interviews)[number]) => {
        const at = i.startedAt ?? i.completedAt;
        return i.held?.date ?? (at ? issueDate(at) : null);
      };
      const days = heldInterviews(c)
        .map(heldOn)
        .filter((day): day is string => !!day)
        .sort();
      if (!days.length) return '';
      const [first, last] = [days[0], days[days.length - 1]];
      return first === last ? c.date(first) : `${c.date(first)} – ${c.date(last)}`;
    },
  },
  interviewLanguageCount: { count: true, description: 'How many languages the interviews were held in', value: (c) => count(new Set(heldInterviews(c).map((i) => i.respondentLanguage)).size) },
  interpreterInterviews: { count: true, description: 'How many interviews used an interpreter', value: (c) => count(heldInterviews(c).filter((i) => i.interpreterUsed).length) },
  agreedMeasures: { count: true, description: 'How many measures are agreed (not proposals, not dropped)', value: (c) => count(c.measures().filter((m) => m.status !== 'proposed').length) },
  page: { description: 'The page number (header and footer only)', pageOnly: true, value: () => pageNumberMark },
  pages: { description: 'The number of pages (header and footer only)', pageOnly: true, value: () => pageCountMark },
} satisfies Record<string, PlaceholderSpec>;

export type PlaceholderName = keyof typeof placeholders;

const specs: Record<string, PlaceholderSpec> = placeholders;

export function isPlaceholderName(name: string): name is PlaceholderName {
  return Object.hasOwn(specs, name);
}

export function placeholderSpec(name: PlaceholderName): PlaceholderSpec {
  return specs[name];
}

export function placeholderValue(name: PlaceholderName, context: ReportContext): string {
  return specs[name].value(context);
}

/** For docs/reports.md. */
export function describePlaceholders(): { name: string; description: string; fixedText: boolean; pageOnly: boolean }[] {
  return Object.entries(specs).map(([name, spec]) => ({ name, description: spec.description, fixedText: !!spec.fixedText, pageOnly: !!spec.pageOnly }));
}

/** An issued revision's date is the day it was frozen in Norway; a draft is made now, on the
 * consultant's machine, so its date is the local calendar day (not the next day near midnight). */
function reportDate(context: ReportContext): string {
  const { frozenAt } = context.data.snapshot;
  return context.data.draft ? localIsoDate(new Date(frozenAt)) : issueDate(frozenAt);
}

/** Interviews that were held (started or completed), not those only planned. */
function heldInterviews(context: ReportContext) {
  return context.data.snapshot.interviews.filter((interview) => interview.status !== 'planned');
}

/** Deterministic for an assessment and revision: the same report always has the same number. It
 * starts with a letter and names the revision with "R", so it never reads as a date ("20261205-1"). */
export function reportNumber(snapshot: { assessment: { id: string }; revision: number }): string {
  const hex = snapshot.assessment.id.replace(/-/g, '').slice(0, 8).toUpperCase();
  const letter = 'ABCDEFGHJKLMNPQR'[parseInt(hex[0], 16)] ?? 'K';
  return `${letter}${hex.slice(1)}-R${snapshot.revision}`;
}
