// The assessment list as the overview sees it (filters, loading state, results), and the guides
// and clients the forms and filters choose from.
import { create } from 'zustand';
import type { MethodInput, MethodOutput } from '../../../src-main/api/contract';
import type { AssessmentStatus, AssessmentSummary } from '../../../src-main/core/assessments';
import type { ClientSummary } from '../../../src-main/core/clients';
import { api } from '../../lib/api/client';

export type GuideSummary = MethodOutput<'guides.list'>['guides'][number];

export interface AssessmentFilters {
  clientId: string;
  status: AssessmentStatus | '';
  from: string;
  to: string;
  search: string;
}

export const noFilters: AssessmentFilters = { clientId: '', status: '', from: '', to: '', search: '' };

interface AssessmentsState {
  filters: AssessmentFilters;
  status: 'loading' | 'ready' | 'error';
  assessments: AssessmentSummary[];
  error: unknown;
  clients: ClientSummary[];
  guides: GuideSummary[] | null;
  guidesError: unknown;
  setFilters(patch: Partial<AssessmentFilters>): void;
  load(): Promise<void>;
  loadClients(): Promise<void>;
  /** Loaded once; guides change only when one is imported. */
  loadGuides(force?: boolean): Promise<GuideSummary[]>;
}

/** Only filled-in filters go to the API; a half-typed date is not a filter yet. */
export function listInput(filters: AssessmentFilters): MethodInput<'assessments.list'> {
  const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);
  return {
    ...(filters.clientId ? { clientId: filters.clientId } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(isDate(filters.from) ? { from: filters.from } : {}),
    ...(isDate(filters.to) ? { to: filters.to } : {}),
    ...(filters.search.trim() ? { search: filters.search.trim() } : {}),
  };
}

let latestRequest = 0;
let guidesRequest: Promise<GuideSummary[]> | null = null;

export const useAssessments = create<AssessmentsState>((set, get) => ({
  filters: noFilters,
  status: 'loading',
  assessments: [],
  error: null,
  clients: [],
  guides: null,
  guidesError: null,
  setFilters(patch) {
    set({ filters: { ...get().filters, ...patch } });
    void get().load();
  },
  async load() {
    const request = ++latestRequest;
    set({ status: get().assessments.length ? 'ready' : 'loading', error: null });
    try {
      const assessments = await api.call('assessments.list', listInput(get().filters));
      // A slower earlier request must not overwrite a newer one.
      if (request === latestRequest) set({ assessments, status: 'ready' });
    } catch (error) {
      if (request === latestRequest) set({ status: 'error', error });
    }
  },
  async loadClients() {
    set({ clients: await api.call('clients.list', {}) });
  },
  loadGuides(force = false) {
    const loaded = get().guides;
    if (loaded && !force) return Promise.resolve(loaded);
    guidesRequest ??= api.call('guides.list', {}).then(
      ({ guides }) => {
        guidesRequest = null;
        set({ guides, guidesError: null });
        return guides;
      },
      (error: unknown) => {
        guidesRequest = null;
        set({ guidesError: error });
        throw error;
      },
    );
    return guidesRequest;
  },
}));
