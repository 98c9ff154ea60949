// Planning private answering for an assessment: which questions go to a private round (the guide's
// sensitive ones always; the consultant can add more), and paper ballot cards per interview language.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../src-main/api/contract';
import type { AssessmentDetails } from '../../../src-main/core/assessments';
import { localize, type Guide } from '../../../src-main/core/guide';
import { languageName } from '../../../src-main/core/languages';
import { ballotItemCode } from '../../../src-main/core/private-answering';
import { useNotices } from '../../app/notices';
import { api } from '../../lib/api/client';
import { errorText } from '../../lib/errors';
import { offerDownload } from '../../lib/files';

export function PrivateAnsweringPlan({ assessment }: { assessment: AssessmentDetails }) {
  const { t, i18n } = useTranslation();
  const ui = i18n.language === 'en' ? 'en' : 'nb';
  const notify = useNotices((s) => s.show);
  const [guide, setGuide] = useState<Guide | null>(null);
  const [items, setItems] = useState<MethodOutput<'assessments.sensitiveItems'> | null>(null);
  const [marked, setMarked] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    void (async () => {
      try {
        const [loadedGuide, loadedItems] = await Promise.all([
          api.call('guides.get', { id: assessment.guideId, version: assessment.guideVersion }),
          api.call('assessments.sensitiveItems', { assessmentId: assessment.id }),
        ]);
        if (!current) return;
        setGuide(loadedGuide);
        setItems(loadedItems);
        setMarked(loadedItems.markedItemIds);
      } catch (caught) {
        if (current) setError(errorText(t, caught));
      }
    })();
    return () => {
      current = false;
    };
  }, [assessment.id, assessment.guideId, assessment.guideVersion, t]);

  if (error) return <p className="error-text">{error}</p>;
  if (!guide || !items) return null;
  const privateCount = guide.items.filter((item) => items.guideItemIds.includes(item.id) || marked.includes(item.id)).length;

  async function save() {
    setBusy(true);
    setError(null);
    try {
      const saved = await api.call('assessments.setSensitiveItems', { assessmentId: assessment.id, itemIds: marked });
      setItems(saved);
      notify(t('interview.privatePlan.saved'));
    } catch (caught) {
      setError(errorText(t, caught));
    } finally {
      setBusy(false);
    }
  }

  async function download(interviewId: string, language: string) {
    setError(null);
    try {
      offerDownload(await api.call('ballots.cards', { interviewId, language }));
    } catch (caught) {
      setError(errorText(t, caught));
    }
  }

  const guideLanguages = new Set(guide.languages.map((l) => l.code));
  return (
    <section aria-labelledby="private-plan-title" className="private-plan">
      <h2 id="private-plan-title">{t('interview.privatePlan.title')}</h2>
      <p className="field-hint">{t('interview.privatePlan.intro')}</p>
      <details>
        <summary>{t('interview.privatePlan.choose', { count: privateCount })}</summary>
        <fieldset>
          <legend className="visually-hidden">{t('interview.privatePlan.choose', { count: privateCount })}</legend>
          {guide.items.map((item) => {
            const fromGuide = items.guideItemIds.includes(item.id);
            return (
              <label key={item.id} className="choice">
                <input
                  type="checkbox"
                  checked={fromGuide || marked.includes(item.id)}
                  disabled={fromGuide}
                  onChange={(event) => setMarked(event.target.checked ? [...marked, item.id] : marked.filter((id) => id !== item.id))}
                />
                <span>
                  {ballotItemCode(guide, item.id)} {localize(item.text, ui)}
                  {fromGuide ? <span className="muted"> ({t('interview.privatePlan.fromGuide')})</span> : null}
                </span>
              </label>
            );
          })}
          <button type="button" disabled={busy} onClick={() => void save()}>
            {t('interview.privatePlan.save')}
          </button>
        </fieldset>
      </details>
      {privateCount > 0 && assessment.interviews.length > 0 ? (
        <div className="ballot-downloads">
          <h3>{t('interview.privatePlan.cardsTitle')}</h3>
          <ul>
            {assessment.interviews
              .filter((interview) => interview.kind !== 'survey')
              .map((interview) => (
                <li key={interview.id}>
                  <span>{interview.groupName}: </span>
                  {[...new Set([interview.respondentLanguage, ...interview.languages, 'nb'])]
                    .filter((code) => guideLanguages.has(code))
                    .map((code) => (
                      <button
                        key={code}
                        type="button"
                        aria-label={t('interview.privatePlan.cardsLabel', { group: interview.groupName, language: languageName(code, ui) })}
                        onClick={() => void download(interview.id, code)}
                      >
                        {t('interview.privatePlan.cards', { language: languageName(code, ui) })}
                      </button>
                    ))}
                </li>
              ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
