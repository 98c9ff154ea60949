// An assessment's status as a label with a symbol, so it never rests on colour alone.
import { useTranslation } from 'react-i18next';
import type { AssessmentStatus } from '../../../src-main/core/assessments';

const symbols: Record<AssessmentStatus, string> = { planned: '○', in_progress: '◐', completed: '●', issued: '✔' };

export function StatusBadge({ status }: { status: AssessmentStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`status-badge status-${status}`}>
      <span aria-hidden="true">{symbols[status]} </span>
      {t(`assessments.status.${status}`)}
    </span>
  );
}
