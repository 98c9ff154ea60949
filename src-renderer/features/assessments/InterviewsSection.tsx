// An assessment's planned interviews: the list with start/resume, planning a new one, editing, deleting after confirming.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { noParticipants, totalParticipants, type AssessmentDetails, type InterviewSummary } from '../../../src-main/core/assessments';
import { languageName } from '../../../src-main/core/languages';
import { useNavigation } from '../../app/navigation';
import { useNotices } from '../../app/notices';
import { ConfirmActionDialog } from '../../components/ConfirmActionDialog';
import { useApiMutation } from '../../lib/api/use-api';
import { formatDate } from '../../lib/dates';
import type { GuideSummary } from './assessments-store';
import { HeldTime, HeldTimeForm } from './HeldTimeForm';
import { InterviewForm, interviewFormValues, interviewInput } from './InterviewForm';

interface InterviewsSectionProps {
  assessment: AssessmentDetails;
  guide: GuideSummary | undefined;
  onChanged(): Promise<void>;
}

function InterviewRow({ interview, itemCount, onEdit, onEditHeld, onDelete }: { interview: InterviewSummary; itemCount: number; onEdit(): void; onEditHeld(): void; onDelete(): void }) {
  const { t, i18n } = useTranslation();
  const go = useNavigation((s) => s.go);
  const ui = i18n.language === 'en' ? 'en' : 'nb';
  const present = totalParticipants(interview.participants);
  const others = interview.languages.filter((code) => code !== interview.respondentLanguage);
  const started = interview.status !== 'planned';
  return (
    <tr>
      <th scope="row">{interview.groupName}</th>
      <td>{t(`plannedInterviews.kinds.${interview.kind}`)}</td>
      <td>
        {t('plannedInterviews.expected', { count: interview.expectedParticipants })}
        {present > 0 ? <div className="muted">{t('plannedInterviews.present', { count: present })}</div> : null}
      </td>
      <td>
        <strong>{languageName(interview.respondentLanguage, ui)}</strong>
        {others.length ? <div className="muted">{others.map((code) => languageName(code, ui)).join(', ')}</div> : null}
        <div className="muted">{interview.interpreterUsed ? t('plannedInterviews.interpreterYes') : t('plannedInterviews.interpreterNo')}</div>
      </td>
      <td>
        {interview.plannedAt ? formatDate(interview.plannedAt, i18n.language) : '–'}
        <HeldTime interview={interview} />
      </td>
      <td>
        {t(`plannedInterviews.status.${interview.status}`)}
        <div className="muted">{t('plannedInterviews.answered', { count: interview.answeredCount, total: itemCount })}</div>
      </td>
      <td>
        <div className="button-row row-actions">
          <button
            type="button"
            className="primary"
            aria-label={t(started ? 'plannedInterviews.resumeLabel' : 'plannedInterviews.startLabel', { name: interview.groupName })}
            onClick={() => go({ name: 'interview', interviewId: interview.id })}
          >
            {t(started ? 'plannedInterviews.resume' : 'plannedInterviews.start')}
          </button>
          <button type="button" aria-label={t('plannedInterviews.editLabel', { name: interview.groupName })} onClick={onEdit}>
            {t('common.edit')}
          </button>
          {started || interview.held ? (
            <button type="button" aria-label={t('heldTime.editLabel', { name: interview.groupName })} onClick={onEditHeld}>
              {t('heldTime.edit')}
            </button>
          ) : null}
          <button type="button" aria-label={t('plannedInterviews.deleteLabel', { name: interview.groupName })} onClick={onDelete}>
            {t('common.delete')}
          </button>
        </div>
      </td>
    </tr>
  );
}

