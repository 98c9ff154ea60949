// Choosing the prior assessment an assessment's results are compared with: the suggested one, another, or none.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessmentDetails } from '../../../src-main/core/assessments';
import { useNotices } from '../../app/notices';
import { useApiMutation, useApiQuery } from '../../lib/api/use-api';
import { assessmentFormValues, assessmentInput } from '../assessments/AssessmentForm';

export function PriorAssessmentSection({ assessment, onChanged }: { assessment: AssessmentDetails; onChanged(assessment: AssessmentDetails): void }) {
  const { t } = useTranslation();
  const notify = useNotices((s) => s.show);
  const titleId = useId();
  const selectId = useId();
  const { data: options, errorMessage: loadError } = useApiQuery('assessments.suggestPrior', { assessmentId: assessment.id });
  // The screen takes the returned assessment; nothing else needs loading again.
  const update = useApiMutation('assessments.update', { invalidates: [] });
  const [choice, setChoice] = useState(assessment.priorAssessmentId ?? '');
  const busy = update.busy;
  const error = update.errorMessage ?? loadError;

  async function save(priorAssessmentId: string | null) {
    const input = assessmentInput(assessmentFormValues(assessment), { priorAssessmentId, followUpDate: assessment.followUpDate });
    const saved = await update.attempt({ id: assessment.id, ...input });
    if (!saved) return;
    onChanged(saved.value);
    setChoice(priorAssessmentId ?? '');
    notify(t('transfer.prior.saved'));
  }

  const current = options?.candidates.find((candidate) => candidate.id === assessment.priorAssessmentId);
  const suggestion = options?.suggestion ?? null;
  return (
    <section className="prior-assessment" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('transfer.prior.title')}</h2>
      <p className="field-hint">{t('transfer.prior.hint')}</p>
      <p>{current ? t('transfer.prior.current', { title: current.title }) : t('transfer.prior.none')}</p>
      {options && options.candidates.length === 0 ? <p className="muted">{t('transfer.prior.noCandidates')}</p> : null}
      {suggestion && suggestion.id !== assessment.priorAssessmentId ? (
        <div className="button-row row-actions">
          <p className="muted">{t('transfer.prior.suggested', { title: suggestion.title })}</p>
          <button type="button" disabled={busy} onClick={() => void save(suggestion.id)}>
            {t('transfer.prior.useSuggestion')}
          </button>
        </div>
      ) : null}
      {options && options.candidates.length > 0 ? (
        <div className="field-row prior-choice">
          <div className="field">
            <label htmlFor={selectId}>{t('transfer.prior.choose')}</label>
            <select id={selectId} value={choice} onChange={(event) => setChoice(event.target.value)}>
              <option value="">{t('transfer.prior.noneOption')}</option>
              {options.candidates.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.id === suggestion?.id ? t('transfer.prior.suggestedOption', { title: candidate.title }) : candidate.title}
                </option>
              ))}
            </select>
          </div>
          <button type="button" disabled={busy || choice === (assessment.priorAssessmentId ?? '')} onClick={() => void save(choice || null)}>
            {t('transfer.prior.save')}
          </button>
        </div>
      ) : null}
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
