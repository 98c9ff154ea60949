// An incoming assessment as a copy beside the local one ("keep both"): every id new, references kept
// pointing at the right records, and "(importert)" after the title.
import type { AssessmentPart } from '../core/package-records';

export const importedCopySuffix = ' (importert)';
const maxTitle = 200;

export function copyTitle(title: string): string {
  return `${title.slice(0, maxTitle - importedCopySuffix.length)}${importedCopySuffix}`;
}

/** Frozen revision snapshots keep the ids they were issued with: they are a record of what was reported. */
export function assessmentCopy(part: AssessmentPart, newId: () => string): AssessmentPart {
  const findingIds = new Map(part.findings.map((finding) => [finding.id, newId()]));
  return {
    assessment: { ...part.assessment, id: newId(), title: copyTitle(part.assessment.title) },
    interviews: part.interviews.map((interview) => ({
      ...interview,
      id: newId(),
      notes: interview.notes.map((note) => ({ ...note, id: newId() })),
      surveyResponses: interview.surveyResponses.map((response) => ({ ...response, id: newId() })),
    })),
    findings: part.findings.map((finding) => ({ ...finding, id: findingIds.get(finding.id)! })),
    measures: part.measures.map((measure) => ({
      ...measure,
      id: newId(),
      findingId: measure.findingId === null ? null : (findingIds.get(measure.findingId) ?? null),
    })),
    revisions: part.revisions.map((revision) => ({ ...revision, id: newId() })),
    issuedReports: part.issuedReports.map((report) => ({ ...report, id: newId() })),
  };
}
