// Accepting several proposed findings at once: those without a rating get one here first, since a
// finding is accepted only with a rating. Escape or Cancel accepts nothing.
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../src-main/core/localize';
import type { Finding } from '../../../src-main/core/risk';
import { consequenceLabels, likelihoodLabels, matrixSteps, type RiskMatrix } from '../../../src-main/core/risk-matrix';
import { Field } from '../../components/Field';
import { errorText, fieldErrors } from '../../lib/errors';
import { ModalDialog } from '../../components/ModalDialog';

interface BulkAcceptDialogProps {
  unrated: Finding[];
  matrix: RiskMatrix;
  onAccept(rating: { likelihood: number; consequence: number }): Promise<void>;
  onCancel(): void;
}

export function BulkAcceptDialog({ unrated, matrix, onAccept, onCancel }: BulkAcceptDialogProps) {
  const { t, i18n } = useTranslation();
  const first = useRef<HTMLSelectElement>(null);
  const [rating, setRating] = useState({ likelihood: '', consequence: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const errors = fieldErrors(t, error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onAccept({ likelihood: Number(rating.likelihood), consequence: Number(rating.consequence) });
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  const select = (field: 'likelihood' | 'consequence', labels: typeof likelihoodLabels) => (
    <Field label={t(`risk.findings.${field}`)} required error={errors[field]}>
      {(props) => (
        <select {...props} ref={field === 'likelihood' ? first : undefined} value={rating[field]} onChange={(event) => setRating({ ...rating, [field]: event.target.value })}>
          <option value="">{t('risk.findings.notRatedOption')}</option>
          {matrixSteps(matrix).map((step) => (
            <option key={step} value={String(step)}>
              {step} – {localize(labels[matrix.size][step - 1], i18n.language)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  return (
    <ModalDialog titleId="bulk-accept-title" descriptionId="bulk-accept-intro" initialFocus={first} onCancel={onCancel}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <h2 id="bulk-accept-title">{t('findingsBulk.rateTitle')}</h2>
        <p id="bulk-accept-intro">{t('findingsBulk.rateIntro', { count: unrated.length, titles: unrated.map((finding) => `«${finding.title}»`).join(', ') })}</p>
        {select('likelihood', likelihoodLabels)}
        {select('consequence', consequenceLabels)}
        {error && Object.keys(errors).length === 0 ? (
          <p className="error-text" role="alert">
            {errorText(t, error)}
          </p>
        ) : null}
        <div className="button-row">
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy || !rating.likelihood || !rating.consequence}>
            {t('findingsBulk.acceptRated')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
