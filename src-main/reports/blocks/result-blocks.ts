// The results blocks: factor table, per-factor sections, answer distributions, group and prior
// comparisons. A withheld result is written as "withheld" and never with a number of any kind.
import type { FactorComparison } from '../../core/comparison';
import { exposureFactorSentence, exposureItemSentence, knowledgeSentence } from '../../core/count-sentences';
import { localize, type GuideFactor, type GuideItem } from '../../core/guide';
import type { FactorResult, ShownFactorResult } from '../../core/scoring';
import type { TableCell } from '../model';
import type { ReportContext } from '../report-context';
import { fillLabel } from '../report-labels';
import { distributionChart, groupComparisonChart } from './chart-blocks';
import { cell, column, paragraph, runs, table, type BlockWriter } from './block-kit';

/** The traffic light's cell: its name in words with its colour as the shade. */
function lightCell(context: ReportContext, result: FactorResult | undefined): TableCell {
  if (!result || result.suppressed || !result.light) return cell('–', undefined, 'center');
  return cell(context.labels.lights[result.light], result.light, 'center');
}

function scoreText(context: ReportContext, result: FactorResult | undefined): string {
  if (!result || result.suppressed) return context.labels.withheld;
  return context.score(result.score);
}

/** Score with its light in words, for comparison cells: "62 (Gul)". */
function scoreWithLight(context: ReportContext, result: FactorResult | undefined): TableCell {
  if (!result || result.suppressed) return cell(context.labels.withheld, 'muted', 'center');
  if (result.score === null) return cell('–', undefined, 'center');
  const light = result.light ? ` (${context.labels.lights[result.light]})` : '';
  return cell(`${context.score(result.score)}${light}`, result.light ?? undefined, 'center');
}

export function anyWithheld(results: readonly (FactorResult | undefined)[]): boolean {
  return results.some((result) => result?.suppressed);
}

export function withheldNote(writer: BlockWriter): void {
  const { context } = writer;
  writer.push(paragraph(context, fillLabel(context.labels.withheldNote, { min: context.data.result.minimumGroupSize }), 'small'));
}

export function factorTable(writer: BlockWriter): void {
  const { context } = writer;
  const { labels, data } = context;
  const rows = data.guide.factors.map((factor) => {
    const result = context.result(factor.id);
    const shown = result && !result.suppressed ? result : undefined;
    return [
      cell(context.factorTitle(factor.id)),
      cell(scoreText(context, result), result?.suppressed ? 'muted' : undefined, 'center'),
      lightCell(context, result),
      cell(shown ? String(shown.n) : '–', undefined, 'center'),
    ];
  });
  writer.push(
    table(context, [column(labels.factor, 5), column(labels.score, 2, 'center'), column(labels.light, 2, 'center'), column(labels.respondents, 1.6, 'center')], rows),
  );
  if (anyWithheld(data.result.factors)) withheldNote(writer);
}

function flagged(result: FactorResult | undefined): boolean {
  return !!result && !result.suppressed && (result.light === 'red' || result.light === 'yellow');
}

function factorsFor(context: ReportContext, which: 'all' | 'flagged'): GuideFactor[] {
  return context.data.guide.factors.filter((factor) => which === 'all' || flagged(context.result(factor.id)));
}

function resultSentence(context: ReportContext, result: FactorResult | undefined): string {
  const { labels } = context;
  if (!result || result.suppressed) return labels.withheldSentence;
  if (result.score === null) return labels.noScoreSentence;
  return fillLabel(labels.scoreSentence, {
    score: context.score(result.score),
    light: result.light ? labels.lights[result.light].toLocaleLowerCase(context.locale) : '–',
    n: result.n,
  });
}

