// Importing a guide file: the renderer reads the chosen file's text (it never sees a path) and the API checks it.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorIssue, MethodOutput } from '../../../src-main/api/contract';
import { localize } from '../../../src-main/core/localize';
import { useNavigation } from '../../app/navigation';
import { useNotices } from '../../app/notices';
import { ApiError } from '../../lib/api/client';
import { useApiMutation } from '../../lib/api/use-api';
import { errorText } from '../../lib/errors';

type GuideSummary = MethodOutput<'guides.import'>;

interface Refusal {
  fileName: string;
  issues: ErrorIssue[];
}

export function GuideImport({ onImported }: { onImported(guide: GuideSummary): void }) {
  const { t, i18n } = useTranslation();
  const notify = useNotices((s) => s.show);
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  // A new key empties the file input after an import.
  const [inputKey, setInputKey] = useState(0);
  // Importing reloads the guide list on screen.
  const { run: importGuide, busy } = useApiMutation('guides.import');
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [imported, setImported] = useState<GuideSummary | null>(null);
  const go = useNavigation((s) => s.go);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setRefusal(null);
    setError(null);
    setImported(null);
    if (!file) {
      setError(t('guides.chooseFile'));
      return;
    }
    try {
      const content = await file.text();
      const guide = await importGuide({ fileName: file.name, content });
      notify(t('guides.imported_done', { title: localize(guide.title, i18n.language), version: guide.version }));
      setImported(guide);
      setFile(null);
      setInputKey((key) => key + 1);
      onImported(guide);
    } catch (caught) {
      if (caught instanceof ApiError && caught.issues.length > 0) setRefusal({ fileName: file.name, issues: caught.issues });
      else setError(errorText(t, caught));
    }
  }

  return (
    <form className="guide-import" onSubmit={(event) => void submit(event)} aria-labelledby={`${inputId}-title`}>
      <h2 id={`${inputId}-title`}>{t('guides.importTitle')}</h2>
      <div className="field">
        <label htmlFor={inputId}>{t('guides.importFile')}</label>
        <input
          key={inputKey}
          id={inputId}
          type="file"
          accept=".json,application/json"
          aria-describedby={`${inputId}-hint`}
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            setRefusal(null);
            setError(null);
            setImported(null);
          }}
        />
        <div className="field-hint" id={`${inputId}-hint`}>
          {t('guides.importHint')}
        </div>
      </div>
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('guides.importing') : t('guides.importButton')}
        </button>
      </div>
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
      {imported ? (
        <div className="success-box">
          <p>{t('guides.imported_done', { title: localize(imported.title, i18n.language), version: imported.version })}</p>
          <button type="button" onClick={() => go({ name: 'guide', guideId: imported.id, version: imported.version })}>
            {t('guides.open')}
          </button>
        </div>
      ) : null}
      {refusal ? (
        <div className="error-box guide-problems" role="alert">
          <p>{t('guides.importRefused', { fileName: refusal.fileName })}</p>
          <ul>
            {refusal.issues.map((issue, i) => (
              <li key={i}>
                <code>{issue.path || t('guides.wholeFile')}</code>: {issue.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </form>
  );
}
