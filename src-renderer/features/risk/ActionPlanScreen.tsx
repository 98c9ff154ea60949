// The action plan of one assessment: the follow-up date, and the measures for the findings.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { riskNumbers, type MeasureView } from '../../../src-main/core/risk';
import { useNotices } from '../../app/notices';
import { ConfirmActionDialog } from '../../components/ConfirmActionDialog';
import { EditForm } from '../../components/EditForm';
import { Field } from '../../components/Field';
import { useApiMutation } from '../../lib/api/use-api';
import { MeasureForm, measureFormValues, measureInput } from './MeasureForm';
import { MeasuresTable } from './MeasuresTable';
import { RiskArea } from './RiskArea';
import { useRisk } from './risk-store';

type Editing = { kind: 'new' } | { kind: 'edit'; measure: MeasureView } | null;

export function ActionPlanScreen({ assessmentId }: { assessmentId: string }) {
  return (
    <RiskArea assessmentId={assessmentId} tab="actionPlan">
      <ActionPlanContent assessmentId={assessmentId} />
    </RiskArea>
  );
}

function FollowUpDate({ assessmentId, current }: { assessmentId: string; current: string | null }) {
  const { t } = useTranslation();
  const notify = useNotices((s) => s.show);
  // Reloads the risk store, which registers for the assessment.
  const setFollowUpDate = useApiMutation('assessments.setFollowUpDate', { invalidates: ['assessments.get'] }).run;
  const [value, setValue] = useState(current ?? '');
  return (
    <section aria-labelledby="follow-up-title">
      <h2 id="follow-up-title">{t('risk.measures.followUp')}</h2>
      <EditForm
        className="risk-inline-form"
        submitLabel={t('risk.measures.followUpSave')}
        onSubmit={async () => {
          await setFollowUpDate({ assessmentId, followUpDate: value || null });
          notify(t('risk.measures.followUpSaved'));
        }}
      >
        {(errors) => (
          <Field label={t('risk.measures.followUpField')} hint={t('risk.measures.followUpHint')} error={errors.followUpDate}>
            {(props) => <input {...props} type="date" value={value} onChange={(event) => setValue(event.target.value)} />}
          </Field>
        )}
      </EditForm>
    </section>
  );
}

function ActionPlanContent({ assessmentId }: { assessmentId: string }) {
  const { t } = useTranslation();
  const notify = useNotices((s) => s.show);
  const { assessment, findings, measures } = useRisk();
  // Each change reloads the risk store (it registers for measures and the assessment).
  const changes = { invalidates: ['measures', 'assessments.get'] } as const;
  const update = useApiMutation('measures.update', changes).run;
  const create = useApiMutation('measures.create', changes).run;
  const remove = useApiMutation('measures.delete', changes).run;
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<MeasureView | null>(null);
  const numbers = riskNumbers(findings);
  if (!assessment) return null;

  return (
    <>
      <FollowUpDate key={assessment.followUpDate ?? ''} assessmentId={assessmentId} current={assessment.followUpDate} />
      <section aria-labelledby="measures-title">
        <div className="section-header">
          <h2 id="measures-title">{t('risk.measures.title')}</h2>
          <button type="button" className="primary" onClick={() => setEditing({ kind: 'new' })}>
            {t('risk.measures.new')}
          </button>
        </div>
        {editing ? (
          <MeasureForm
            key={editing.kind === 'edit' ? editing.measure.id : 'new'}
            heading={editing.kind === 'edit' ? t('risk.measures.editTitle', { title: editing.measure.title }) : t('risk.measures.newTitle')}
            initial={measureFormValues(editing.kind === 'edit' ? editing.measure : undefined)}
            findings={findings}
            numbers={numbers}
            onCancel={() => setEditing(null)}
            onSubmit={async (values) => {
              if (editing.kind === 'edit') {
                await update({ id: editing.measure.id, ...measureInput(values) });
                notify(t('risk.measures.saved'));
              } else {
                await create({ assessmentId, ...measureInput(values) });
                notify(t('risk.measures.created'));
              }
              setEditing(null);
            }}
          />
        ) : null}
        {measures.length === 0 ? (
          <p className="empty">{t('risk.measures.empty')}</p>
        ) : (
          <MeasuresTable
            measures={measures}
            findings={findings}
            numbers={numbers}
            onEdit={(measure) => setEditing({ kind: 'edit', measure })}
            onDelete={(measure) => setDeleting(measure)}
          />
        )}
      </section>
      {deleting ? (
        <ConfirmActionDialog
          title={t('risk.measures.deleteTitle', { title: deleting.title })}
          body={t('risk.measures.deleteBody')}
          confirmLabel={t('risk.measures.delete')}
          onCancel={() => setDeleting(null)}
          onConfirm={async () => {
            await remove({ id: deleting.id });
            setDeleting(null);
            notify(t('risk.measures.deleted'));
          }}
        />
      ) : null}
    </>
  );
}
