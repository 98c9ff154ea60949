// The risk assessment and action plan blocks: heat map, findings table, action plan, and the
// label-free lists the employees' summary uses in any language.
import type { Finding } from '../../core/risk';
import { consequenceLabels, likelihoodLabels, matrixSteps, riskLevel } from '../../core/risk-matrix';
import type { TrafficLight } from '../../core/traffic-light';
import type { TextRun } from '../model';
import type { ReportContext } from '../report-context';
import { fillLabel } from '../report-labels';
import { plainText } from '../template-text';
import { cell, column, paragraph, runs, table, titled, type BlockWriter } from './block-kit';
import { agreedMeasures, findingNumber, importantMeasures, measureNumber, orderedFindings, overdueOnIssue } from './risk-order';

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
  const rows = findings.map((finding) => {
    const factors = finding.factorIds.map((id) => context.factorTitle(id)).join(', ');
    return [
      cell(findingNumber(context, finding.id), undefined, 'center'),
      cell(
        titled(
          context.findingTitle(finding),
          factors ? `${labels.factor}: ${factors}` : null,
          finding.hazard ? `${labels.hazard}: ${finding.hazard}` : null,
          finding.causes ? `${labels.causes}: ${finding.causes}` : null,
        ),
      ),
      cell(finding.exposed || '–'),
      cell(finding.existingMeasures || '–'),
      ratingCell(context, finding.likelihood, finding.consequence, finding.level),
      ratingCell(context, finding.residualLikelihood, finding.residualConsequence, finding.residualLevel),
    ];
  });
  writer.push(
    table(
      context,
      [
        column(labels.number, 0.8, 'center'),
        column(labels.finding, 4.2),
        column(labels.exposed, 3.3),
        column(labels.existingMeasures, 3.5),
        column(`${labels.riskLevel} (${labels.rating})`, 1.5, 'center'),
        column(labels.residual.column, 1.6, 'center'),
      ],
      rows,
    ),
  );
  const matrix = context.data.riskMatrix;
  writer.push(paragraph(context, fillLabel(labels.residual.explanation, { medium: matrix.mediumFrom, high: matrix.highFrom }), 'small'));
}

/** A rating as "2 × 2" over its level, shaded by the level, or that it is not rated (yet). */
function ratingCell(context: ReportContext, likelihood: number | null | undefined, consequence: number | null | undefined, level: Finding['level'] | undefined) {
  const { labels } = context;
  if (!level || likelihood == null || consequence == null) return cell(labels.notRated, undefined, 'center');
  return cell([{ text: `${likelihood} × ${consequence}\n` }, { text: labels.riskLevels[level] }], level, 'center');
}

export function actionPlan(writer: BlockWriter): void {
  const { context } = writer;
  const { labels } = context;
  const { formal } = labels;
  const measures = context.measures();
  if (!measures.length) {
    writer.push(paragraph(context, labels.noMeasures));
    return;
  }
  const rows = measures.map((measure) => {
    const finding = measure.findingId ? findingNumber(context, measure.findingId) : null;
    const agreed =
      measure.status === 'proposed'
        ? formal.notAgreed
        : [measure.agreedBy.map((role) => labels.roles[role]).join(', '), measure.agreedOn ? fillLabel(formal.agreedOn, { date: context.date(measure.agreedOn) }) : '']
            .filter(Boolean)
            .join(' ');
    const overdue = overdueOnIssue(context, measure);
    return [
      cell(measureNumber(context, measure.id), undefined, 'center'),
      cell(
        titled(
          context.measureText(measure),
          measure.rationale,
          finding ? `${labels.finding}: ${finding}` : null,
          agreed ? `${formal.agreedBy}: ${agreed}` : null,
        ),
      ),
      cell(titled(labels.roles[measure.responsibleRole], measure.responsibleName ? `${formal.responsiblePerson}: ${measure.responsibleName}` : null)),
      cell(
        measure.deadline
          ? [{ text: context.date(measure.deadline) }, ...(overdue ? [{ text: `\n${formal.overdue}`, bold: true }] : [])]
          : labels.noDeadline,
        overdue ? 'red' : undefined,
      ),
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
        column(labels.responsible, 2.4),
        column(labels.deadline, 2),
        column(labels.priority, 1.5, 'center'),
        column(labels.status, 1.6),
      ],
      rows,
    ),
  );
  writer.push(paragraph(context, formal.employerResponsible, 'small'));
}

/** The titles of the factors with the given lights; withheld factors have no light and never appear. */
export function keyFactors(writer: BlockWriter, lights: readonly TrafficLight[], empty: TextRun[], layout: 'list' | 'inline' = 'list'): void {
  const { context } = writer;
  const titles = context.data.guide.factors.flatMap((factor) => {
    const result = context.result(factor.id);
    return result && !result.suppressed && result.light && lights.includes(result.light) ? [context.factorTitle(factor.id)] : [];
  });
  if (!titles.length) writer.push(paragraph(context, empty));
  else if (layout === 'inline') writer.push(paragraph(context, [{ text: `${listFormat(context.locale).format(titles)}.`, bold: true }]));
  else writer.push({ kind: 'list', ordered: false, items: titles.map((title) => runs(title)), lang: context.language, dir: context.dir });
}

/**
 * The agreed measures (not proposals, not dropped) as a list, the most important first, in the
 * report's language where a measure is one of the guide's suggestions. At most `max`, then the
 * template's `more` sentence with the count left out; `overdue` marks a measure past its deadline.
 */
export function measureList(writer: BlockWriter, texts: { empty: TextRun[]; overdue?: TextRun[]; more?: () => TextRun[] }, max?: number): void {
  const { context } = writer;
  const measures = importantMeasures(agreedMeasures(context));
  if (!measures.length) {
    writer.push(paragraph(context, texts.empty));
    return;
  }
  const shown = max ? measures.slice(0, max) : measures;
  const items = shown.map((measure) => {
    const text = context.measureText(measure);
    if (!measure.deadline) return runs(text);
    const overdue = overdueOnIssue(context, measure) && texts.overdue?.length ? ` (${plainText(texts.overdue)})` : '';
    // The date's parts never go on separate lines.
    return [{ text }, { text: ` — ${context.date(measure.deadline).replace(/ /g, '\u00a0')}${overdue}`, bold: true }];
  });
  writer.push({ kind: 'list', ordered: false, items, lang: context.language, dir: context.dir });
  if (measures.length > shown.length && texts.more) writer.push(paragraph(context, texts.more()));
}

/** "A, B og C" in the report's language; a plain comma list where the runtime has no rules for it. */
function listFormat(locale: string): { format(items: string[]): string } {
  try {
    return new Intl.ListFormat(locale, { type: 'conjunction', style: 'long' });
  } catch {
    return { format: (items) => items.join(', ') };
  }
}
