// Planning private answering for an assessment: which questions go to a private round (the guide's
// sensitive ones always; the consultant can add more), and paper ballot cards per interview language.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessmentDetails } from '../../../src-main/core/assessments';
import { localize } from '../../../src-main/core/localize';
import { languageName } from '../../../src-main/core/languages';
import { ballotItemCode } from '../../../src-main/core/private-answering';
import { useNotices } from '../../app/notices';
import { useApiLoad, useApiMutation } from '../../lib/api/use-api';
import { offerDownload } from '../../lib/files';

export function PrivateAnsweringPlan({ assessment }: { assessment: AssessmentDetails }) {
  const { t, i18n } = useTranslation();
  const ui = i18n.language === 'en' ? 'en' : 'nb';
  const notify = useNotices((s) => s.show);
  const loaded = useApiLoad([assessment.id, assessment.guideId, assessment.guideVersion], (api) =>
    Promise.all([api.call('guides.get', { id: assessment.guideId, version: assessment.guideVersion }), api.call('assessments.sensitiveItems', { assessmentId: assessment.id })]),
  );
  // The consultant's ticks for this assessment, until saved; the saved ones before the first tick.
  const [edited, setEdited] = useState<{ assessmentId: string; itemIds: string[] } | null>(null);
  const saving = useApiMutation('assessments.setSensitiveItems', { invalidates: [] });
  const cards = useApiMutation('ballots.cards', { invalidates: [] });
  const busy = saving.busy;
  // A failed save or download is shown in place; the ticks stay, to try again.
  const actionError = saving.errorMessage ?? cards.errorMessage;

  if (loaded.errorMessage) return <p className="error-text">{loaded.errorMessage}</p>;
  if (!loaded.data) return null;
  const [guide, items] = loaded.data;
  const marked = edited?.assessmentId === assessment.id ? edited.itemIds : items.markedItemIds;
  const setMarked = (itemIds: string[]) => setEdited({ assessmentId: assessment.id, itemIds });
  const privateCount = guide.items.filter((item) => items.guideItemIds.includes(item.id) || marked.includes(item.id)).length;

  async function save() {
    const saved = await saving.attempt({ assessmentId: assessment.id, itemIds: marked });
    if (!saved) return;
    loaded.setData([guide, saved.value]);
    notify(t('interview.privatePlan.saved'));
  }

  async function download(interviewId: string, language: string) {
    const file = await cards.attempt({ interviewId, language });
    if (file) offerDownload(file.value);
  }

  const guideLanguages = new Set(guide.languages.map((l) => l.code));
  return (
    <section aria-labelledby="private-plan-title" className="private-plan">
      <h2 id="private-plan-title">{t('interview.privatePlan.title')}</h2>
      <p className="field-hint">{t('interview.privatePlan.intro')}</p>
      {actionError ? (
        <p className="error-text" role="alert">
          {actionError}
        </p>
      ) : null}
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
