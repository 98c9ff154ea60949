// The consultancy's risk matrix in the settings: size and where medium and high start, with a preview.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultBands, defaultRiskMatrix, matrixProblems, matrixSizes, type MatrixSize, type RiskMatrix } from '../../../src-main/core/risk-matrix';
import { useNotices } from '../../app/notices';
import { EditForm } from '../../components/EditForm';
import { Field } from '../../components/Field';
import { useSettings } from '../settings/settings-store';
import { RiskMatrixGrid } from './RiskMatrixGrid';

export function RiskMatrixSettings() {
  const { t } = useTranslation();
  const notify = useNotices((s) => s.show);
  const { settings, update } = useSettings();
  const saved = settings?.riskMatrix ?? defaultRiskMatrix;
  const [size, setSize] = useState<MatrixSize>(saved.size);
  const [mediumFrom, setMediumFrom] = useState(String(saved.mediumFrom));
  const [highFrom, setHighFrom] = useState(String(saved.highFrom));
  const matrix: RiskMatrix = { size, mediumFrom: Number(mediumFrom), highFrom: Number(highFrom) };
  const previewable = matrixProblems(matrix).length === 0;

  return (
    <section aria-labelledby="risk-matrix-settings-title" className="risk-matrix-settings">
      <h2 id="risk-matrix-settings-title">{t('risk.settings.title')}</h2>
      <p className="field-hint">{t('risk.settings.hint')}</p>
      <EditForm
        submitLabel={t('risk.settings.save')}
        onSubmit={async () => {
          await update({ riskMatrix: matrix });
          notify(t('risk.settings.saved'));
        }}
      >
        {(errors) => (
          <div className="field-row">
            <Field label={t('risk.settings.size')} error={errors['riskMatrix.size']}>
              {(props) => (
                <select
                  {...props}
                  value={String(size)}
                  onChange={(event) => {
                    // A new size starts from its usual bands; the old numbers may not fit it.
                    const next = Number(event.target.value) as MatrixSize;
                    setSize(next);
                    setMediumFrom(String(defaultBands[next].mediumFrom));
                    setHighFrom(String(defaultBands[next].highFrom));
                  }}
                >
                  {matrixSizes.map((option) => (
                    <option key={option} value={String(option)}>
                      {t('risk.settings.sizeOption', { size: option })}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('risk.settings.mediumFrom')} error={errors['riskMatrix.mediumFrom']}>
              {(props) => (
                <input {...props} type="number" min={2} max={size * size - 1} value={mediumFrom} onChange={(event) => setMediumFrom(event.target.value)} />
              )}
            </Field>
            <Field label={t('risk.settings.highFrom')} error={errors['riskMatrix.highFrom']}>
              {(props) => <input {...props} type="number" min={3} max={size * size} value={highFrom} onChange={(event) => setHighFrom(event.target.value)} />}
            </Field>
          </div>
        )}
      </EditForm>
      {previewable ? (
        <>
          <h3>{t('risk.settings.preview')}</h3>
          <RiskMatrixGrid matrix={matrix} findings={[]} numbers={new Map()} showFindings={false} />
        </>
      ) : null}
    </section>
  );
}
