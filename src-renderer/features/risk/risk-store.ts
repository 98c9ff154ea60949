// One assessment's risk assessment as the risk screens see it: the assessment, its guide, findings
// and measures; reloaded after every change, since an edit after issuing opens a new revision.
import { create } from 'zustand';
import type { AssessmentDetails } from '../../../src-main/core/assessments';
import type { Guide } from '../../../src-main/core/guide';
import type { Finding, MeasureView } from '../../../src-main/core/risk';
import { api } from '../../lib/api/client';

interface RiskState {
  assessmentId: string | null;
  status: 'loading' | 'ready' | 'error';
  error: unknown;
  assessment: AssessmentDetails | null;
  guide: Guide | null;
  findings: Finding[];
  measures: MeasureView[];
  load(assessmentId: string): Promise<void>;
  /** Reloads after a change: the assessment (its revision may have moved), findings and measures. */
  refresh(): Promise<void>;
}

let latestRequest = 0;

async function fetchRecords(assessmentId: string) {
  const [assessment, findings, measures] = await Promise.all([
    api.call('assessments.get', { id: assessmentId }),
    api.call('findings.list', { assessmentId }),
    api.call('measures.list', { assessmentId }),
  ]);
  return { assessment, findings, measures };
}

export const useRisk = create<RiskState>((set, get) => ({
  assessmentId: null,
  status: 'loading',
  error: null,
  assessment: null,
  guide: null,
  findings: [],
  measures: [],
  async load(assessmentId) {
    const request = ++latestRequest;
    const same = get().assessmentId === assessmentId && get().status === 'ready';
    set({ assessmentId, status: same ? 'ready' : 'loading', error: null });
    try {
      const records = await fetchRecords(assessmentId);
      const current = get().guide;
      const guide =
        current && current.id === records.assessment.guideId && current.version === records.assessment.guideVersion
          ? current
          : await api.call('guides.get', { id: records.assessment.guideId, version: records.assessment.guideVersion });
      if (request === latestRequest) set({ ...records, guide, status: 'ready' });
    } catch (error) {
      if (request === latestRequest) set({ status: 'error', error });
    }
  },
  async refresh() {
    const { assessmentId } = get();
    if (!assessmentId) return;
    const request = ++latestRequest;
    const records = await fetchRecords(assessmentId);
    if (request === latestRequest) set(records);
  },
}));

