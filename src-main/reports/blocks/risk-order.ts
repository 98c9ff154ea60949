// Which findings and measures a report shows, in which order, and the numbers they carry: shared by
// the risk blocks and the formal report's summary.
import { riskNumbers, type Finding, type Measure } from '../../core/risk';
import type { RiskLevel } from '../../core/risk-matrix';
import { issueDate, type ReportContext } from '../report-context';

const levelOrder: Record<RiskLevel, number> = { high: 0, medium: 1, low: 2 };

/** Accepted findings, highest risk first (unrated last), otherwise in the order they were made. */
export function orderedFindings(context: ReportContext): Finding[] {
  return context
    .findings()
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => (a.finding.level ? levelOrder[a.finding.level] : 3) - (b.finding.level ? levelOrder[b.finding.level] : 3) || a.index - b.index)
    .map((entry) => entry.finding);
}

/** "F3": the number the finding was given once, the same in the app and in every report. */
export function findingNumber(context: ReportContext, id: string): string {
  return `F${riskNumbers(context.data.snapshot.findings).get(id) ?? '?'}`;
}

/** "T3": the number the measure was given once, the same in the app and in every report. */
export function measureNumber(context: ReportContext, id: string): string {
  return `T${riskNumbers(context.data.snapshot.measures).get(id) ?? '?'}`;
}

const priorityOrder: Record<Measure['priority'], number> = { high: 0, medium: 1, low: 2 };

/** Measures agreed with the employer (not proposals, not dropped): what the reports call planned. */
export function agreedMeasures(context: ReportContext): Measure[] {
  return context.measures().filter((measure) => measure.status !== 'proposed');
}

/** The most important measures first: by priority, then by deadline (none last). */
export function importantMeasures(measures: readonly Measure[]): Measure[] {
  return [...measures].sort(
    (a, b) => priorityOrder[a.priority] - priorityOrder[b.priority] || (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999') || (a.number ?? 0) - (b.number ?? 0),
  );
}

/** Open after its deadline on the report's issue date (the only date a report depends on). */
export function overdueOnIssue(context: ReportContext, measure: Measure): boolean {
  const issued = issueDate(context.data.snapshot.frozenAt);
  return measure.deadline !== null && measure.deadline < issued && measure.status !== 'done' && measure.status !== 'dropped';
}
