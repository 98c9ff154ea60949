// Downloading a survey template for a guide: a spreadsheet whose columns map by themselves, or a question list for Forms.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../src-main/api/contract';
import { localize } from '../../../src-main/core/guide';
import { useNotices } from '../../app/notices';
import { Field } from '../../components/Field';
import { api } from '../../lib/api/client';
import { offerDownload } from '../../lib/files';
import { TransferError } from './TransferError';

type GuideSummary = MethodOutput<'guides.list'>['guides'][number];
const guideKey = (guide: { id: string; version: string }) => `${guide.id}@${guide.version}`;

export function SurveyTemplateSection() {
  const { t, i18n } = useTranslation();
  const notify = useNotices((s) => s.show);
  const titleId = useId();
  const [guides, setGuides] = useState<GuideSummary[]>([]);
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void api.call('guides.list', {}).then(
      (list) => {
        setGuides(list.guides);
        if (list.guides[0]) setChosen(guideKey(list.guides[0]));
      },
      (caught: unknown) => setError(caught),
    );
  }, []);

  async function download(format: 'xlsx' | 'csv' | 'forms') {
    const guide = guides.find((g) => guideKey(g) === chosen);
    if (!guide) return;
    setError(null);
    setBusy(true);
    try {
      const file = await api.call('surveys.template', { guide: { guideId: guide.id, guideVersion: guide.version }, format });
      offerDownload(file);
      notify(t('transfer.downloaded', { fileName: file.fileName }));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="transfer-section" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('transfer.surveyFiles.template.title')}</h2>
      <p className="field-hint">{t('transfer.surveyFiles.template.hint')}</p>
      <div className="form">
        <Field label={t('transfer.surveyFiles.template.guide')}>
          {(props) => (
            <select {...props} value={chosen} onChange={(event) => setChosen(event.target.value)}>
              {guides.map((g) => (
                <option key={guideKey(g)} value={guideKey(g)}>
                  {localize(g.title, i18n.language)} {g.version}
                </option>
              ))}
            </select>
          )}
        </Field>
        {error ? <TransferError error={error} /> : null}
        <div className="button-row">
          {(['xlsx', 'csv', 'forms'] as const).map((format) => (
            <button key={format} type="button" disabled={busy || !chosen} onClick={() => void download(format)}>
              {t(`transfer.surveyFiles.template.${format}`)}
            </button>
          ))}
        </div>
      </div>
    </section>
  );
}
