// Exporting an assessment's aggregated scores as a spreadsheet: only what the results page shows.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field';
import { useApiQuery } from '../../lib/api/use-api';
import { TransferError } from './TransferError';
import { useFileDownload } from './use-file-download';

export function ResultsExportSection() {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const list = useApiQuery('assessments.list', { limit: 10_000 });
  const assessments = list.data ?? [];
  const [assessmentId, setAssessmentId] = useState('');
  const [format, setFormat] = useState<'csv' | 'xlsx'>('xlsx');
  const [language, setLanguage] = useState<'nb' | 'en'>(i18n.language === 'en' ? 'en' : 'nb');
  const { busy, error: downloadError, download } = useFileDownload();
  const error = downloadError ?? list.error;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!assessmentId) return;
    await download((client) => client.call('transfer.exportResults', { assessmentId, format, language }));
  }

  return (
    <section className="transfer-section" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('transfer.results.title')}</h2>
      <p className="field-hint">{t('transfer.results.hint')}</p>
      <form className="form" onSubmit={(event) => void submit(event)}>
        <div className="field-row">
          <Field label={t('transfer.results.assessment')} required>
            {(props) => (
              <select {...props} value={assessmentId} onChange={(event) => setAssessmentId(event.target.value)}>
                <option value="">{t('transfer.survey.chooseAssessment')}</option>
                {assessments.map((assessment) => (
                  <option key={assessment.id} value={assessment.id}>
                    {assessment.title} ({assessment.clientName})
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('transfer.results.language')}>
            {(props) => (
              <select {...props} value={language} onChange={(event) => setLanguage(event.target.value as 'nb' | 'en')}>
                <option value="nb">{t('languages.nb')}</option>
                <option value="en">{t('languages.en')}</option>
              </select>
            )}
          </Field>
        </div>
        <fieldset className="choice-group">
          <legend>{t('transfer.results.format')}</legend>
          {(['xlsx', 'csv'] as const).map((option) => (
            <label key={option} className="choice">
              <input type="radio" name="results-format" value={option} checked={format === option} onChange={() => setFormat(option)} />
              {t(`transfer.results.${option}`)}
            </label>
          ))}
        </fieldset>
        {error ? <TransferError error={error} /> : null}
        <div className="button-row">
          <button type="submit" className="primary" disabled={busy || !assessmentId}>
            {busy ? t('transfer.working') : t('transfer.results.button')}
          </button>
        </div>
      </form>
    </section>
  );
}
