// Checks before a report is issued: that it has results to show or a reason written down, and,
// after rendering, that every file holds all the document model says it does.
import { AppError } from '../../core/errors';
import type { ReportFormat } from '../../core/issued-reports';
import type { ReportDocument } from '../../reports/model';
import type { ReportData } from '../../reports/report-context';
import { missingText, quotedText } from '../../reports/self-check';

export function hasShownResult(data: ReportData): boolean {
  return data.result.factors.some((factor) => !factor.suppressed && factor.score !== null);
}

/** A report with no factor result to show is only issued with the consultant's reason, which it prints. */
export function requireShownResultsOrReason(data: ReportData): void {
  if (hasShownResult(data) || data.snapshot.assessment.noResultsReason.trim()) return;
  throw new AppError(
    'conflict',
    'No factor has a result to show (no answers yet, or every result is withheld). Write why the report is issued all the same (the assessment\'s "reason without results"); the report prints it.',
    [{ path: 'noResultsReason', message: 'required when no factor has a result to show', key: 'noResultsReasonRequired' }],
  );
}

/** Each format's reader, loaded when a file of that format is checked: a PDF export does not load
 * the DOCX reader's unzip library, nor a DOCX export the PDF reader. */
const extractors: Record<ReportFormat, () => Promise<(bytes: Buffer) => string[]>> = {
  pdf: async () => (await import('../../reports/pdf/pdf-extract')).extractPdfText,
  docx: async () => (await import('../../reports/docx/docx-extract')).extractDocxText,
};

/** Reads every rendered file back; anything of the model missing from one stops the export. */
export async function checkRenderedReport(document: ReportDocument, rendered: ReadonlyMap<ReportFormat, Buffer>): Promise<void> {
  const issues = [];
  for (const [format, bytes] of rendered) {
    const missing = missingText(document, (await extractors[format]())(bytes));
    if (!missing.length) continue;
    const shown = missing.slice(0, 10).map(quotedText);
    issues.push({ path: format, message: `missing from the ${format.toUpperCase()}: ${shown.join('; ')}${missing.length > 10 ? ` and ${missing.length - 10} more` : ''}`, key: 'reportIncomplete' });
  }
  if (!issues.length) return;
  throw new AppError(
    'internal',
    'The rendered report is missing text its content has, so it was not issued and nothing was recorded. Please report this fault; the list says what is missing.',
    issues,
  );
}
