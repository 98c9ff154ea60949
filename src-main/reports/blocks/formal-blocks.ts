// The formal report's parts an inspector looks for: the key findings and measures for the summary,
// a reading guide per factor (direction, thresholds, what the colours require), and the risk scales
// defined level by level with the acceptance criterion.
import { consequenceLabels, likelihoodLabels, matrixSteps } from '../../core/risk-matrix';
import { fillLabel } from '../report-labels';
import { cell, column, paragraph, table, type BlockWriter } from './block-kit';
import { agreedMeasures, findingNumber, importantMeasures, measureNumber, orderedFindings, overdueOnIssue } from './risk-order';

export function keyFindings(writer: BlockWriter, max: number): void {
  const { context } = writer;
  const findings = orderedFindings(context).slice(0, max);
  if (!findings.length) {
    writer.push(paragraph(context, context.labels.formal.noKeyFindings));
    return;
  }
  writer.push({
    kind: 'list',
    ordered: false,
    items: findings.map((finding) => [
      { text: `${findingNumber(context, finding.id)} ${context.findingTitle(finding)}`, bold: true },
      ...(finding.level ? [{ text: ` (${context.labels.riskLevel.toLowerCase()}: ${context.labels.riskLevels[finding.level].toLowerCase()})` }] : []),
    ]),
    lang: context.language,
    dir: context.dir,
  });
}

export function keyMeasures(writer: BlockWriter, max: number): void {
  const { context } = writer;
  const { formal } = context.labels;
  const measures = importantMeasures(agreedMeasures(context));
  if (!measures.length) {
    writer.push(paragraph(context, formal.noKeyMeasures));
    return;
  }
  writer.push({
    kind: 'list',
    ordered: false,
    items: measures.slice(0, max).map((measure) => [
      { text: `${measureNumber(context, measure.id)} ${context.measureText(measure)}`, bold: true },
      ...(measure.deadline ? [{ text: ` (${formal.deadlineShort} ${context.date(measure.deadline)}${overdueOnIssue(context, measure) ? `, ${formal.overdue}` : ''})` }] : []),
    ]),
    lang: context.language,
    dir: context.dir,
  });
  if (measures.length > max) writer.push(paragraph(context, fillLabel(formal.moreMeasures, { count: measures.length - max })));
}

/** Per factor: which way is good, the thresholds, and then what each colour requires. */
export function readingGuide(writer: BlockWriter): void {
  const { context } = writer;
  const { labels } = context;
  const { formal } = labels;
  const rows = context.data.guide.factors.map((factor) => {
    const better = factor.direction === 'higherIsBetter';
    const bands = better ? formal.bandsBetter : formal.bandsWorse;
    const values = { lower: context.score(factor.thresholds.lower), upper: context.score(factor.thresholds.upper) };
    return [
      cell(context.factorTitle(factor.id)),
      cell(better ? formal.higherIsBetter : formal.higherIsWorse),
      cell([bands.green, bands.yellow, bands.red].map((band) => fillLabel(band, values)).join('\n')),
    ];
  });
  writer.push(table(context, [column(labels.factor, 4), column(formal.direction, 2.4), column(formal.thresholds, 3.6)], rows));
  writer.push({
    kind: 'list',
    ordered: false,
    items: [formal.lightMeanings.red, formal.lightMeanings.yellow, formal.lightMeanings.green].map((text) => [{ text }]),
    lang: context.language,
    dir: context.dir,
  });
}

/** The likelihood and consequence scales of the consultancy's matrix, level by level, the levels'
 * meaning and the acceptance criterion. */
export function riskScales(writer: BlockWriter): void {
  const { context } = writer;
  const { labels } = context;
  const { formal } = labels;
  const matrix = context.data.riskMatrix;
  const steps = matrixSteps(matrix);
  const scale = (caption: string, names: typeof likelihoodLabels, meanings: Record<3 | 4 | 5, string[]>) =>
    table(
      context,
      [column(formal.level, 1, 'center'), column(caption, 2.6), column(formal.meaning, 5)],
      steps.map((step) => [cell(String(step), undefined, 'center'), cell(context.text(names[matrix.size][step - 1])), cell(meanings[matrix.size][step - 1])]),
      { keepTogether: true },
    );
  writer.push(scale(labels.likelihood, likelihoodLabels, formal.likelihoodMeanings));
  writer.push(scale(labels.consequence, consequenceLabels, formal.consequenceMeanings));
  writer.push(paragraph(context, fillLabel(formal.acceptance, { medium: matrix.mediumFrom, high: matrix.highFrom })));
  writer.push(
    table(
      context,
      [column(labels.riskLevel, 2), column(formal.meaning, 6)],
      (['high', 'medium', 'low'] as const).map((level) => [cell(labels.riskLevels[level], level, 'center'), cell(formal.levelMeanings[level])]),
      { keepTogether: true },
    ),
  );
}