/** Items of a factor grouped by answer scale, each group one table: columns are the scale's points. */
function distributionTables(writer: BlockWriter, factor: GuideFactor, result: ShownFactorResult): void {
  const { context } = writer;
  const { guide } = context.data;
  const items = guide.items.filter((item) => item.factor === factor.id);
  const byScale = new Map<string, GuideItem[]>();
  for (const item of items) byScale.set(item.scale, [...(byScale.get(item.scale) ?? []), item]);
  const distributions = new Map(result.items.map((entry) => [entry.itemId, entry]));
  for (const [scaleId, scaleItems] of byScale) {
    const scale = guide.scales.find((s) => s.id === scaleId);
    if (!scale) continue;
    const columns = [
      column(context.labels.item, 6),
      ...scale.points.map((point) => column(context.text(point.label), 1.4, 'center')),
      column(context.labels.notApplicable, 1.4, 'center'),
    ];
    const rows = scaleItems.map((item) => {
      const distribution = distributions.get(item.id);
      const counts = scale.points.map((point) => distribution?.options.find((option) => option.value === point.value)?.count ?? 0);
      return [cell(itemText(context, item)), ...counts.map((n) => cell(String(n), undefined, 'center')), cell(String(distribution?.notApplicable ?? 0), undefined, 'center')];
    });
    writer.push(table(context, columns, rows, { caption: `${context.factorTitle(factor.id)}: ${context.labels.distributionTitle}` }));
  }
}

function itemText(context: ReportContext, item: GuideItem): string {
  return context.text(item.text) + (item.reverse ? ` (${context.labels.reverseScored})` : '');
}

function factorDistribution(writer: BlockWriter, factor: GuideFactor, display: 'table' | 'chart'): void {
  const result = writer.context.result(factor.id);
  if (!result || result.suppressed || result.n === 0) return;
  if (display === 'chart') distributionChart(writer, factor, result);
  else distributionTables(writer, factor, result);
}

export function itemDistribution(writer: BlockWriter, options: { display: 'table' | 'chart'; factors: 'all' | 'flagged' }): void {
  const { context } = writer;
  const factors = factorsFor(context, options.factors);
  for (const factor of factors) {
    const result = context.result(factor.id);
    if (!result || result.suppressed) {
      writer.push(paragraph(context, [{ text: `${context.factorTitle(factor.id)}: `, bold: true }, { text: context.labels.withheldSentence }]));
      continue;
    }
    factorDistribution(writer, factor, options.display);
  }
}

function quotesOf(context: ReportContext, factorId: string): string[] {
  // Only notes the consultant marked as quotes; plain notes are the consultant's own and stay out.
  return context.data.snapshot.interviews.flatMap((interview) =>
    interview.notes.filter((note) => note.factorId === factorId && note.kind === 'quote').map((note) => note.text.trim()),
  ).filter(Boolean);
}

/** Exposure and knowledge items (guide format 2) as counts in plain sentences: one case of
 * harassment must be read, not averaged away. The sentences exist in the consultant's languages;
 * a report in another language gets them in English, marked as such. */
function countedSentences(writer: BlockWriter, result: FactorResult | undefined): void {
  const { context } = writer;
  if (!result || result.suppressed || (!result.exposure && !result.knowledge)) return;
  const language = context.language === 'nb' ? 'nb' : 'en';
  const question = (itemId: string) => localize(context.data.guide.items.find((item) => item.id === itemId)?.text ?? {}, language);
  const sentences = [
    ...(result.exposure?.items ?? []).map((count) => exposureItemSentence(count, question(count.itemId), { kind: 'total' }, language)),
    ...(result.exposure ? [exposureFactorSentence(result.exposure, language)] : []),
    ...(result.knowledge ?? []).map((count) => knowledgeSentence(count, question(count.itemId), language)),
  ];
  for (const sentence of sentences) {
    const own = language === context.language;
    writer.push(paragraph(context, [{ text: sentence, ...(own ? {} : { lang: language, dir: 'ltr' as const }) }]));
  }
}

