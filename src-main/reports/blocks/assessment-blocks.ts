// Blocks about the assessment itself: who took part (counts, never names), the legal basis, the
// signature lines and the guide's items for the appendix.
import { participantRoles, totalParticipants } from '../../core/assessments';
import { approvalParties } from '../../core/issuing';
import { normalizeGroupLabel } from '../../core/group-label';
import { knownLanguages } from '../../core/languages';
import { fillLabel } from '../report-labels';
import { cell, column, paragraph, runs, table, type BlockWriter } from './block-kit';

export function participants(writer: BlockWriter): void {
  const { context } = writer;
  const { labels, data } = context;
  const held = data.snapshot.interviews.filter((interview) => interview.status !== 'planned');
  const groups = new Set(held.map((interview) => normalizeGroupLabel(interview.groupName))).size;
  writer.push(paragraph(context, fillLabel(labels.interviewsSentence, { interviews: held.length, groups })));

  const byRole = participantRoles.map((role) => ({ role, n: held.reduce((sum, interview) => sum + (interview.participants[role] ?? 0), 0) }));
  const total = held.reduce((sum, interview) => sum + totalParticipants(interview.participants), 0);
  writer.push(
    table(
      context,
      [column(labels.participantRole, 4), column(labels.count, 1.5, 'center')],
      [
        ...byRole.filter((entry) => entry.n > 0).map((entry) => [cell(labels.participantRoles[entry.role]), cell(String(entry.n), undefined, 'center')]),
        [cell([{ text: labels.total, bold: true }]), cell([{ text: String(total), bold: true }], undefined, 'center')],
      ],
    ),
  );

  // A language few people speak could point at them, so small numbers are given as a range.
  const minimum = data.result.minimumGroupSize;
  const byLanguage = new Map<string, number>();
  for (const interview of held) {
    byLanguage.set(interview.respondentLanguage, (byLanguage.get(interview.respondentLanguage) ?? 0) + totalParticipants(interview.participants));
  }
  const languageRows = [...byLanguage]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([code, n]) => [
      cell(knownLanguages[code] ? `${knownLanguages[code].nativeName} (${code})` : code),
      cell(n > 0 && n < minimum ? fillLabel(labels.fewerThan, { min: minimum }) : String(n), undefined, 'center'),
    ]);
  if (languageRows.length) writer.push(table(context, [column(labels.language, 4), column(labels.count, 1.5, 'center')], languageRows));

  const interpreted = held.filter((interview) => interview.interpreterUsed).length;
  if (interpreted) {
    const label = interpreted === held.length ? labels.interpreterInAll : labels.interpreterSentence;
    writer.push(paragraph(context, fillLabel(label, { count: interpreted, total: held.length })));
  }
}

/** The guide's legal references that its factors rest on, cited by paragraph, never quoted. */
export function legalBasis(writer: BlockWriter): void {
  const { context } = writer;
  const { guide } = context.data;
  const used = new Set(guide.factors.flatMap((factor) => factor.legalBasis));
  const references = guide.legalReferences.filter((reference) => used.has(reference.id));
  writer.push(
    table(
      context,
      [column(context.labels.citation, 3), column(context.labels.factor, 5)],
      references.map((reference) => [
        cell([{ text: reference.citation, bold: true }]),
        cell(
          [context.text(reference.title), guide.factors.filter((f) => f.legalBasis.includes(reference.id)).map((f) => context.factorTitle(f.id)).join(', ')]
            .filter(Boolean)
            .join('\n'),
        ),
      ]),
    ),
  );
}

export function signatures(writer: BlockWriter, roles: string[]): void {
  const { context } = writer;
  const { labels } = context;
  writer.push(
    table(
      context,
      [column('', 3), column(labels.placeAndDate, 3), column(labels.signature, 4)],
      roles.map((role) => [cell([{ text: role, bold: true }]), cell(''), cell('')]),
      { layout: 'signatures' },
    ),
  );
}

/** Who approved the issued revision for the employer and as safety representative (verneombud). */
export function approvals(writer: BlockWriter): void {
  const { context } = writer;
  const labels = context.labels.approvals;
  const given = context.data.draft ? null : (context.data.approvals ?? null);
  if (!given) {
    writer.push(paragraph(context, labels.none));
    return;
  }
  writer.push(
    table(
      context,
      [column(labels.party, 3), column(labels.name, 4), column(labels.role, 4), column(labels.date, 2)],
      approvalParties.map((party) => [cell([{ text: labels[party], bold: true }]), cell(given[party].name), cell(given[party].role), cell(given[party].date)]),
    ),
  );
}

export function guideItems(writer: BlockWriter): void {
  const { context } = writer;
  const { guide } = context.data;
  for (const factor of guide.factors) {
    writer.heading(3, context.factorTitle(factor.id));
    const items = guide.items.filter((item) => item.factor === factor.id);
    writer.push({
      kind: 'list',
      ordered: true,
      items: items.map((item) => runs(context.text(item.text) + (item.reverse ? ` (${context.labels.reverseScored})` : ''))),
      lang: context.language,
      dir: context.dir,
    });
  }
}
