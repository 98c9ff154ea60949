// When an interview was actually held: recorded from its first and last answer, corrected here by the consultant.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InterviewSummary } from '../../../src-main/core/assessments';
import { localIsoDate } from '../../../src-main/core/dates';
import { EditForm } from '../../components/EditForm';
import { Field } from '../../components/Field';
import { useApiMutation } from '../../lib/api/use-api';
import { formatDate } from '../../lib/dates';

/** "5. des. 2026, 10:02–11:15" */
export function HeldTime({ interview }: { interview: InterviewSummary }) {
  const { t, i18n } = useTranslation();
  if (!interview.held) return null;
  const { date, start, end } = interview.held;
  return <div className="muted">{t('heldTime.held', { date: formatDate(date, i18n.language), start, end })}</div>;
}

interface HeldTimeFormProps {
  interview: InterviewSummary;
  onSaved(): Promise<void>;
  onCancel(): void;
}

export function HeldTimeForm({ interview, onSaved, onCancel }: HeldTimeFormProps) {
  const { t } = useTranslation();
  const [held, setHeld] = useState({
    date: interview.held?.date ?? interview.plannedAt ?? localIsoDate(new Date()),
    start: interview.held?.start ?? '',
    end: interview.held?.end ?? '',
  });
  // The caller loads the assessment again (onSaved).
  const setHeldTime = useApiMutation('interviews.setHeld', { invalidates: [] }).run;
  const set = (field: keyof typeof held) => (value: string) => setHeld((current) => ({ ...current, [field]: value }));

  return (
    <section aria-labelledby="held-time-title" className="interview-form-section">
      <h3 id="held-time-title">{t('heldTime.title', { name: interview.groupName })}</h3>
      <p className="field-hint">{t('heldTime.hint')}</p>
      <EditForm
        submitLabel={t('common.save')}
        onCancel={onCancel}
        onSubmit={async () => {
          await setHeldTime({ id: interview.id, ...held });
          await onSaved();
        }}
      >
        {(errors) => (
          <div className="field-row">
            <Field label={t('heldTime.date')} error={errors.date}>
              {(props) => <input {...props} type="date" value={held.date} onChange={(event) => set('date')(event.target.value)} />}
            </Field>
            <Field label={t('heldTime.start')} error={errors.start}>
              {(props) => <input {...props} type="time" value={held.start} onChange={(event) => set('start')(event.target.value)} />}
            </Field>
            <Field label={t('heldTime.end')} error={errors.end}>
              {(props) => <input {...props} type="time" value={held.end} onChange={(event) => set('end')(event.target.value)} />}
            </Field>
          </div>
        )}
      </EditForm>
    </section>
  );
}