export function factorDetails(
  writer: BlockWriter,
  options: { factors: 'all' | 'flagged'; distribution: 'none' | 'table' | 'chart'; quotes: boolean; legalBasis: boolean },
): void {
  const { context } = writer;
  const { labels, data } = context;
  for (const factor of factorsFor(context, options.factors)) {
    const result = context.result(factor.id);
    writer.heading(2, context.factorTitle(factor.id));
    writer.push(paragraph(context, context.text(factor.description)));
    writer.push(paragraph(context, [{ text: resultSentence(context, result), bold: true }]));
    countedSentences(writer, result);
    if (options.distribution !== 'none') factorDistribution(writer, factor, options.distribution);
    if (options.legalBasis && factor.legalBasis.length) {
      const citations = factor.legalBasis.flatMap((id) => data.guide.legalReferences.filter((ref) => ref.id === id).map((ref) => ref.citation));
      writer.push(paragraph(context, [{ text: `${labels.legalBasisOfFactor}: `, bold: true }, { text: citations.join('; ') }], 'small'));
    }
    const quotes = options.quotes ? quotesOf(context, factor.id) : [];
    if (quotes.length) {
      writer.push(paragraph(context, [{ text: labels.quotes, bold: true }]));
      for (const quote of quotes) writer.push(paragraph(context, runs(quote, { italic: true }), 'quote'));
    }
  }
}

export function groupComparison(writer: BlockWriter, options: { display: 'table' | 'chart' }): void {
  const { context } = writer;
  const { labels, data } = context;
  const groups = data.result.groups;
  if (options.display === 'chart') {
    groupComparisonChart(writer);
  } else {
    const columns = [column(labels.factor, 5), ...groups.map((group) => column(group.group, 2.2, 'center')), column(labels.whole, 2.2, 'center')];
    const rows = data.guide.factors.map((factor) => [
      cell(context.factorTitle(factor.id)),
      ...groups.map((group) => scoreWithLight(context, group.factors.find((f) => f.factorId === factor.id))),
      scoreWithLight(context, context.result(factor.id)),
    ]);
    writer.push(table(context, columns, rows));
  }
  if (anyWithheld([...data.result.factors, ...groups.flatMap((group) => group.factors)])) withheldNote(writer);
}

function changeCell(context: ReportContext, comparison: FactorComparison | undefined): TableCell {
  if (!comparison) return cell('–', undefined, 'center');
  if (comparison.suppressed) return cell(context.labels.withheld, 'muted', 'center');
  if (comparison.change === null || comparison.difference === null) return cell('–', undefined, 'center');
  const sign = new Intl.NumberFormat(context.locale, { maximumFractionDigits: 0, signDisplay: 'exceptZero' }).format(comparison.difference);
  return cell(`${context.labels.changes[comparison.change]} (${sign})`, undefined, 'center');
}

export function priorComparison(writer: BlockWriter): void {
  const { context } = writer;
  const { labels, data } = context;
  const prior = data.prior;
  if (!prior) {
    writer.push(paragraph(context, labels.noPrior));
    return;
  }
  writer.push(paragraph(context, fillLabel(labels.priorIntro, { title: prior.title, date: context.date(prior.date) || '–' })));
  const rows = data.guide.factors.map((factor) => {
    const comparison = prior.comparison.find((entry) => entry.factorId === factor.id);
    const before = prior.result.factors.find((entry) => entry.factorId === factor.id);
    const withheld = comparison?.suppressed;
    // When the comparison is withheld, neither side is shown: one score and the change give the other.
    return [
      cell(context.factorTitle(factor.id)),
      withheld ? cell(labels.withheld, 'muted', 'center') : scoreWithLight(context, before),
      withheld ? cell(labels.withheld, 'muted', 'center') : scoreWithLight(context, context.result(factor.id)),
      changeCell(context, comparison),
    ];
  });
  writer.push(table(context, [column(labels.factor, 5), column(labels.before, 2.2, 'center'), column(labels.now, 2.2, 'center'), column(labels.change, 2.4, 'center')], rows));
  if (prior.comparison.some((entry) => entry.suppressed) || anyWithheld(prior.result.factors)) withheldNote(writer);
}
