// What a report is made from (a frozen assessment, its guide, its results, the branding), and the
// lookups every block needs in the report's language.
import { textDirection } from '../core/languages';
import type { LogoImage } from '../core/logo';
import type { FactorComparison } from '../core/comparison';
import { localize, type Guide, type GuideFactor } from '../core/guide';
import type { Finding, Measure } from '../core/risk';
import type { RiskMatrix } from '../core/risk-matrix';
import { formatScore } from '../core/score-format';
import type { AssessmentResult, FactorResult } from '../core/scoring';
import type { RevisionApprovals } from '../core/issuing';
import type { AssessmentSnapshot } from '../core/snapshot';
import type { TextDirection } from './model';
import { reportLabels, type ReportLabels } from './report-labels';

export interface Branding {
  consultancyName: string;
  /** "#RRGGBB". */
  colour: string;
  logo: LogoImage | null;
}

export interface PriorResults {
  title: string;
  /** When the prior assessment was issued or planned, YYYY-MM-DD, if known. */
  date: string | null;
  result: AssessmentResult;
  comparison: FactorComparison[];
}

export interface ReportData {
  snapshot: AssessmentSnapshot;
  guide: Guide;
  /** scoreAssessment's results for the snapshot: suppression is already applied. */
  result: AssessmentResult;
  prior: PriorResults | null;
  riskMatrix: RiskMatrix;
  branding: Branding;
  /** True for a preview of changes not yet issued: the document is marked as a draft. */
  draft: boolean;
  /** Who approved the issued revision; none on a draft or a revision issued without them. */
  approvals?: RevisionApprovals | null;
}

export interface ReportContext {
  data: ReportData;
  language: string;
  dir: TextDirection;
  /** BCP 47 locale for numbers and dates. */
  locale: string;
  labels: ReportLabels;
  factor(id: string): GuideFactor | undefined;
  factorTitle(id: string): string;
  result(factorId: string): FactorResult | undefined;
  text(localized: Record<string, string>): string;
  date(isoDate: string | null): string;
  score(score: number | null): string;
  /** The measure's text in the report's language when it is one of the guide's suggestions. */
  measureText(measure: Measure): string;
  /** The finding's title in the report's language when it is still a factor's title, as proposed. */
  findingTitle(finding: Pick<Finding, 'title'>): string;
  /** Findings the consultant accepted, and measures not dropped: what the report presents. */
  findings(): AssessmentSnapshot['findings'];
  measures(): Measure[];
}

/** English dates in the British order ("1 March 2027"), as Norwegian readers expect. */
function localeFor(language: string): string {
  return language === 'en' ? 'en-GB' : language;
}

/** Made once: a report asks for the issue date some twenty times. */
let osloDay: Intl.DateTimeFormat | undefined;

/** The report's issue date: the revision's freezing time, as a date in Norway. */
export function issueDate(frozenAt: string): string {
  osloDay ??= new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' });
  const parts = osloDay.formatToParts(new Date(frozenAt));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

export function createReportContext(data: ReportData, language: string): ReportContext {
  const { guide, result, snapshot } = data;
  const locale = localeFor(language);
  const factors = new Map(guide.factors.map((factor) => [factor.id, factor]));
  const results = new Map(result.factors.map((entry) => [entry.factorId, entry]));
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  // A measure taken from the guide's library keeps its text; matching it finds the translations.
  const suggestions = new Map<string, Record<string, string>>();
  for (const factor of guide.factors) {
    for (const suggestion of factor.measures) {
      for (const text of Object.values(suggestion.text)) suggestions.set(text.trim(), suggestion.text);
    }
  }
  const text = (localized: Record<string, string>) => localize(localized, language, guide.sourceLanguage);
  const factorTitles = new Map<string, Record<string, string>>();
  for (const factor of guide.factors) {
    for (const title of Object.values(factor.title)) factorTitles.set(title.trim(), factor.title);
  }
  return {
    data,
    language,
    dir: textDirection(language),
    locale,
    labels: reportLabels(language),
    factor: (id) => factors.get(id),
    factorTitle: (id) => {
      const factor = factors.get(id);
      return factor ? text(factor.title) : id;
    },
    result: (factorId) => results.get(factorId),
    text,
    date: (isoDate) => (isoDate ? dateFormat.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`)) : ''),
    score: (score) => formatScore(score, { locale }),
    measureText: (measure) => {
      const translations = suggestions.get(measure.title.trim());
      return translations?.[language] ?? measure.title;
    },
    findingTitle: (finding) => {
      const titles = factorTitles.get(finding.title.trim());
      return titles ? text(titles) : finding.title;
    },
    findings: () => snapshot.findings.filter((finding) => finding.status === 'accepted'),
    measures: () => snapshot.measures.filter((measure) => measure.status !== 'dropped'),
  };
}
