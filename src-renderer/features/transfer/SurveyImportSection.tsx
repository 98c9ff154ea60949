// Importing survey results: choose the file and where the answers go, check the column mapping and the
// rejected cells, then import the valid rows or nothing.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodInput, MethodOutput } from '../../../src-main/api/contract';
import type { Guide } from '../../../src-main/core/guide';
import { useNavigation } from '../../app/navigation';
import { useNotices } from '../../app/notices';
import { Field } from '../../components/Field';
import { CallProgress } from '../../components/CallProgress';
import { FileField } from '../../components/FileField';
import { useApiAction, useApiLoad, useApiMutation } from '../../lib/api/use-api';
import { formatDateTime } from '../../lib/dates';
import { chosenFileProblem, fileToBase64 } from '../../lib/files';
import { SurveyImportBatches } from './SurveyImportBatches';
import { GuideSelect, guideKey } from './GuideSelect';
import { SurveyPreviewView } from './SurveyPreviewView';
import { TransferProblems } from './TransferError';

type Preview = MethodOutput<'surveys.preview'>;
type ImportResult = MethodOutput<'surveys.import'>;
type Upload = { fileName: string; contentBase64: string };

export function SurveyImportSection() {
  const { t, i18n } = useTranslation();
  const notify = useNotices((s) => s.show);
  const go = useNavigation((s) => s.go);
  const titleId = useId();
  const lists = useApiLoad('survey-import', (client) =>
    Promise.all([client.call('clients.list', {}), client.call('guides.list', {}), client.call('assessments.list', { limit: 10_000 })]),
  );
  const [clients, guides, assessments] = lists.data ? [lists.data[0], lists.data[1].guides, lists.data[2]] : [[], [], []];
  const [file, setFile] = useState<File | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const [kind, setKind] = useState<'new' | 'existing'>('new');
  const [clientId, setClientId] = useState('');
  // The first guide until the consultant picks one.
  const [guideChoice, setChosenGuide] = useState('');
  const chosenGuide = guideChoice || (guides[0] ? guideKey(guides[0]) : '');
  const [title, setTitle] = useState('');
  const [assessmentId, setAssessmentId] = useState('');
  const [upload, setUpload] = useState<Upload | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [guide, setGuide] = useState<Guide | null>(null);
  const [defaultGroup, setDefaultGroup] = useState('');
  const [remember, setRemember] = useState(true);
  const [onlyValid, setOnlyValid] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const reading = useApiAction(async (client, { file, guide }: { file: File; guide: MethodInput<'surveys.preview'>['guide'] }) => {
    const read: Upload = { fileName: file.name, contentBase64: await fileToBase64(file) };
    const found = await client.call('surveys.preview', { ...read, guide });
    return { read, found, guide: await client.call('guides.get', { id: found.guideId, version: found.guideVersion }) };
  });
  // Another column target or sheet: the same file read again.
  const rereading = useApiMutation('surveys.preview', { invalidates: [] });
  // The imports of the assessment are listed below, and a new assessment joins the list to choose from.
  const importing = useApiMutation('surveys.import', { invalidates: ['surveys.imports', 'assessments'] });
  const error = reading.error ?? rereading.error ?? importing.error ?? lists.error;
  const busy = reading.busy || importing.busy;
  const [result, setResult] = useState<ImportResult | null>(null);
  const [replaceEarlier, setReplaceEarlier] = useState(false);

  function reset() {
    setPreview(null);
    setUpload(null);
    setGuide(null);
    setProblem(null);
    reading.reset();
    rereading.reset();
    importing.reset();
    setResult(null);
    setOnlyValid(false);
    setReplaceEarlier(false);
  }

  function guideRef() {
    if (kind === 'existing') return { assessmentId };
    const picked = guides.find((g) => guideKey(g) === chosenGuide);
    return { guideId: picked?.id ?? '', guideVersion: picked?.version ?? '' };
  }

  async function read(event: FormEvent) {
    event.preventDefault();
    reset();
    const fileProblem = chosenFileProblem(t, file);
    if (fileProblem || !file) return setProblem(fileProblem);
    if (kind === 'existing' && !assessmentId) return setProblem(t('transfer.survey.chooseAssessment'));
    const done = await reading.attempt({ file, guide: guideRef() });
    if (!done) return;
    setGuide(done.value.guide);
    setUpload(done.value.read);
    setPreview(done.value.found);
    setDefaultGroup((current) => current || t('transfer.survey.defaultGroupValue'));
    setTitle((current) => current || file.name.replace(/\.[^.]+$/, ''));
  }

  async function remap(index: number, target: string) {
    if (!upload || !preview) return;
    const targets = preview.columns.map((column, i) => (i === index ? target : column.target));
    await readAgain({ ...upload, guide: guideRef(), targets, sheet: preview.sheetName ?? undefined });
  }

  async function readAgain(input: MethodInput<'surveys.preview'>) {
    reading.reset();
    importing.reset();
    const found = await rereading.attempt(input);
    if (found) setPreview(found.value);
  }

  /** Another sheet has other columns: its targets are suggested afresh. */
  async function chooseSheet(name: string) {
    if (!upload) return;
    await readAgain({ ...upload, guide: guideRef(), sheet: name });
  }

  async function runImport() {
    if (!upload || !preview) return;
    reading.reset();
    rereading.reset();
    importing.reset();
    setProblem(null);
    if (kind === 'new' && !clientId) return setProblem(t('transfer.survey.chooseClient'));
    const destination =
      kind === 'new'
        ? { kind: 'new' as const, clientId, title, guideId: preview.guideId, guideVersion: preview.guideVersion }
        : { kind: 'existing' as const, assessmentId };
    const imported = await importing.attempt({
      ...upload,
      // The sheet the consultant saw, whichever way it was chosen.
      sheet: preview.sheetName ?? undefined,
      targets: preview.columns.map((column) => column.target),
      destination,
      defaultGroup,
      onlyValidRows: onlyValid,
      rememberMapping: remember,
      replaceEarlier,
    });
    if (!imported) return;
    const done = imported.value;
    setResult(done);
    setReplaceEarlier(false);
    setPreview(null);
    setUpload(null);
    setFile(null);
    setInputKey((key) => key + 1);
    notify(t('transfer.survey.done', { ...done }));
  }

  const canImport = preview !== null && preview.mappingProblems.length === 0 && preview.validRows > 0 && (preview.rejectedTotal === 0 || onlyValid);

  return (
    <section className="transfer-section" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('transfer.survey.title')}</h2>
      <p className="field-hint">{t('transfer.survey.hint')}</p>
      <form className="form" onSubmit={(event) => void read(event)} noValidate>
        <FileField
          label={t('transfer.survey.file')}
          accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          resetKey={inputKey}
          onChoose={(chosen) => {
            setFile(chosen);
            reset();
          }}
        />
        <fieldset className="choice-group">
          <legend>{t('transfer.survey.destination')}</legend>
          {(['new', 'existing'] as const).map((option) => (
            <label key={option} className="choice">
              <input
                type="radio"
                name="survey-destination"
                value={option}
                checked={kind === option}
                onChange={() => {
                  setKind(option);
                  reset();
                }}
              />
              {option === 'new' ? t('transfer.survey.newAssessment') : t('transfer.survey.existing')}
            </label>
          ))}
        </fieldset>
        {kind === 'new' ? (
          <div className="field-row">
            <Field label={t('transfer.survey.client')} required>
              {(props) => (
                <select {...props} value={clientId} onChange={(event) => setClientId(event.target.value)}>
                  <option value="">{t('transfer.survey.chooseClient')}</option>
                  {clients.map((client) => (
                    <option key={client.id} value={client.id}>
                      {client.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <GuideSelect
              label={t('transfer.survey.guide')}
              guides={guides}
              value={chosenGuide}
              onChange={(key) => {
                setChosenGuide(key);
                reset();
              }}
            />
            <Field label={t('transfer.survey.assessmentTitle')} required limit={{ length: title.length, max: 200 }}>
              {(props) => <input {...props} value={title} onChange={(event) => setTitle(event.target.value)} />}
            </Field>
          </div>
        ) : (
          <Field label={t('transfer.survey.assessment')} required>
            {(props) => (
              <select
                {...props}
                value={assessmentId}
                onChange={(event) => {
                  setAssessmentId(event.target.value);
                  reset();
                }}
              >
                <option value="">{t('transfer.survey.chooseAssessment')}</option>
                {assessments.map((assessment) => (
                  <option key={assessment.id} value={assessment.id}>
                    {assessment.title} ({assessment.clientName})
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <div className="button-row">
          <button type="submit" disabled={busy}>
            {busy && !preview ? t('transfer.reading') : t('transfer.survey.read')}
          </button>
        </div>
      </form>
      <TransferProblems problem={problem} error={error} />
      {kind === 'existing' && assessmentId ? (
        <SurveyImportBatches assessmentId={assessmentId} />
      ) : null}
      {result ? (
        <div className="success-box" role="status">
          <p>{t('transfer.survey.done', { ...result })}</p>
          {result.leftOut > 0 ? <p className="muted">{t('transfer.survey.leftOut', { count: result.leftOut })}</p> : null}
          {result.languageUnknown > 0 ? <p className="muted">{t('transfer.surveyFiles.importedLanguageUnknown', { count: result.languageUnknown })}</p> : null}
          {result.replacedRespondents > 0 ? <p className="muted">{t('surveyImports.replaced', { count: result.replacedRespondents })}</p> : null}
          <button type="button" onClick={() => go({ name: 'assessment', assessmentId: result.assessmentId })}>
            {t('transfer.survey.open')}
          </button>
        </div>
      ) : null}
      {preview && guide ? (
        <div className="survey-preview">
          {preview.sheetNames.length > 1 ? (
            <Field label={t('transfer.surveyFiles.sheetChoice')}>
              {(props) => (
                <select {...props} value={preview.sheetName ?? ''} onChange={(event) => void chooseSheet(event.target.value)}>
                  {preview.sheetNames.map((name) => (
                    <option key={name} value={name}>
                      {name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
          <SurveyPreviewView preview={preview} guide={guide} onRemap={(index, target) => void remap(index, target)} />
          <div className="field-row">
            <Field label={t('transfer.survey.defaultGroup')} hint={t('transfer.survey.defaultGroupHint')} required limit={{ length: defaultGroup.length, max: 200 }}>
              {(props) => <input {...props} value={defaultGroup} onChange={(event) => setDefaultGroup(event.target.value)} />}
            </Field>
          </div>
          <label className="choice">
            <input type="checkbox" checked={remember} onChange={(event) => setRemember(event.target.checked)} />
            {t('transfer.survey.remember')}
          </label>
          {preview.rejectedTotal > 0 && preview.validRows > 0 ? (
            <label className="choice">
              <input type="checkbox" checked={onlyValid} onChange={(event) => setOnlyValid(event.target.checked)} />
              {t('transfer.survey.onlyValid', { count: preview.validRows })}
            </label>
          ) : null}
          {preview.validRows === 0 ? <p className="error-text">{t('transfer.survey.noValid')}</p> : null}
          {preview.duplicates.length > 0 ? (
            <div className="error-box" role="alert">
              <p>
                <strong>{t('surveyImports.duplicateTitle')}</strong>
              </p>
              {preview.duplicates.map((duplicate) => (
                <p key={duplicate.importId}>
                  {t(duplicate.reason === 'sameFile' ? 'surveyImports.duplicateSameFile' : 'surveyImports.duplicateSameRows', {
                    file: duplicate.fileName,
                    date: formatDateTime(duplicate.importedAt, i18n.language),
                    rows: duplicate.sharedRows,
                  })}
                </p>
              ))}
              <label className="choice">
                <input type="checkbox" checked={replaceEarlier} onChange={(event) => setReplaceEarlier(event.target.checked)} />
                {t('surveyImports.replace')}
              </label>
            </div>
          ) : null}
          <div className="button-row">
            <button type="button" className="primary" disabled={busy || !canImport} onClick={() => void runImport()}>
              {busy ? t('transfer.working') : t('transfer.survey.button', { count: preview.validRows })}
            </button>
          </div>
          <CallProgress methods={['surveys.import']} />
        </div>
      ) : null}
    </section>
  );
}
