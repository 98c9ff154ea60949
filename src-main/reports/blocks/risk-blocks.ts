// The risk assessment and action plan blocks: heat map, findings table, action plan, and the
// label-free lists the employees' summary uses in any language.
import type { Finding } from '../../core/risk';
import { consequenceLabels, likelihoodLabels, matrixSteps, riskLevel, type RiskLevel } from '../../core/risk-matrix';
import type { TrafficLight } from '../../core/traffic-light';
import type { TextRun } from '../model';
import type { ReportContext } from '../report-context';
import { fillLabel } from '../report-labels';
import { cell, column, paragraph, runs, table, titled, type BlockWriter } from './block-kit';

const levelOrder: Record<RiskLevel, number> = { high: 0, medium: 1, low: 2 };

/** Accepted findings, highest risk first (unrated last), otherwise in the order they were made. */
export function orderedFindings(context: ReportContext): Finding[] {
  return context
    .findings()
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => (a.finding.level ? levelOrder[a.finding.level] : 3) - (b.finding.level ? levelOrder[b.finding.level] : 3) || a.index - b.index)
    .map((entry) => entry.finding);
}

/** "F1", "F2" … in the order of the findings table, for the action plan to refer to. */
function findingNumbers(context: ReportContext): Map<string, string> {
  return new Map(orderedFindings(context).map((finding, i) => [finding.id, `F${i + 1}`]));
}

export function riskMatrix(writer: BlockWriter): void {
  const { context } = writer;
  const { labels, data } = context;
  const matrix = data.riskMatrix;
  const rated = context.findings().filter((f) => f.likelihood !== null && f.consequence !== null);
  const onMatrix = rated.filter((f) => f.matrixSize === matrix.size);
  const steps = matrixSteps(matrix);
  const header = `${labels.likelihood} / ${labels.consequence}`;
  const columns = [column(header, 3), ...steps.map((c) => column(`${c} ${context.text(consequenceLabels[matrix.size][c - 1])}`, 2, 'center'))];
  const rows = [...steps].reverse().map((likelihood) => [
    cell([{ text: `${likelihood} ${context.text(likelihoodLabels[matrix.size][likelihood - 1])}`, bold: true }]),
    ...steps.map((consequence) => {
      const level = riskLevel(matrix, likelihood, consequence);
      const count = onMatrix.filter((f) => f.likelihood === likelihood && f.consequence === consequence).length;
      const content: TextRun[] = [{ text: labels.riskLevels[level] }];
      if (count) content.push({ text: `\n${fillLabel(labels.findingsInCell, { count })}`, bold: true });
      return cell(content, level, 'center');
    }),
  ]);
  writer.push(table(context, columns, rows, { keepTogether: true }));
  const elsewhere = rated.length - onMatrix.length;
  if (elsewhere) writer.push(paragraph(context, fillLabel(labels.otherMatrix, { count: elsewhere }), 'small'));
}

export function findingsTable(writer: BlockWriter): void {
  const { context } = writer;
  const { labels } = context;
  const findings = orderedFindings(context);
  if (!findings.length) {
    writer.push(paragraph(context, labels.noFindings));
    return;
  }
  const rows = findings.map((finding, i) => {
    const factors = finding.factorIds.map((id) => context.factorTitle(id)).join(', ');
    const rating = finding.likelihood !== null && finding.consequence !== null ? `${finding.likelihood} × ${finding.consequence}` : '–';
    return [
      cell(`F${i + 1}`, undefined, 'center'),
      cell(
        titled(
          finding.title,
          factors ? `${labels.factor}: ${factors}` : null,
          finding.hazard ? `${labels.hazard}: ${finding.hazard}` : null,
          finding.causes ? `${labels.causes}: ${finding.causes}` : null,
        ),
      ),
      cell(finding.exposed || '–'),
      cell(finding.existingMeasures || '–'),
      cell(rating, undefined, 'center'),
      finding.level ? cell(labels.riskLevels[finding.level], finding.level, 'center') : cell(labels.notRated, undefined, 'center'),
    ];
  });
  writer.push(
    table(
      context,
      [
        column(labels.number, 0.8, 'center'),
        column(labels.finding, 5),
        column(labels.exposed, 2.4),
        column(labels.existingMeasures, 2.4),
        column(labels.rating, 1.2, 'center'),
        column(labels.riskLevel, 1.5, 'center'),
      ],
      rows,
    ),
  );
}

export function actionPlan(writer: BlockWriter): void {
  const { context } = writer;
  const { labels } = context;
  const measures = context.measures();
  if (!measures.length) {
    writer.push(paragraph(context, labels.noMeasures));
    return;
  }
  const numbers = findingNumbers(context);
  const rows = measures.map((measure, i) => {
    const finding = measure.findingId ? numbers.get(measure.findingId) : undefined;
    return [
      cell(`T${i + 1}`, undefined, 'center'),
      cell(titled(context.measureText(measure), measure.rationale, finding ? `${labels.finding}: ${finding}` : null)),
      cell(labels.roles[measure.responsibleRole]),
      cell(measure.deadline ? context.date(measure.deadline) : labels.noDeadline),
      cell(labels.priorities[measure.priority], undefined, 'center'),
      cell(labels.statuses[measure.status]),
    ];
  });
  writer.push(
    table(
      context,
      [
        column(labels.number, 0.8, 'center'),
        column(labels.measure, 5),
        column(labels.responsible, 2.2),
        column(labels.deadline, 2),
        column(labels.priority, 1.5, 'center'),
        column(labels.status, 1.6),
      ],
      rows,
    ),
  );
}

/** The titles of the factors with the given lights; withheld factors have no light and never appear. */
export function keyFactors(writer: BlockWriter, lights: readonly TrafficLight[], empty: TextRun[]): void {
  const { context } = writer;
  const titles = context.data.guide.factors.flatMap((factor) => {
    const result = context.result(factor.id);
    return result && !result.suppressed && result.light && lights.includes(result.light) ? [context.factorTitle(factor.id)] : [];
  });
  if (!titles.length) writer.push(paragraph(context, empty));
  else writer.push({ kind: 'list', ordered: false, items: titles.map((title) => runs(title)), lang: context.language, dir: context.dir });
}

export function measureList(writer: BlockWriter, empty: TextRun[]): void {
  const { context } = writer;
  const measures = context.measures();
  if (!measures.length) {
    writer.push(paragraph(context, empty));
    return;
  }
  const items = measures.map((measure) => {
    const text = context.measureText(measure);
    // The date's parts never go on separate lines.
    return measure.deadline ? [{ text }, { text: ` — ${context.date(measure.deadline).replace(/ /g, '\u00a0')}`, bold: true }] : runs(text);
  });
  writer.push({ kind: 'list', ordered: false, items, lang: context.language, dir: context.dir });
}
