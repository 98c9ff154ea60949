// Add or edit a finding: what the hazard is, where it comes from, who is exposed, and its rating on
// the consultancy's risk matrix with the level it gives.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodInput } from '../../../src-main/api/contract';
import type { Guide } from '../../../src-main/core/guide';
import { localize } from '../../../src-main/core/localize';
import type { Finding } from '../../../src-main/core/risk';
import { consequenceLabels, isOnMatrix, likelihoodLabels, matrixSteps, riskLevel, type RiskMatrix } from '../../../src-main/core/risk-matrix';
import { EditForm } from '../../components/EditForm';
import { Field } from '../../components/Field';
import { LevelLabel } from './LevelLabel';

export interface FindingFormValues {
  title: string;
  factorIds: string[];
  hazard: string;
  causes: string;
  exposed: string;
  existingMeasures: string;
  likelihood: string;
  consequence: string;
  justification: string;
  accept: boolean;
}

export function findingFormValues(finding?: Finding): FindingFormValues {
  return {
    title: finding?.title ?? '',
    factorIds: finding?.factorIds ?? [],
    hazard: finding?.hazard ?? '',
    causes: finding?.causes ?? '',
    exposed: finding?.exposed ?? '',
    existingMeasures: finding?.existingMeasures ?? '',
    likelihood: finding?.likelihood ? String(finding.likelihood) : '',
    consequence: finding?.consequence ? String(finding.consequence) : '',
    justification: finding?.justification ?? '',
    accept: false,
  };
}

export function findingInput(values: FindingFormValues) {
  return {
    title: values.title,
    factorIds: values.factorIds,
    hazard: values.hazard,
    causes: values.causes,
    exposed: values.exposed,
    existingMeasures: values.existingMeasures,
    likelihood: values.likelihood ? Number(values.likelihood) : null,
    consequence: values.consequence ? Number(values.consequence) : null,
    justification: values.justification,
  } satisfies Omit<MethodInput<'findings.create'>, 'assessmentId'>;
}

interface FindingFormProps {
  heading: string;
  initial: FindingFormValues;
  guide: Guide;
  matrix: RiskMatrix;
  /** The finding being edited, if any: a proposed one can be accepted as it is saved. */
  finding?: Finding;
  onSubmit(values: FindingFormValues): Promise<void>;
  onCancel(): void;
}

export function FindingForm({ heading, initial, guide, matrix, finding, onSubmit, onCancel }: FindingFormProps) {
  const { t, i18n } = useTranslation();
  const [values, setValues] = useState(initial);
  const set = <K extends keyof FindingFormValues>(key: K) => (value: FindingFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const likelihood = Number(values.likelihood);
  const consequence = Number(values.consequence);
  const level = isOnMatrix(matrix, likelihood) && isOnMatrix(matrix, consequence) ? riskLevel(matrix, likelihood, consequence) : null;

  const ratingSelect = (field: 'likelihood' | 'consequence', labels: typeof likelihoodLabels, error?: string) => {
    const current = Number(values[field]);
    // A value from a larger matrix stays visible, so the consultant sees what it was and re-rates it.
    const steps = current > matrix.size ? [...matrixSteps(matrix), current] : matrixSteps(matrix);
    return (
      <Field label={t(`risk.findings.${field}`)} error={error}>
        {(props) => (
          <select {...props} value={values[field]} onChange={(event) => set(field)(event.target.value)}>
            <option value="">{t('risk.findings.notRatedOption')}</option>
            {steps.map((step) => (
              <option key={step} value={String(step)}>
                {step <= matrix.size ? `${step} – ${localize(labels[matrix.size][step - 1], i18n.language)}` : String(step)}
              </option>
            ))}
          </select>
        )}
      </Field>
    );
  };

  return (
    <section className="risk-panel" aria-labelledby="finding-form-title">
      <h2 id="finding-form-title">{heading}</h2>
      <EditForm
        submitLabel={t('common.save')}
        onSubmit={() => onSubmit({ ...values, accept: false })}
        onCancel={onCancel}
        alternative={finding?.status === 'proposed' ? { label: t('risk.findings.saveAndAccept'), onSubmit: () => onSubmit({ ...values, accept: true }) } : undefined}
      >
        {(errors) => (
          <>
            <Field label={t('risk.findings.titleField')} required error={errors.title} limit={{ length: values.title.length, max: 300 }}>
              {(props) => <input {...props} value={values.title} autoComplete="off" onChange={(event) => set('title')(event.target.value)} />}
            </Field>
            <fieldset className="choice-group factor-choices">
              <legend>{t('risk.findings.factorsField')}</legend>
              {guide.factors.map((factor) => (
                <label key={factor.id} className="choice">
                  <input
                    type="checkbox"
                    checked={values.factorIds.includes(factor.id)}
                    onChange={(event) =>
                      set('factorIds')(event.target.checked ? [...values.factorIds, factor.id] : values.factorIds.filter((id) => id !== factor.id))
                    }
                  />
                  <span>{localize(factor.title, i18n.language)}</span>
                </label>
              ))}
              {errors.factorIds ? <p className="field-error">{errors.factorIds}</p> : null}
            </fieldset>
            <Field label={t('risk.findings.hazard')} error={errors.hazard} limit={{ length: values.hazard.length, max: 10_000 }}>
              {(props) => <textarea {...props} rows={6} value={values.hazard} onChange={(event) => set('hazard')(event.target.value)} />}
            </Field>
            <Field label={t('risk.findings.causes')} error={errors.causes} limit={{ length: values.causes.length, max: 10_000 }}>
              {(props) => <textarea {...props} rows={3} value={values.causes} onChange={(event) => set('causes')(event.target.value)} />}
            </Field>
            <Field label={t('risk.findings.exposedField')} hint={t('risk.findings.exposedHint')} error={errors.exposed} limit={{ length: values.exposed.length, max: 2000 }}>
              {(props) => <input {...props} value={values.exposed} autoComplete="off" onChange={(event) => set('exposed')(event.target.value)} />}
            </Field>
            <Field label={t('risk.findings.existingMeasures')} error={errors.existingMeasures} limit={{ length: values.existingMeasures.length, max: 10_000 }}>
              {(props) => (
                <textarea {...props} rows={3} value={values.existingMeasures} onChange={(event) => set('existingMeasures')(event.target.value)} />
              )}
            </Field>
            {finding?.needsReview ? <p className="risk-note">{t('risk.findings.needsReview')}</p> : null}
            <div className="field-row">
              {ratingSelect('likelihood', likelihoodLabels, errors.likelihood)}
              {ratingSelect('consequence', consequenceLabels, errors.consequence)}
            </div>
            <p className="resulting-level" aria-live="polite">
              {level ? (
                <>
                  {t('risk.findings.resultingLevel')} <LevelLabel level={level} />
                </>
              ) : null}
            </p>
            <Field label={t('risk.findings.justification')} error={errors.justification} limit={{ length: values.justification.length, max: 10_000 }}>
              {(props) => (
                <textarea {...props} rows={3} value={values.justification} onChange={(event) => set('justification')(event.target.value)} />
              )}
            </Field>
          </>
        )}
      </EditForm>
    </section>
  );
}
