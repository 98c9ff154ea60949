// The survey files imported into an assessment, each a batch that can be undone as a whole.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveyImportBatch } from '../../../src-main/core/survey-duplicates';
import { useNotices } from '../../app/notices';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { api } from '../../lib/api/client';
import { useApiLoad } from '../../lib/api/use-api';
import { formatDateTime } from '../../lib/dates';
import { errorText } from '../../lib/errors';
import { TransferProblems } from './TransferError';

export function SurveyImportBatches({ assessmentId, version, onUndone }: { assessmentId: string; version: number; onUndone: () => void }) {
  const { t, i18n } = useTranslation();
  const notify = useNotices((s) => s.show);
  // Loaded again for every new import or undo (the caller counts them in `version`).
  const { data: batches = null, error } = useApiLoad([assessmentId, version], (client) => client.call('surveys.imports', { assessmentId }));
  const [busy, setBusy] = useState(false);
  const [chosen, setChosen] = useState<SurveyImportBatch | null>(null);
  const [undoError, setUndoError] = useState<string | null>(null);

  async function undo(batch: SurveyImportBatch) {
    setBusy(true);
    setUndoError(null);
    try {
      const done = await api.call('surveys.undoImport', { importId: batch.id });
      notify(t('surveyImports.undone', { file: batch.fileName, respondents: done.respondents }));
      setChosen(null);
      onUndone();
    } catch (caught) {
      setUndoError(errorText(t, caught));
    } finally {
      setBusy(false);
    }
  }

  if (batches === null) return <TransferProblems problem={null} error={error} />;
  return (
    <div className="survey-batches">
      <h3>{t('surveyImports.listTitle')}</h3>
      {batches.length === 0 ? (
        <p className="muted">{t('surveyImports.listEmpty')}</p>
      ) : (
        <table aria-label={t('surveyImports.listTitle')}>
          <thead>
            <tr>
              <th scope="col">{t('surveyImports.file')}</th>
              <th scope="col">{t('surveyImports.importedAt')}</th>
              <th scope="col">{t('surveyImports.respondents')}</th>
              <th scope="col">{t('surveyImports.groups')}</th>
              <td />
            </tr>
          </thead>
          <tbody>
            {batches.map((batch) => (
              <tr key={batch.id}>
                <th scope="row">{batch.fileName}</th>
                <td>{formatDateTime(batch.importedAt, i18n.language)}</td>
                <td>{batch.respondents}</td>
                <td>{batch.groups.map((group) => `${group.group} (${group.respondents})`).join(', ')}</td>
                <td>
                  <button type="button" disabled={busy} aria-label={t('surveyImports.undoLabel', { file: batch.fileName })} onClick={() => setChosen(batch)}>
                    {t('surveyImports.undo')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <TransferProblems problem={null} error={error} />
      {chosen ? (
        <ConfirmDialog
          title={t('surveyImports.undo')}
          body={t('surveyImports.undoConfirm', { count: chosen.respondents, file: chosen.fileName })}
          confirmLabel={t('surveyImports.undo')}
          busy={busy}
          error={undoError}
          onConfirm={() => void undo(chosen)}
          onCancel={() => setChosen(null)}
        />
      ) : null}
    </div>
  );
}
