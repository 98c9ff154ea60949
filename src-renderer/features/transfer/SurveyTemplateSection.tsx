// Downloading a survey template for a guide: a spreadsheet whose columns map by themselves, or a question list for Forms.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../lib/api/use-api';
import { GuideSelect, guideKey } from './GuideSelect';
import { TransferError } from './TransferError';
import { useFileDownload } from './use-file-download';

export function SurveyTemplateSection() {
  const { t } = useTranslation();
  const titleId = useId();
  const list = useApiQuery('guides.list', {});
  const guides = list.data?.guides ?? [];
  // The first guide until the user picks another.
  const [choice, setChosen] = useState('');
  const chosen = choice || (guides[0] ? guideKey(guides[0]) : '');
  const { busy, error: downloadError, download } = useFileDownload();
  const error = downloadError ?? list.error;

  function downloadTemplate(format: 'xlsx' | 'csv' | 'forms') {
    const guide = guides.find((g) => guideKey(g) === chosen);
    if (guide) void download((client) => client.call('surveys.template', { guide: { guideId: guide.id, guideVersion: guide.version }, format }));
  }

  return (
    <section className="transfer-section" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('transfer.surveyFiles.template.title')}</h2>
      <p className="field-hint">{t('transfer.surveyFiles.template.hint')}</p>
      <div className="form">
        <GuideSelect label={t('transfer.surveyFiles.template.guide')} guides={guides} value={chosen} onChange={setChosen} />
        {error ? <TransferError error={error} /> : null}
        <div className="button-row">
          {(['xlsx', 'csv', 'forms'] as const).map((format) => (
            <button key={format} type="button" disabled={busy || !chosen} onClick={() => downloadTemplate(format)}>
              {t(`transfer.surveyFiles.template.${format}`)}
            </button>
          ))}
        </div>
      </div>
    </section>
  );
}
