// The issuing checklist: each check names what is missing, and nothing passes that should not.
import { describe, expect, it } from 'vitest';
import { issueChecklist, missingApprovals, type RevisionApprovals } from '../../src-main/core/issuing';
import type { Finding, Measure } from '../../src-main/core/risk';
import { reportNumber } from '../../src-main/reports/placeholders';
import { reportFileBase } from '../../src-main/reports/report-files';
import type { AssessmentResult } from '../../src-main/core/scoring';

const result = (factors: AssessmentResult['factors']): AssessmentResult => ({ minimumGroupSize: 5, factors, groups: [] });
const shown = (factorId: string, score: number | null) => ({ suppressed: false as const, factorId, score, n: 6, light: null, items: [] });

const finding = (title: string, fields: Partial<Finding>): Finding => ({
  id: title,
  assessmentId: 'a',
  title,
  factorIds: [],
  hazard: '',
  causes: '',
  exposed: '',
  existingMeasures: '',
  likelihood: 3,
  consequence: 3,
  matrixSize: 5,
  level: 'medium',
  justification: '',
  origin: 'manual',
  status: 'accepted',
  dismissalReason: null,
  needsReview: false,
  number: null,
  residualLikelihood: 2,
  residualConsequence: 2,
  residualLevel: 'low',
  createdAt: '',
  updatedAt: '',
  ...fields,
});

const measure = (title: string, fields: Partial<Measure>): Measure => ({
  id: title,
  assessmentId: 'a',
  findingId: null,
  title,
  rationale: '',
  responsibleRole: 'employer',
  deadline: '2027-01-01',
  priority: 'high',
  status: 'agreed',
  dropReason: null,
  agreedBy: ['employer', 'safetyRepresentative'],
  responsibleName: 'Kari Hansen',
  agreedOn: '2026-11-20',
  number: null,
  createdAt: '',
  updatedAt: '',
  ...fields,
});

const approvals: RevisionApprovals = {
  employer: { name: 'Kari', role: 'Daglig leder', date: '2027-01-01' },
  safetyRepresentative: { name: 'Ola', role: 'Verneombud', date: '2027-01-02' },
};

describe('issueChecklist', () => {
  it('passes a complete revision', () => {
    const checks = issueChecklist({ result: result([shown('workload', 55)]), findings: [finding('A', {})], measures: [measure('M', {})], approvals });
    expect(checks.every((check) => check.ok)).toBe(true);
  });

  it('names each gap: a factor without a score or reason, unrated and undecided findings, measures not agreed, approvals', () => {
    const checks = issueChecklist({
      result: result([shown('workload', null), { suppressed: true, factorId: 'role', reason: 'belowMinimumGroupSize' }]),
      findings: [
        finding('Proposed', { status: 'proposed' }),
        finding('Unrated', { level: null, likelihood: null, consequence: null }),
        finding('Review', { needsReview: true }),
        finding('Dismissed', { status: 'dismissed', level: null }),
        finding('No residual', { residualLikelihood: null, residualConsequence: null, residualLevel: null }),
        finding('Frozen before residual ratings', { residualLikelihood: undefined, residualConsequence: undefined, residualLevel: undefined }),
        finding('Proposed, no residual yet', { status: 'proposed', residualLevel: null }),
      ],
      measures: [
        measure('Only proposed', { status: 'proposed', agreedBy: [] }),
        measure('No safety rep', { agreedBy: ['employer'] }),
        measure('Dropped', { status: 'dropped', agreedBy: [] }),
      ],
      approvals: { ...approvals, safetyRepresentative: { name: 'Ola', role: ' ', date: '2027-01-02' } },
    });
    const missing = Object.fromEntries(checks.map((check) => [check.id, check.missing]));
    expect(missing).toEqual({
      factorResults: ['workload'],
      findingsRated: ['Proposed', 'Unrated', 'Review', 'Proposed, no residual yet'],
      residualRated: ['No residual', 'Frozen before residual ratings'],
      measuresComplete: [],
      measuresAgreed: ['Only proposed', 'No safety rep'],
      approvals: ['safetyRepresentative'],
    });
    expect(checks.find((check) => check.id === 'measuresComplete')?.ok).toBe(true);
  });

  it('counts no approvals as both parties missing', () => {
    expect(missingApprovals(null)).toEqual(['employer', 'safetyRepresentative']);
  });
});

describe('reportNumber', () => {
  it('never reads as a date, even when the id starts with one', () => {
    const number = reportNumber({ assessment: { id: '20261205-0000-4000-8000-000000000000' }, revision: 3 });
    expect(number).toBe('C0261205-R3');
    expect(number).not.toMatch(/^\d{4}-?\d{2}-?\d{2}/);
  });
});

describe('reportFileBase', () => {
  it('reads "Risikovurdering <client> <date> rev N", safe for any file system', () => {
    expect(reportFileBase({ templateName: 'Risikovurdering, formell rapport (bokmål)', client: 'Bjørnstad & Sønn / Øst', date: '2027-03-20', revision: 2 })).toBe(
      'Risikovurdering Bjørnstad Sønn Øst 2027-03-20 rev 2',
    );
    expect(reportFileBase({ templateName: 'Handlingsplan (utdrag)', client: 'A:B', date: '2027-03-20', revision: 1, draftMark: 'UTKAST' })).toBe('Handlingsplan A B 2027-03-20 rev 1 UTKAST');
  });
});
