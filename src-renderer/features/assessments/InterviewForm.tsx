// Plan or edit an interview: group, kind, expected size, question language, languages spoken, interpreter, date.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodInput } from '../../../src-main/api/contract';
import { respondentRoles, type InterviewKind, type InterviewSummary, type ParticipantCounts, type RespondentRole } from '../../../src-main/core/assessments';
import type { GuideTranslation } from '../../../src-main/core/guide';
import { knownLanguages, languageWithNativeName } from '../../../src-main/core/languages';
import { minimumGroupSize } from '../../../src-main/core/suppression';
import { EditForm } from '../../components/EditForm';
import { Field } from '../../components/Field';

export interface InterviewFormValues {
  groupName: string;
  kind: InterviewKind;
  respondentRole: RespondentRole;
  expectedParticipants: string;
  respondentLanguage: string;
  languages: string[];
  interpreterUsed: boolean;
  plannedAt: string;
}

const offeredKinds: InterviewKind[] = ['group', 'individual'];

export function interviewFormValues(interview?: InterviewSummary): InterviewFormValues {
  return {
    groupName: interview?.groupName ?? '',
    kind: interview?.kind ?? 'group',
    respondentRole: interview?.respondentRole ?? 'employees',
    expectedParticipants: interview ? String(interview.expectedParticipants) : '',
    respondentLanguage: interview?.respondentLanguage ?? 'nb',
    languages: interview?.languages ?? [],
    interpreterUsed: interview?.interpreterUsed ?? false,
    plannedAt: interview?.plannedAt ?? '',
  };
}

export function interviewInput(values: InterviewFormValues, participants: ParticipantCounts) {
  return {
    groupName: values.groupName,
    kind: values.kind,
    respondentRole: values.respondentRole,
    expectedParticipants: values.expectedParticipants.trim() === '' ? 0 : Number(values.expectedParticipants),
    respondentLanguage: values.respondentLanguage,
    languages: values.languages,
    interpreterUsed: values.interpreterUsed,
    participants,
    plannedAt: values.plannedAt || null,
  } satisfies Omit<MethodInput<'interviews.update'>, 'id'>;
}

interface InterviewFormProps {
  initial: InterviewFormValues;
  guideLanguages: GuideTranslation[];
  submitLabel: string;
  /** The assessment's minimum group size: a smaller group's results will not be shown. */
  minGroupSize?: number;
  onSubmit(values: InterviewFormValues): Promise<void>;
  onCancel(): void;
}

export function InterviewForm({ initial, guideLanguages, submitLabel, minGroupSize, onSubmit, onCancel }: InterviewFormProps) {
  const { t, i18n } = useTranslation();
  const ui = i18n.language === 'en' ? 'en' : 'nb';
  const [values, setValues] = useState(initial);
  const spoken = [...new Set([...Object.keys(knownLanguages), ...guideLanguages.map((l) => l.code), ...values.languages])];
  const nameWithNative = (code: string) => languageWithNativeName(code, ui);

  return (
    <EditForm className="interview-form" submitLabel={submitLabel} onSubmit={() => onSubmit(values)} onCancel={onCancel}>
      {(errors) => (
        <>
          <div className="field-row">
            <Field label={t('plannedInterviews.groupName')} hint={t('plannedInterviews.groupNameHint')} required error={errors.groupName} limit={{ length: values.groupName.length, max: 200 }}>
              {(props) => (
                <input
                  {...props}
                  value={values.groupName}
                  autoComplete="off"
                  onChange={(event) => setValues({ ...values, groupName: event.target.value })}
                />
              )}
            </Field>
            <Field label={t('plannedInterviews.kind')} error={errors.kind}>
              {(props) => (
                <select {...props} value={values.kind} onChange={(event) => setValues({ ...values, kind: event.target.value as InterviewKind })}>
                  {(offeredKinds.includes(values.kind) ? offeredKinds : [...offeredKinds, values.kind]).map((kind) => (
                    <option key={kind} value={kind}>
                      {t(`plannedInterviews.kinds.${kind}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('interviewRoles.label')} hint={t('interviewRoles.hint')} error={errors.respondentRole}>
              {(props) => (
                <select {...props} value={values.respondentRole} onChange={(event) => setValues({ ...values, respondentRole: event.target.value as RespondentRole })}>
                  {respondentRoles.map((role) => (
                    <option key={role} value={role}>
                      {t(`interviewRoles.roles.${role}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <div className="field-row">
            <Field
              label={t('plannedInterviews.expectedParticipants')}
              error={errors.expectedParticipants}
              hint={
                minGroupSize !== undefined && Number(values.expectedParticipants) > 0 && Number(values.expectedParticipants) < minimumGroupSize(minGroupSize) ? (
                  <span className="warning-text" role="status">
                    <span aria-hidden="true">⚠ </span>
                    {t('interviewFinish.belowMinimum', { expected: Number(values.expectedParticipants), min: minimumGroupSize(minGroupSize) })}
                  </span>
                ) : undefined
              }
            >
              {(props) => (
                <input
                  {...props}
                  className="number-input"
                  type="number"
                  min={0}
                  max={500}
                  value={values.expectedParticipants}
                  onChange={(event) => setValues({ ...values, expectedParticipants: event.target.value })}
                />
              )}
            </Field>
            <Field label={t('plannedInterviews.plannedAt')} error={errors.plannedAt}>
              {(props) => <input {...props} type="date" value={values.plannedAt} onChange={(event) => setValues({ ...values, plannedAt: event.target.value })} />}
            </Field>
            <Field label={t('plannedInterviews.respondentLanguage')} hint={t('plannedInterviews.respondentLanguageHint')} error={errors.respondentLanguage}>
              {(props) => (
                <select
                  {...props}
                  value={values.respondentLanguage}
                  onChange={(event) => {
                    const code = event.target.value;
                    setValues({ ...values, respondentLanguage: code, languages: values.languages.includes(code) ? values.languages : [...values.languages, code] });
                  }}
                >
                  {guideLanguages.map((language) => (
                    <option key={language.code} value={language.code}>
                      {nameWithNative(language.code)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <fieldset className="choice-group language-choices">
            <legend>{t('plannedInterviews.languages')}</legend>
            {spoken.map((code) => (
              <label key={code} className="choice">
                <input
                  type="checkbox"
                  checked={values.languages.includes(code)}
                  onChange={(event) =>
                    setValues({
                      ...values,
                      languages: event.target.checked ? [...values.languages, code] : values.languages.filter((c) => c !== code),
                    })
                  }
                />
                <span>{nameWithNative(code)}</span>
              </label>
            ))}
            {errors.languages ? <p className="field-error">{errors.languages}</p> : null}
          </fieldset>
          <label className="choice">
            <input type="checkbox" checked={values.interpreterUsed} onChange={(event) => setValues({ ...values, interpreterUsed: event.target.checked })} />
            <span>{t('plannedInterviews.interpreter')}</span>
          </label>
        </>
      )}
    </EditForm>
  );
}
