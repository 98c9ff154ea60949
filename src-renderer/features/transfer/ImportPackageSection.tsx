// Importing a package: choose the file (and passphrase), see the preview, resolve every conflict, then import.
import { useId, useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../src-main/api/contract';
import type { AssessmentChoice, AssessmentPreview, ClientChoice, ClientPreview, TakeTheirsBlock } from '../../../src-main/core/transfer-preview';
import { useNotices } from '../../app/notices';
import { Field } from '../../components/Field';
import { CallProgress } from '../../components/CallProgress';
import { FileField } from '../../components/FileField';
import { useApiAction, useApiMutation } from '../../lib/api/use-api';
import { chosenFileProblem, fileToBase64 } from '../../lib/files';
import { TransferProblems } from './TransferError';

type Preview = MethodOutput<'transfer.previewPackage'>;
type ImportResult = MethodOutput<'transfer.importPackage'>;
type Upload = { fileName: string; contentBase64: string; passphrase?: string };

export function ImportPackageSection() {
  const { t, i18n } = useTranslation();
  const notify = useNotices((s) => s.show);
  const titleId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const [passphrase, setPassphrase] = useState('');
  const [upload, setUpload] = useState<Upload | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [clientChoices, setClientChoices] = useState<Record<string, ClientChoice>>({});
  const [assessmentChoices, setAssessmentChoices] = useState<Record<string, AssessmentChoice>>({});
  const [installGuides, setInstallGuides] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const previewing = useApiAction(async (client, { file, passphrase }: { file: File; passphrase: string }) => {
    const upload: Upload = { fileName: file.name, contentBase64: await fileToBase64(file), passphrase: passphrase || undefined };
    return { upload, preview: await client.call('transfer.previewPackage', upload) };
  });
  // What an import adds shows in the lists of assessments, clients and guides.
  const importing = useApiMutation('transfer.importPackage', { invalidates: ['assessments', 'clients', 'guides'] });
  const error = previewing.error ?? importing.error;
  const busy = previewing.busy || importing.busy;
  const [result, setResult] = useState<ImportResult | null>(null);

  const date = (iso: string) => new Date(iso).toLocaleString(i18n.language);

  function reset() {
    setPreview(null);
    setUpload(null);
    setProblem(null);
    previewing.reset();
    importing.reset();
    setResult(null);
    setClientChoices({});
    setAssessmentChoices({});
    setInstallGuides(false);
  }

  async function showPreview(event: FormEvent) {
    event.preventDefault();
    reset();
    const fileProblem = chosenFileProblem(t, file);
    if (fileProblem || !file) return setProblem(fileProblem);
    const read = await previewing.attempt({ file, passphrase });
    if (!read) return;
    setPreview(read.value.preview);
    setUpload(read.value.upload);
  }

  async function runImport() {
    if (!upload || !preview) return;
    previewing.reset();
    const imported = await importing.attempt({ ...upload, expectedSha256: preview.sha256, clientChoices, assessmentChoices, installGuides });
    if (!imported) return;
    const done = imported.value;
    setResult(done);
    setPreview(null);
    setUpload(null);
    setFile(null);
    setInputKey((key) => key + 1);
    notify(done.changed ? t('transfer.import.done', { ...done }) : t('transfer.import.unchangedDone'));
  }

  const openConflicts = preview
    ? preview.clients.some((c) => c.status === 'conflict' && !clientChoices[c.id]) ||
      preview.assessments.some((a) => a.status === 'conflict' && !assessmentChoices[a.id])
    : false;
  const guidesToInstall = preview?.guides.filter((g) => g.status === 'install') ?? [];
  const needsGuideConsent = guidesToInstall.length > 0 && !installGuides;

  return (
    <section className="transfer-section" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('transfer.import.title')}</h2>
      <p className="field-hint">{t('transfer.import.hint')}</p>
      <form className="form" onSubmit={(event) => void showPreview(event)} noValidate>
        <div className="field-row">
          <FileField
            label={t('transfer.import.file')}
            accept=".kartlegg,.zip,application/zip,application/octet-stream"
            resetKey={inputKey}
            onChoose={(chosen) => {
              setFile(chosen);
              reset();
            }}
          />
          <Field label={t('transfer.import.passphrase')}>
            {(props) => <input {...props} type="password" autoComplete="off" value={passphrase} onChange={(event) => setPassphrase(event.target.value)} />}
          </Field>
        </div>
        <div className="button-row">
          <button type="submit" disabled={busy}>
            {busy && !preview ? t('transfer.reading') : t('transfer.import.preview')}
          </button>
        </div>
      </form>
      <TransferProblems problem={problem} error={error} />
      {result ? (
        <div className="success-box" role="status">
          <p>{result.changed ? t('transfer.import.done', { ...result }) : t('transfer.import.unchangedDone')}</p>
          {result.backup ? <p className="muted">{t('transfer.import.backup', { name: result.backup })}</p> : null}
        </div>
      ) : null}
      {preview ? (
        <div className="package-preview">
          <p>
            {t('transfer.import.summary', { date: date(preview.createdAt), app: preview.createdBy.app, version: preview.createdBy.version })}
            {preview.upgraded ? ` ${t('transfer.import.upgraded', { version: preview.formatVersion })}` : ''}
            {preview.encrypted ? ` ${t('transfer.import.encrypted')}` : ''}
          </p>

          <h3>{t('transfer.import.guides')}</h3>
          <ul>
            {preview.guides.map((guide) => (
              <li key={`${guide.id}@${guide.version}`}>
                {guide.id} {guide.version}: {guide.status === 'install' ? t('transfer.import.guideInstall') : t('transfer.import.guideInstalled')}
                {guide.differsFromInstalled ? ` ${t('transfer.import.guideDiffers')}` : ''}
              </li>
            ))}
          </ul>
          {guidesToInstall.length > 0 ? (
            <label className="choice">
              <input type="checkbox" checked={installGuides} onChange={(event) => setInstallGuides(event.target.checked)} />
              {t('transfer.import.installGuides', { names: guidesToInstall.map((g) => `${g.id} ${g.version}`).join(', ') })}
            </label>
          ) : null}

          <h3>{t('transfer.import.clients')}</h3>
          <ul className="preview-list">
            {preview.clients.map((client) => (
              <ClientRow key={client.id} client={client} choice={clientChoices[client.id]} onChoose={(choice) => setClientChoices((c) => ({ ...c, [client.id]: choice }))} />
            ))}
          </ul>

          <h3>{t('transfer.import.assessments')}</h3>
          <ul className="preview-list">
            {preview.assessments.map((assessment) => (
              <AssessmentRow
                key={assessment.id}
                assessment={assessment}
                choice={assessmentChoices[assessment.id]}
                date={date}
                onChoose={(choice) => setAssessmentChoices((c) => ({ ...c, [assessment.id]: choice }))}
              />
            ))}
          </ul>
          {preview.priorDropped.map((title) => (
            <p key={title} className="field-hint">
              {t('transfer.import.priorDropped', { title })}
            </p>
          ))}

          {preview.hasChanges ? null : <p className="empty">{t('transfer.import.nothingNew')}</p>}
          {openConflicts ? <p className="field-hint">{t('transfer.import.openConflicts')}</p> : null}
          {needsGuideConsent ? <p className="field-hint">{t('transfer.import.needGuide')}</p> : null}
          <div className="button-row">
            <button type="button" className="primary" disabled={busy || openConflicts || needsGuideConsent || !preview.hasChanges} onClick={() => void runImport()}>
              {busy ? t('transfer.working') : t('transfer.import.button')}
            </button>
          </div>
          <CallProgress methods={['transfer.importPackage']} />
        </div>
      ) : null}
    </section>
  );
}