export function InterviewsSection({ assessment, guide, onChanged }: InterviewsSectionProps) {
  const { t } = useTranslation();
  const notify = useNotices((s) => s.show);
  const [editing, setEditing] = useState<InterviewSummary | 'new' | null>(null);
  const [deleting, setDeleting] = useState<InterviewSummary | null>(null);
  const [editingHeld, setEditingHeld] = useState<InterviewSummary | null>(null);
  // Each change is followed by onChanged, which loads the assessment again.
  const createInterview = useApiMutation('interviews.create', { invalidates: [] }).run;
  const updateInterview = useApiMutation('interviews.update', { invalidates: [] }).run;
  const deleteInterview = useApiMutation('interviews.delete', { invalidates: [] }).run;
  const guideLanguages = guide?.languages ?? [{ code: 'nb', status: 'reviewed' as const }];

  return (
    <section aria-labelledby="interviews-title" className="interviews">
      <div className="section-header">
        <h2 id="interviews-title">{t('plannedInterviews.title')}</h2>
        {editing === null ? (
          <button type="button" onClick={() => setEditing('new')}>
            {t('plannedInterviews.add')}
          </button>
        ) : null}
      </div>
      {assessment.interviews.length === 0 ? (
        <p className="empty">{t('plannedInterviews.empty')}</p>
      ) : (
        <table className="data-table interview-table">
          <thead>
            <tr>
              <th scope="col">{t('plannedInterviews.columnGroup')}</th>
              <th scope="col">{t('plannedInterviews.columnKind')}</th>
              <th scope="col">{t('plannedInterviews.columnParticipants')}</th>
              <th scope="col">{t('plannedInterviews.columnLanguage')}</th>
              <th scope="col">{t('plannedInterviews.columnPlanned')}</th>
              <th scope="col">{t('plannedInterviews.columnStatus')}</th>
              <th scope="col">{t('plannedInterviews.columnActions')}</th>
            </tr>
          </thead>
          <tbody>
            {assessment.interviews.map((interview) => (
              <InterviewRow
                key={interview.id}
                interview={interview}
                itemCount={guide?.itemCount ?? 0}
                onEdit={() => setEditing(interview)}
                onEditHeld={() => setEditingHeld(interview)}
                onDelete={() => setDeleting(interview)}
              />
            ))}
          </tbody>
        </table>
      )}
      {editingHeld ? (
        <HeldTimeForm
          key={editingHeld.id}
          interview={editingHeld}
          onCancel={() => setEditingHeld(null)}
          onSaved={async () => {
            setEditingHeld(null);
            await onChanged();
            notify(t('heldTime.saved'));
          }}
        />
      ) : null}
      {editing !== null ? (
        <section aria-labelledby="interview-form-title" className="interview-form-section">
          <h3 id="interview-form-title">{editing === 'new' ? t('plannedInterviews.addTitle') : t('plannedInterviews.editTitle')}</h3>
          <InterviewForm
            key={editing === 'new' ? 'new' : editing.id}
            initial={interviewFormValues(editing === 'new' ? undefined : editing)}
            guideLanguages={guideLanguages}
            minGroupSize={assessment.minGroupSize}
            submitLabel={editing === 'new' ? t('plannedInterviews.add') : t('common.save')}
            onCancel={() => setEditing(null)}
            onSubmit={async (values) => {
              if (editing === 'new') {
                await createInterview({ assessmentId: assessment.id, ...interviewInput(values, noParticipants) });
                notify(t('plannedInterviews.created'));
              } else {
                await updateInterview({ id: editing.id, ...interviewInput(values, editing.participants) });
                notify(t('plannedInterviews.saved'));
              }
              setEditing(null);
              await onChanged();
            }}
          />
        </section>
      ) : null}
      {deleting ? (
        <ConfirmActionDialog
          title={t('plannedInterviews.deleteTitle', { name: deleting.groupName })}
          body={t('plannedInterviews.deleteBody')}
          confirmLabel={t('common.delete')}
          onCancel={() => setDeleting(null)}
          onConfirm={async () => {
            await deleteInterview({ id: deleting.id });
            notify(t('plannedInterviews.deleted', { name: deleting.groupName }));
            setDeleting(null);
            await onChanged();
          }}
        />
      ) : null}
    </section>
  );
}
