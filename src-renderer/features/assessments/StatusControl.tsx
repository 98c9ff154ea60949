// Sets an assessment planned, in progress or completed; "issued" comes only from issuing a report.
import { useTranslation } from 'react-i18next';
import type { AssessmentDetails } from '../../../src-main/core/assessments';
import { useNotices } from '../../app/notices';
import { useApiMutation } from '../../lib/api/use-api';

const settable = ['planned', 'in_progress', 'completed'] as const;

export function StatusControl({ assessment, onChanged }: { assessment: AssessmentDetails; onChanged(updated: AssessmentDetails): void }) {
  const { t } = useTranslation();
  const notify = useNotices((s) => s.show);
  // The screen takes the returned assessment; nothing else needs loading again.
  const { attempt, busy, errorMessage } = useApiMutation('assessments.setStatus', { invalidates: [] });

  async function change(status: (typeof settable)[number]) {
    const changed = await attempt({ id: assessment.id, status });
    if (!changed) return;
    onChanged(changed.value);
    notify(t('assessments.statusChanged'));
  }

  return (
    <div className="field status-control">
      <label htmlFor="assessment-status-control">{t('assessments.statusLabel')}</label>
      <select
        id="assessment-status-control"
        value={assessment.status}
        disabled={busy}
        aria-describedby={assessment.status === 'issued' ? 'assessment-issued-hint' : undefined}
        onChange={(event) => void change(event.target.value as (typeof settable)[number])}
      >
        {assessment.status === 'issued' ? (
          <option value="issued" disabled>
            {t('assessments.status.issued')}
          </option>
        ) : null}
        {settable.map((status) => (
          <option key={status} value={status}>
            {t(`assessments.status.${status}`)}
          </option>
        ))}
      </select>
      {assessment.status === 'issued' ? (
        <p className="field-hint" id="assessment-issued-hint">
          {t('assessments.issuedHint')}
        </p>
      ) : null}
      {errorMessage ? (
        <p className="error-text" role="alert">
          {errorMessage}
        </p>
      ) : null}
    </div>
  );
}