function blockedText(t: TFunction, block: TakeTheirsBlock): string {
  return t(`transfer.import.blocked.${block.reason}`, block);
}

function ClientRow({ client, choice, onChoose }: { client: ClientPreview; choice: ClientChoice | undefined; onChoose(choice: ClientChoice): void }) {
  const { t } = useTranslation();
  return (
    <li className={`preview-item preview-${client.status}`}>
      <strong>{client.name}</strong>: {t(`transfer.import.statuses.${client.status}`, { name: client.localName })}
      {client.newUnits > 0 ? ` (${t('transfer.import.newUnits', { count: client.newUnits })})` : ''}
      {client.status === 'conflict' ? (
        <>
          <p className="muted">
            {t('transfer.import.differences')}: {client.differences.join(', ')}
          </p>
          <ChoiceGroup
            name={`client-${client.id}`}
            legend={t('transfer.import.choiceLegend', { name: client.name })}
            options={['keepMine', 'takeTheirs']}
            value={choice}
            blocked={client.takeTheirsBlocked ? blockedText(t, client.takeTheirsBlocked) : null}
            onChoose={(value) => onChoose(value as ClientChoice)}
          />
        </>
      ) : null}
    </li>
  );
}

function AssessmentRow({
  assessment,
  choice,
  date,
  onChoose,
}: {
  assessment: AssessmentPreview;
  choice: AssessmentChoice | undefined;
  date(iso: string): string;
  onChoose(choice: AssessmentChoice): void;
}) {
  const { t } = useTranslation();
  const { incoming, local } = assessment;
  return (
    <li className={`preview-item preview-${assessment.status}`}>
      <strong>{incoming.title}</strong> ({assessment.clientName}): {t(`transfer.import.statuses.${assessment.status}`, { name: assessment.clientName })}
      {assessment.status === 'conflict' && local ? (
        <>
          <ul className="muted">
            <li>{t('transfer.import.mine', { title: local.title, revision: local.revision, date: date(local.updatedAt) })}</li>
            <li>{t('transfer.import.theirs', { title: incoming.title, revision: incoming.revision, date: date(incoming.updatedAt) })}</li>
            <li>
              {t('transfer.import.differences')}: {assessment.differentSections.map((section) => t(`transfer.import.sections.${section}`)).join(', ')}
            </li>
          </ul>
          <ChoiceGroup
            name={`assessment-${assessment.id}`}
            legend={t('transfer.import.choiceLegend', { name: incoming.title })}
            options={['keepMine', 'takeTheirs', 'keepBoth']}
            value={choice}
            blocked={assessment.takeTheirsBlocked ? blockedText(t, assessment.takeTheirsBlocked) : null}
            onChoose={(value) => onChoose(value as AssessmentChoice)}
          />
        </>
      ) : null}
    </li>
  );
}

function ChoiceGroup({
  name,
  legend,
  options,
  value,
  blocked,
  onChoose,
}: {
  name: string;
  legend: string;
  options: AssessmentChoice[];
  value: string | undefined;
  blocked: string | null;
  onChoose(value: string): void;
}) {
  const { t } = useTranslation();
  const hintId = useId();
  return (
    <fieldset className="choice-group conflict-choice" aria-describedby={blocked ? hintId : undefined}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option} className="choice">
          <input
            type="radio"
            name={name}
            value={option}
            checked={value === option}
            disabled={option === 'takeTheirs' && blocked !== null}
            onChange={() => onChoose(option)}
          />
          {t(`transfer.import.choices.${option}`)}
        </label>
      ))}
      {blocked ? (
        <p className="field-hint" id={hintId}>
          {blocked}
        </p>
      ) : null}
    </fieldset>
  );
}
