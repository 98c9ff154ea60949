// An assessment's planned period as text: "3. mars 2026 – 5. mars 2026", one date, or "not set".
import type { TFunction } from 'i18next';
import { formatDate } from '../../lib/dates';

export function plannedPeriod(t: TFunction, language: string, start: string | null, end: string | null): string {
  if (start && end && start !== end) return t('assessments.dateRange', { from: formatDate(start, language), to: formatDate(end, language) });
  const one = start ?? end;
  return one ? formatDate(one, language) : t('assessments.notSet');
}
