// One assessment: its details (editable), status, planned interviews, the way to its results, and deleting it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../../app/navigation';
import { useNotices } from '../../app/notices';
import { ConfirmActionDialog } from '../../components/ConfirmActionDialog';
import { LoadError, Loading } from '../../components/StatusViews';
import { useApiMutation, useApiQuery } from '../../lib/api/use-api';
import { RiskLinks } from '../risk/RiskArea';
import { AssessmentSteps } from './AssessmentSteps';
import { PriorAssessmentSection } from '../transfer/PriorAssessmentSection';
import { AssessmentFacts } from './AssessmentFacts';
import { AssessmentForm, assessmentFormValues, assessmentInput, guideKey } from './AssessmentForm';
import { PrivateAnsweringPlan } from '../interview/PrivateAnsweringPlan';
import { InterviewsSection } from './InterviewsSection';
import { StatusControl } from './StatusControl';

export function AssessmentScreen({ assessmentId }: { assessmentId: string }) {
  const { t } = useTranslation();
  const go = useNavigation((s) => s.go);
  const notify = useNotices((s) => s.show);
  const [editing, setEditing] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const query = useApiQuery('assessments.get', { id: assessmentId });
  const guides = useApiQuery('guides.list', {}).data?.guides;
  // The clients to choose from are needed only while editing.
  const clients = useApiQuery('clients.list', editing ? {} : null).data ?? [];
  // Both return the assessment, which the screen takes as it is; a deleted one is left at once.
  const update = useApiMutation('assessments.update', { invalidates: [] });
  const remove = useApiMutation('assessments.delete', { invalidates: [] });
  const setAssessment = query.setData;
  const load = query.reload;

  const assessment = query.data;
  if (query.errorMessage) return <LoadError message={query.errorMessage} onRetry={() => void load()} />;
  if (!assessment) return <Loading />;
  const guide = guides?.find((g) => guideKey(g) === guideKey({ id: assessment.guideId, version: assessment.guideVersion }));

  return (
    <section aria-labelledby="assessment-title">
      <div className="screen-header">
        <button type="button" className="link back" onClick={() => go({ name: 'home' })}>
          ← {t('common.back')}
        </button>
        <h1 id="assessment-title">{assessment.title}</h1>
        <button type="button" className="primary" onClick={() => go({ name: 'results', assessmentId: assessment.id })}>
          {t('assessments.showResults')}
        </button>
        <button type="button" onClick={() => go({ name: 'reports', assessmentId: assessment.id })}>
          {t('reports.open')}
        </button>
      </div>
      <AssessmentSteps assessment={assessment} />
      <RiskLinks assessmentId={assessment.id} />
      <StatusControl assessment={assessment} onChanged={setAssessment} />
      <div className="section-header">
        <h2>{editing ? t('assessments.editTitle') : t('assessments.details')}</h2>
        {editing ? null : (
          <div className="button-row">
            <button
              type="button"
              onClick={() => setEditing(true)}
            >
              {t('common.edit')}
            </button>
            <button type="button" className="danger" onClick={() => setConfirmingDelete(true)}>
              {t('common.delete')}
            </button>
          </div>
        )}
      </div>
      {editing && clients.length === 0 ? <Loading /> : null}
      {editing && clients.length > 0 ? (
        <AssessmentForm
          initial={assessmentFormValues(assessment)}
          clients={clients}
          guides={guides ?? []}
          submitLabel={t('common.save')}
          onCancel={() => setEditing(false)}
          onSubmit={async (values) => {
            const input = assessmentInput(values, { priorAssessmentId: assessment.priorAssessmentId, followUpDate: assessment.followUpDate });
            setAssessment(await update.run({ id: assessment.id, ...input }));
            setEditing(false);
            notify(t('assessments.saved'));
          }}
        />
      ) : null}
      {editing ? null : <AssessmentFacts assessment={assessment} guide={guide} />}
      {editing ? null : <PriorAssessmentSection assessment={assessment} onChanged={setAssessment} />}
      <InterviewsSection assessment={assessment} guide={guide} onChanged={load} />
      <PrivateAnsweringPlan assessment={assessment} />
      {confirmingDelete ? (
        <ConfirmActionDialog
          title={t('assessments.deleteTitle', { title: assessment.title })}
          body={t('assessments.deleteBody')}
          confirmLabel={t('common.delete')}
          onCancel={() => setConfirmingDelete(false)}
          onConfirm={async () => {
            await remove.run({ id: assessment.id });
            notify(t('assessments.deleted', { title: assessment.title }));
            go({ name: 'home' });
          }}
        />
      ) : null}
    </section>
  );
}
