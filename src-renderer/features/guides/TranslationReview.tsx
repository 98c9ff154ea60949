// One translation of a guide under review: the status of each text, the file for a translator
// (XLIFF or CSV), and importing the reviewed file, which becomes a new version of the guide.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorIssue, MethodOutput } from '../../../src-main/api/contract';
import type { Guide } from '../../../src-main/core/guide';
import { textsInLanguage, textStatusOf, translationSourceLanguage } from '../../../src-main/core/guide-texts';
import { languageName, textDirection } from '../../../src-main/core/languages';
import { useNavigation } from '../../app/navigation';
import { LengthLimit } from '../../components/LengthLimit';
import { ApiError } from '../../lib/api/client';
import { useApiMutation } from '../../lib/api/use-api';
import { errorText } from '../../lib/errors';
import { offerDownload } from '../../lib/files';

type Imported = MethodOutput<'guides.importTranslation'>;

function TextStatusTable({ guide, language }: { guide: Guide; language: string }) {
  const { t, i18n } = useTranslation();
  const ui = i18n.language === 'en' ? 'en' : 'nb';
  const texts = textsInLanguage(guide, language);
  const statuses = texts.map((text) => textStatusOf(guide, language, text.key));
  const reviewed = statuses.filter((status) => status.status === 'reviewed').length;
  // Built only when opened: the texts are already on the screen once, and there are hundreds.
  const [open, setOpen] = useState(false);
  return (
    <details className="text-status" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary data-testid="text-status-summary">{t('translationReview.summary', { reviewed, total: texts.length, language: languageName(language, ui) })}</summary>
      {open ? (
        <table className="data-table">
          <caption>{t('translationReview.tableCaption', { language: languageName(language, ui) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('translationReview.key')}</th>
              <th scope="col">{languageName(language, ui)}</th>
              <th scope="col">{t('translationReview.status')}</th>
            </tr>
          </thead>
          <tbody>
            {texts.map((text, i) => {
              const status = statuses[i];
              return (
                <tr key={text.key}>
                  <th scope="row">
                    <code>{text.key}</code>
                  </th>
                  <td lang={language} dir={textDirection(language)}>
                    {text.text[language]}
                  </td>
                  <td className={`translation-${status.status}`}>
                    <span className="translation-status">
                      {status.status === 'reviewed'
                        ? t('translationReview.reviewedBy', { by: status.reviewedBy ?? '', on: status.reviewedOn ?? '' })
                        : t('translationReview.draft')}
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
    </details>
  );
}

export function TranslationReview({ guide, language }: { guide: Guide; language: string }) {
  const { t, i18n } = useTranslation();
  const ui = i18n.language === 'en' ? 'en' : 'nb';
  const go = useNavigation((s) => s.go);
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const [reviewer, setReviewer] = useState('');
  const [date, setDate] = useState('');
  // Exporting changes nothing; importing makes a new guide version, so the guide lists load again.
  const exportTranslation = useApiMutation('guides.exportTranslation', { invalidates: [] });
  const { run: importTranslation, busy } = useApiMutation('guides.importTranslation', { invalidates: ['guides.list'] });
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<ErrorIssue[] | null>(null);
  const [imported, setImported] = useState<Imported | null>(null);

  if (language === translationSourceLanguage) return null;

  async function download(format: 'xliff' | 'csv') {
    setError(null);
    try {
      offerDownload(await exportTranslation.run({ id: guide.id, version: guide.version, language, format }));
    } catch (caught) {
      setError(errorText(t, caught));
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setProblems(null);
    setImported(null);
    if (!file) {
      setError(t('translationReview.chooseFile'));
      return;
    }
    try {
      const content = await file.text();
      const result = await importTranslation({
        fileName: file.name,
        content,
        ...(reviewer.trim() ? { reviewedBy: reviewer.trim() } : {}),
        ...(reviewer.trim() && date ? { reviewedOn: date } : {}),
      });
      setImported(result);
      setFile(null);
      setInputKey((key) => key + 1);
    } catch (caught) {
      if (caught instanceof ApiError && caught.issues.length > 0) setProblems(caught.issues);
      else setError(errorText(t, caught));
    }
  }

  const problemText = (issue: ErrorIssue) => (issue.key ? t(`translationReview.problems.${issue.key.replace(/^translation\./, '')}`, { defaultValue: issue.message }) : issue.message);

  return (
    <section className="translation-review" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('translationReview.title', { language: languageName(language, ui) })}</h2>
      <p className="field-hint">{t('translationReview.hint')}</p>
      <TextStatusTable guide={guide} language={language} />
      <div className="button-row">
        <button type="button" onClick={() => void download('xliff')}>
          {t('translationReview.downloadXliff')}
        </button>
        <button type="button" onClick={() => void download('csv')}>
          {t('translationReview.downloadCsv')}
        </button>
      </div>
      <form onSubmit={(event) => void submit(event)} aria-label={t('translationReview.importTitle')}>
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${id}-file`}>{t('translationReview.file')}</label>
            <input key={inputKey} id={`${id}-file`} type="file" accept=".xlf,.xliff,.csv" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-reviewer`}>{t('translationReview.reviewer')}</label>
            <input id={`${id}-reviewer`} value={reviewer} autoComplete="off" aria-describedby={`${id}-reviewer-hint ${id}-reviewer-limit`} onChange={(event) => setReviewer(event.target.value)} />
            <div className="field-hint" id={`${id}-reviewer-hint`}>
              {t('translationReview.reviewerHint')}
            </div>
            <LengthLimit id={`${id}-reviewer-limit`} length={reviewer.length} max={200} showFrom={0.9} withMessage />
          </div>
          <div className="field">
            <label htmlFor={`${id}-date`}>{t('translationReview.date')}</label>
            <input id={`${id}-date`} type="date" value={date} onChange={(event) => setDate(event.target.value)} />
          </div>
        </div>
        <div className="button-row">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('translationReview.importing') : t('translationReview.importButton')}
          </button>
        </div>
      </form>
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
      {problems ? (
        <div className="error-box guide-problems" role="alert">
          <p>{t('translationReview.refused', { count: problems.length })}</p>
          <ul>
            {problems.map((issue, i) => (
              <li key={i}>
                <code>{issue.path === 'file' ? t('translationReview.wholeFile') : issue.path}</code>: {problemText(issue)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {imported ? (
        <div className="success-box" role="status">
          <p>
            {t('translationReview.imported', {
              version: imported.guide.version,
              changed: imported.changedTexts,
              reviewed: imported.reviewedTexts,
              total: imported.totalTexts,
            })}
          </p>
          {imported.warnings.length ? (
            <>
              <p>{t('translationReview.termWarnings')}</p>
              <ul>
                {imported.warnings.map((warning, i) => (
                  <li key={i}>
                    <code>{warning.path}</code>: {warning.message}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <button type="button" onClick={() => go({ name: 'guide', guideId: imported.guide.id, version: imported.guide.version })}>
            {t('translationReview.openNew')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
