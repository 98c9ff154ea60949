// The survey files imported into an assessment, each a batch that can be undone as a whole.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveyImportBatch } from '../../../src-main/core/survey-duplicates';
import { useNotices } from '../../app/notices';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useApiMutation, useApiQuery } from '../../lib/api/use-api';
import { formatDateTime } from '../../lib/dates';
import { TransferProblems } from './TransferError';

export function SurveyImportBatches({ assessmentId }: { assessmentId: string }) {
  const { t, i18n } = useTranslation();
  const notify = useNotices((s) => s.show);
  // Loaded again after every import or undo: both reload what read 'surveys.imports'.
  const { data: batches = null, error } = useApiQuery('surveys.imports', { assessmentId });
  const undoing = useApiMutation('surveys.undoImport', { invalidates: ['surveys.imports'] });
  const busy = undoing.busy;
  const [chosen, setChosen] = useState<SurveyImportBatch | null>(null);

  async function undo(batch: SurveyImportBatch) {
    const undone = await undoing.attempt({ importId: batch.id });
    if (!undone) return;
    notify(t('surveyImports.undone', { file: batch.fileName, respondents: undone.value.respondents }));
    setChosen(null);
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
          error={undoing.errorMessage}
          onConfirm={() => void undo(chosen)}
          onCancel={() => {
            undoing.reset();
            setChosen(null);
          }}
        />
      ) : null}
    </div>
  );
}
