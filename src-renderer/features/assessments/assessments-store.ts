// The overview's filters, kept while the user opens an assessment and comes back; the list itself
// is loaded with useApiQuery.
import { create } from 'zustand';
import type { MethodInput, MethodOutput } from '../../../src-main/api/contract';
import type { AssessmentStatus } from '../../../src-main/core/assessments';

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
  setFilters(patch: Partial<AssessmentFilters>): void;
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

export const useAssessments = create<AssessmentsState>((set, get) => ({
  filters: noFilters,
  setFilters(patch) {
    set({ filters: { ...get().filters, ...patch } });
  },
}));
