// One assessment's risk assessment as the risk screens see it: the assessment, its guide, findings
// and measures. The three risk tabs share it, so it is the feature's one store (not a query per
// screen); it registers with the query client, so every useApiMutation of findings, measures or the
// assessment reloads it (an edit after issuing opens a new revision).
import { create } from 'zustand';
import type { AssessmentDetails } from '../../../src-main/core/assessments';
import type { Guide } from '../../../src-main/core/guide';
import type { Finding, MeasureView } from '../../../src-main/core/risk';
import type { MethodName } from '../../../src-main/api/contract';
import { api } from '../../lib/api/client';
import { queryClient } from '../../lib/api/use-api';

interface RiskState {
  assessmentId: string | null;
  status: 'loading' | 'ready' | 'error';
  error: unknown;
  assessment: AssessmentDetails | null;
  guide: Guide | null;
  findings: Finding[];
  measures: MeasureView[];
  load(assessmentId: string): Promise<void>;
  /** Reloads after a change: the assessment (its revision may have moved), findings and measures.
   * A failure shows on the risk screens with "try again"; it never rejects. */
  refresh(): Promise<void>;
}

const readMethods: MethodName[] = ['assessments.get', 'findings.list', 'measures.list'];

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
    try {
      const records = await fetchRecords(assessmentId);
      if (request === latestRequest) set(records);
    } catch (error) {
      if (request === latestRequest) set({ status: 'error', error });
    }
  },
}));

/** Registered while the risk area is open (RiskArea), so mutations there reload the store. */
export function registerRiskStore(): () => void {
  return queryClient.register({
    reads: (matches) => readMethods.some(matches),
    load: () => useRisk.getState().refresh(),
  });
}

