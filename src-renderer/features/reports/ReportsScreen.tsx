// An assessment's reports: pick a template and language, preview, download a draft at any time,
// issue (a separate step with its checklist and approvals) and the issued reports with their SHA-256.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodInput, MethodOutput } from '../../../src-main/api/contract';
import { knownLanguages, languageWithNativeName } from '../../../src-main/core/languages';
import { useNavigation } from '../../app/navigation';
import { useNotices } from '../../app/notices';
import { Field } from '../../components/Field';
import { CallProgress } from '../../components/CallProgress';
import { LoadError, Loading } from '../../components/StatusViews';
import { ApiError } from '../../lib/api/client';
import { formatDateTime } from '../../lib/dates';
import { useApiAction, useApiLoad, useApiMutation } from '../../lib/api/use-api';
import { errorText, fieldErrors } from '../../lib/errors';
import { saveFile, showSavedFile, type FileToSave } from '../../lib/save-file';
import { IssueDialog } from './IssueDialog';
import { ReportPreview } from './ReportPreview';

type IssuedReport = MethodOutput<'reports.list'>[number];
type Preview = MethodOutput<'reports.preview'>;
type Format = IssuedReport['files'][number]['format'];
const formats: Format[] = ['docx', 'pdf'];

export function ReportsScreen({ assessmentId }: { assessmentId: string }) {
  const { t, i18n } = useTranslation();
  const ui = i18n.language === 'en' ? 'en' : 'nb';
  const go = useNavigation((s) => s.go);
  const notify = useNotices((s) => s.show);
  const [issuing, setIssuing] = useState(false);
  const [templateChoice, setTemplateId] = useState('');
  const [language, setLanguage] = useState('');
  const [chosenFormats, setChosenFormats] = useState<Format[]>(['docx', 'pdf']);
  /** Characters no report font has, replaced in the last file made: the consultant is told. */
  const [replacedCharacters, setReplacedCharacters] = useState<MethodOutput<'reports.export'>['replacedCharacters']>([]);
  const [preview, setPreview] = useState<Preview | null>(null);
  // Previews, drafts and downloads change nothing; an export patches the list of issued reports itself.
  const previewing = useApiMutation('reports.preview', { invalidates: [] });
  const [lastSaved, setLastSaved] = useState<{ savedId: string; fileName: string } | null>(null);

  /** Saved (or downloaded) as it is named; false when the save dialog was cancelled. */
  async function save(file: FileToSave): Promise<boolean> {
    const outcome = await saveFile(file);
    setLastSaved(outcome.kind === 'saved' ? { savedId: outcome.savedId, fileName: file.fileName } : null);
    return outcome.kind !== 'cancelled';
  }

  const exporting = useApiAction(async (client, input: MethodInput<'reports.export'>) => {
    const report = await client.call('reports.export', input);
    return { report, issued: await client.call('reports.list', { assessmentId }) };
  });
  const drafting = useApiAction(async (client, { formats: chosen, ...input }: Omit<MethodInput<'reports.draft'>, 'format'> & { formats: Format[] }) => {
    for (const format of chosen) {
      const draft = await client.call('reports.draft', { ...input, format });
      setReplacedCharacters(draft.replacedCharacters);
      if (await save(draft)) notify(t('issuing.draftSaved', { file: draft.fileName }));
    }
  });
  const downloading = useApiAction(async (client, { report, format }: { report: IssuedReport; format: Format }) => {
    await save(await client.call('reports.download', { reportId: report.id, format }));
  });
  const actions = [previewing, exporting, drafting, downloading];
  const busy = previewing.busy ? 'preview' : exporting.busy ? 'export' : drafting.busy ? 'draft' : null;
  /** Showing the saved file in its folder is the desktop's, not the API's. */
  const [folderError, setFolderError] = useState<unknown>(null);
  const actionError = actions.find((action) => action.error)?.error ?? folderError;
  function clearActionErrors() {
    for (const action of actions) action.reset();
    setFolderError(null);
  }
  const [formatError, setFormatError] = useState<string | null>(null);
  const loaded = useApiLoad(assessmentId, (client) =>
    Promise.all([
      client.call('assessments.get', { id: assessmentId }),
      client.call('reports.templates', {}),
      client.call('reports.list', { assessmentId }),
      client.call('revisions.list', { assessmentId }),
    ]),
  );
  const title = loaded.data?.[0].title ?? null;
  const templates = loaded.data?.[1] ?? null;
  const issued = loaded.data?.[2] ?? [];
  const revisions = loaded.data?.[3];
  const revisionState = revisions ? { number: revisions.currentRevision, issued: revisions.issued } : null;
  // An export and an issued revision patch what was loaded.
  const setIssued = (reports: IssuedReport[]) => loaded.setData(([assessment, list, , current]) => [assessment, list, reports, current]);
  const setRevisionState = (state: { number: number; issued: boolean }) =>
    loaded.setData(([assessment, list, reports, current]) => [assessment, list, reports, { ...current, currentRevision: state.number, issued: state.issued }]);
  // The formal report in the app's language first: it is what a consultant exports most.
  const preferred = templates?.templates.find((entry) => entry.kind === 'formal' && entry.languages[0]?.code === i18n.language) ?? templates?.templates[0];
  const templateId = templateChoice || preferred?.id || '';

  const template = templates?.templates.find((entry) => entry.id === templateId);
  const chosenLanguage = template?.languages.some((entry) => entry.code === language) ? language : (template?.languages[0]?.code ?? '');

  if (loaded.errorMessage) return <LoadError message={loaded.errorMessage} onRetry={() => void loaded.reload()} />;
  if (!templates || title === null || revisionState === null) return <Loading />;

  const languageLabel = (code: string, status: 'draft' | 'reviewed') => {
    const name = languageWithNativeName(code, ui, true);
    return status === 'draft' ? t('reports.draftTranslation', { language: name }) : name;
  };

  async function showPreview() {
    clearActionErrors();
    const shown = await previewing.attempt({ assessmentId, templateId, language: chosenLanguage });
    if (shown) setPreview(shown.value);
  }

  function formatsChosen(): boolean {
    clearActionErrors();
    setFormatError(null);
    if (chosenFormats.length > 0) return true;
    setFormatError(t('reports.noFormat'));
    return false;
  }

  /** Files of the issued revision; issuing itself happens in the dialog, never here. */
  async function exportIssued(number: number) {
    const exported = await exporting.attempt({ assessmentId, templateId, language: chosenLanguage, formats: chosenFormats, revision: number });
    if (!exported) return;
    const { report, issued } = exported.value;
    setReplacedCharacters(report.replacedCharacters);
    notify(t('reports.exported', { revision: report.revision }));
    setIssued(issued);
    setPreview(null);
  }

  function exportReport(event: FormEvent) {
    event.preventDefault();
    if (!formatsChosen()) return;
    if (revisionState?.issued) void exportIssued(revisionState.number);
    else setIssuing(true);
  }

  async function downloadDraft() {
    if (!formatsChosen()) return;
    await drafting.attempt({ assessmentId, templateId, language: chosenLanguage, formats: chosenFormats });
  }

  async function download(report: IssuedReport, format: Format) {
    clearActionErrors();
    await downloading.attempt({ report, format });
  }

  const templateName = (id: string) => templates.templates.find((entry) => entry.id === id)?.name[ui] ?? id;

  return (
    <section aria-labelledby="reports-title">
      <div className="screen-header">
        <button type="button" className="link back" onClick={() => go({ name: 'assessment', assessmentId })}>
          ← {t('reports.backToAssessment')}
        </button>
        <h1 id="reports-title">
          {t('reports.title')}: {title}
        </h1>
      </div>

      {templates.problems.length ? (
        <div className="report-problems" role="note">
          <h2>{t('reports.problemsTitle')}</h2>
          <p>{t('reports.problemsIntro')}</p>
          <ul>
            {templates.problems.map((problem, i) => (
              <li key={i}>
                <code>{t('reports.problem', { source: problem.source, path: problem.path || '–', message: problem.message })}</code>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <form className="report-form" onSubmit={(event) => void exportReport(event)}>
        <Field label={t('reports.template')} hint={template?.description?.[ui]}>
          {(props) => (
          <select
            {...props}
            value={templateId}
            onChange={(event) => {
              setTemplateId(event.target.value);
              setPreview(null);
            }}
          >
            {templates.templates.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {entry.name[ui]}
              </option>
            ))}
          </select>
          )}
        </Field>
        <Field label={t('reports.language')} hint={t('reports.languageHint')}>
          {(props) => (
          <select
            {...props}
            value={chosenLanguage}
            onChange={(event) => {
              setLanguage(event.target.value);
              setPreview(null);
            }}
          >
            {template?.languages.map((entry) => (
              <option key={entry.code} value={entry.code} lang={entry.code}>
                {languageLabel(entry.code, entry.status)}
              </option>
            ))}
          </select>
          )}
        </Field>
        <fieldset className="choice-group">
          <legend>{t('reports.formats')}</legend>
          {formats.map((format) => (
            <label key={format} className="choice">
              <input
                type="checkbox"
                checked={chosenFormats.includes(format)}
                onChange={(event) =>
                  setChosenFormats((current) => (event.target.checked ? formats.filter((f) => f === format || current.includes(f)) : current.filter((f) => f !== format)))
                }
              />
              <span>{format.toUpperCase()}</span>
            </label>
          ))}
        </fieldset>
        <div className="button-row">
          <button type="button" disabled={busy !== null || !template} onClick={() => void showPreview()}>
            {busy === 'preview' ? t('reports.previewing') : t('reports.preview')}
          </button>
          <button type="button" disabled={busy !== null || !template} aria-describedby="draft-hint" onClick={() => void downloadDraft()}>
            {busy === 'draft' ? t('issuing.drafting') : t('issuing.draft')}
          </button>
          <button type="submit" className="primary" disabled={busy !== null || !template}>
            {busy === 'export'
              ? t('reports.exporting')
              : revisionState.issued
                ? t('issuing.exportIssued', { number: revisionState.number })
                : t('issuing.issue', { number: revisionState.number })}
          </button>
          <CallProgress methods={['reports.export']} />
        </div>
        <p id="draft-hint" className="field-hint">
          {t('issuing.draftHint')}
        </p>
        {replacedCharacters.length ? (
          <div className="warning-text" role="status">
            <p>{t('reports.replacedCharacters')}</p>
            <ul>
              {replacedCharacters.map((entry) => (
                <li key={entry.codePoint}>{t('reports.replacedCharacter', { character: entry.character, code: entry.codePoint, replacement: entry.replacement })}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {formatError ? (
          <p className="error-text" role="alert">
            {formatError}
          </p>
        ) : null}
        {lastSaved ? (
          <p className="saved-file" role="status">
            {t('savedFile.saved', { file: lastSaved.fileName })}{' '}
            <button type="button" className="link" onClick={() => void showSavedFile(lastSaved.savedId).catch(setFolderError)}>
              {t('savedFile.showInFolder')}
            </button>
          </p>
        ) : null}
        {actionError ? (
          <div className="error-text" role="alert">
            <p>{errorText(t, actionError)}</p>
            {actionError instanceof ApiError && actionError.issues.length ? (
              <ul>
                {actionError.issues.map((issue, i) => (
                  <li key={i}>
                    {/* A problem with a key: its text in the user's language, then the API's detail. */}
                    {issue.key ? `${fieldErrors(t, actionError)[issue.path]} ` : null}
                    <code>{issue.path || '–'}</code>: {issue.message}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </form>

      <h2>{t('reports.issued')}</h2>
      {issued.length === 0 ? (
        <p>{t('reports.none')}</p>
      ) : (
        <table className="issued-reports">
          <thead>
            <tr>
              <th scope="col">{t('reports.issuedAt')}</th>
              <th scope="col">{t('reports.template')}</th>
              <th scope="col">{t('reports.language')}</th>
              <th scope="col">{t('reports.revision')}</th>
              <th scope="col">{t('reports.files')}</th>
            </tr>
          </thead>
          <tbody>
            {issued.map((report) => (
              <tr key={report.id}>
                <td>{formatDateTime(report.issuedAt, ui)}</td>
                <td>
                  {templateName(report.templateId)} <span className="muted">({report.templateVersion})</span>
                </td>
                <td lang={report.language}>{knownLanguages[report.language]?.nativeName ?? report.language}</td>
                <td>{report.revision}</td>
                <td>
                  <ul className="report-files">
                    {report.files.map((file) => (
                      <li key={file.format}>
                        <button type="button" aria-label={t('reports.downloadName', { format: file.format.toUpperCase(), file: file.fileName })} onClick={() => void download(report, file.format)}>
                          {t('reports.download', { format: file.format.toUpperCase() })}
                        </button>{' '}
                        <span className="report-hash">
                          {t('reports.sha256')} <code>{file.sha256}</code>
                        </span>
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {issuing ? (
        <IssueDialog
          assessmentId={assessmentId}
          revision={revisionState.number}
          onCancel={() => setIssuing(false)}
          onIssued={async (revision) => {
            setIssuing(false);
            setRevisionState({ number: revision.number, issued: true });
            notify(t('issuing.issued', { number: revision.number }));
            await exportIssued(revision.number);
          }}
        />
      ) : null}

      {preview ? (
        <>
          <h2>{t('reports.previewTitle')}</h2>
          <p className="report-preview-note" role="status">
            {preview.draft ? t('reports.previewDraft') : t('reports.previewIssued', { revision: preview.revision })}
          </p>
          <ReportPreview document={preview.document} />
        </>
      ) : null}
    </section>
  );
}
