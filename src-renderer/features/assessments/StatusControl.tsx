// Sets an assessment planned, in progress or completed; "issued" comes only from issuing a report.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessmentDetails } from '../../../src-main/core/assessments';
import { useNotices } from '../../app/notices';
import { api } from '../../lib/api/client';
import { errorText } from '../../lib/errors';

const settable = ['planned', 'in_progress', 'completed'] as const;

export function StatusControl({ assessment, onChanged }: { assessment: AssessmentDetails; onChanged(updated: AssessmentDetails): void }) {
  const { t } = useTranslation();
  const notify = useNotices((s) => s.show);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function change(status: (typeof settable)[number]) {
    setBusy(true);
    setError(null);
    try {
      onChanged(await api.call('assessments.setStatus', { id: assessment.id, status }));
      notify(t('assessments.statusChanged'));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
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
      {error ? (
        <p className="error-text" role="alert">
          {errorText(t, error)}
        </p>
      ) : null}
    </div>
  );
}
