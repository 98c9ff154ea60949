// Add or edit a measure of the action plan, with suggestions from the guide's measure library for
// the chosen finding's factors, and a warning when an agreed measure lacks a required party.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodInput } from '../../../src-main/api/contract';
import { localize } from '../../../src-main/core/localize';
import {
  measurePriorities,
  measureStatuses,
  missingAgreementParties,
  responsibleRoles,
  type Finding,
  type MeasurePriority,
  type MeasureStatus,
  type MeasureView,
  type ResponsibleRole,
} from '../../../src-main/core/risk';
import { EditForm } from '../../components/EditForm';
import { Field } from '../../components/Field';
import { useApiQuery } from '../../lib/api/use-api';

export interface MeasureFormValues {
  findingId: string;
  title: string;
  rationale: string;
  responsibleRole: ResponsibleRole | '';
  deadline: string;
  priority: MeasurePriority;
  status: MeasureStatus;
  dropReason: string;
  agreedBy: ResponsibleRole[];
  responsibleName: string;
  agreedOn: string;
}

export function measureFormValues(measure?: MeasureView, findingId?: string): MeasureFormValues {
  return {
    findingId: measure ? (measure.findingId ?? '') : (findingId ?? ''),
    title: measure?.title ?? '',
    rationale: measure?.rationale ?? '',
    responsibleRole: measure?.responsibleRole ?? '',
    deadline: measure?.deadline ?? '',
    priority: measure?.priority ?? 'medium',
    status: measure?.status ?? 'proposed',
    dropReason: measure?.dropReason ?? '',
    agreedBy: measure?.agreedBy ?? [],
    responsibleName: measure?.responsibleName ?? '',
    agreedOn: measure?.agreedOn ?? '',
  };
}

/** Empty fields go to the API as missing, so it names them; the form adds no rules of its own. */
export function measureInput(values: MeasureFormValues) {
  const input: Partial<Omit<MethodInput<'measures.create'>, 'assessmentId'>> = {
    findingId: values.findingId || null,
    title: values.title,
    rationale: values.rationale,
    priority: values.priority,
    status: values.status,
    dropReason: values.status === 'dropped' ? values.dropReason : null,
    agreedBy: values.agreedBy,
    responsibleName: values.responsibleName,
    agreedOn: values.agreedOn || null,
  };
  if (values.responsibleRole) input.responsibleRole = values.responsibleRole;
  if (values.deadline) input.deadline = values.deadline;
  return input as Omit<MethodInput<'measures.create'>, 'assessmentId'>;
}

interface MeasureFormProps {
  heading: string;
  initial: MeasureFormValues;
  findings: Finding[];
  numbers: Map<string, number>;
  onSubmit(values: MeasureFormValues): Promise<void>;
  onCancel(): void;
}

export function MeasureForm({ heading, initial, findings, numbers, onSubmit, onCancel }: MeasureFormProps) {
  const { t, i18n } = useTranslation();
  const [values, setValues] = useState(initial);
  const set = <K extends keyof MeasureFormValues>(key: K) => (value: MeasureFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const choosable = findings.filter((f) => f.status !== 'dismissed' || f.id === initial.findingId);
  const missing = missingAgreementParties({ status: values.status, agreedBy: values.agreedBy });
  const roleName = (role: ResponsibleRole) => t(`risk.measures.roles.${role}`);

  // Suggestions help; when they cannot be had, the form works without them.
  const suggestions = useApiQuery('measures.suggestions', values.findingId ? { findingId: values.findingId } : null).data ?? [];

  const factorGroups = [...new Set(suggestions.map((s) => s.factorId))].map((factorId) => {
    const inFactor = suggestions.filter((s) => s.factorId === factorId);
    return { factorId, title: localize(inFactor[0].factorTitle, i18n.language), suggestions: inFactor };
  });

  return (
    <section className="risk-panel" aria-labelledby="measure-form-title">
      <h2 id="measure-form-title">{heading}</h2>
      <EditForm submitLabel={t('common.save')} onSubmit={() => onSubmit(values)} onCancel={onCancel}>
        {(errors) => (
          <>
            <Field label={t('risk.measures.findingField')} error={errors.findingId}>
              {(props) => (
                <select {...props} value={values.findingId} onChange={(event) => set('findingId')(event.target.value)}>
                  <option value="">{t('risk.measures.noFinding')}</option>
                  {choosable.map((finding) => (
                    <option key={finding.id} value={finding.id}>
                      F{numbers.get(finding.id)} {finding.title}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {values.findingId ? (
              <details className="suggestions" open={!initial.title}>
                <summary>{t('risk.measures.suggestions')}</summary>
                {factorGroups.length === 0 ? <p className="muted">{t('risk.measures.noSuggestions')}</p> : null}
                {factorGroups.map((group) => (
                  <div key={group.factorId}>
                    <h3>{t('risk.measures.suggestionsFor', { factor: group.title })}</h3>
                    <ul className="suggestion-list">
                      {group.suggestions.map((suggestion) => {
                        const text = localize(suggestion.text, i18n.language);
                        return (
                          <li key={suggestion.id}>
                            <span>{text}</span>
                            <button type="button" aria-label={t('risk.measures.useSuggestionNamed', { text })} onClick={() => set('title')(text)}>
                              {t('risk.measures.useSuggestion')}
                            </button>
                          </li>
                        );
                      })}
                    </ul>
                  </div>
                ))}
              </details>
            ) : null}
            <Field label={t('risk.measures.whatField')} required error={errors.title} limit={{ length: values.title.length, max: 300 }}>
              {(props) => <textarea {...props} rows={2} value={values.title} onChange={(event) => set('title')(event.target.value)} />}
            </Field>
            <Field label={t('risk.measures.whyField')} error={errors.rationale} limit={{ length: values.rationale.length, max: 5000 }}>
              {(props) => <textarea {...props} rows={2} value={values.rationale} onChange={(event) => set('rationale')(event.target.value)} />}
            </Field>
            <div className="field-row">
              <Field label={t('risk.measures.responsibleField')} required error={errors.responsibleRole}>
                {(props) => (
                  <select {...props} value={values.responsibleRole} onChange={(event) => set('responsibleRole')(event.target.value as ResponsibleRole | '')}>
                    <option value="">{t('risk.measures.chooseRole')}</option>
                    {responsibleRoles.map((role) => (
                      <option key={role} value={role}>
                        {roleName(role)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label={t('risk.measures.deadlineField')} required error={errors.deadline}>
                {(props) => <input {...props} type="date" value={values.deadline} onChange={(event) => set('deadline')(event.target.value)} />}
              </Field>
              <Field label={t('risk.measures.priorityField')} error={errors.priority}>
                {(props) => (
                  <select {...props} value={values.priority} onChange={(event) => set('priority')(event.target.value as MeasurePriority)}>
                    {measurePriorities.map((priority) => (
                      <option key={priority} value={priority}>
                        {t(`risk.measures.priorities.${priority}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label={t('risk.measures.statusField')} error={errors.status}>
                {(props) => (
                  <select {...props} value={values.status} onChange={(event) => set('status')(event.target.value as MeasureStatus)}>
                    {measureStatuses.map((status) => (
                      <option key={status} value={status}>
                        {t(`risk.measures.statuses.${status}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            </div>
            <div className="field-row">
              <Field label={t('risk.measures.responsibleNameField')} hint={t('risk.measures.responsibleNameHint')} error={errors.responsibleName} limit={{ length: values.responsibleName.length, max: 300 }}>
                {(props) => <input {...props} value={values.responsibleName} onChange={(event) => set('responsibleName')(event.target.value)} />}
              </Field>
              <Field label={t('risk.measures.agreedOnField')} error={errors.agreedOn}>
                {(props) => <input {...props} type="date" value={values.agreedOn} onChange={(event) => set('agreedOn')(event.target.value)} />}
              </Field>
            </div>
            {values.status === 'dropped' ? (
              <Field label={t('risk.measures.dropReasonField')} required error={errors.dropReason} limit={{ length: values.dropReason.length, max: 2000 }}>
                {(props) => <textarea {...props} rows={2} value={values.dropReason} onChange={(event) => set('dropReason')(event.target.value)} />}
              </Field>
            ) : null}
            <fieldset className="choice-group role-choices" aria-describedby="agreed-by-hint">
              <legend>{t('risk.measures.agreedByField')}</legend>
              {responsibleRoles.map((role) => (
                <label key={role} className="choice">
                  <input
                    type="checkbox"
                    checked={values.agreedBy.includes(role)}
                    onChange={(event) => set('agreedBy')(event.target.checked ? [...values.agreedBy, role] : values.agreedBy.filter((r) => r !== role))}
                  />
                  <span>{roleName(role)}</span>
                </label>
              ))}
              <p className="field-hint" id="agreed-by-hint">
                {t('risk.measures.agreedByHint')}
              </p>
            </fieldset>
            <p className="risk-warning" aria-live="polite">
              {missing.length ? (
                <>
                  <span aria-hidden="true">⚠ </span>
                  {t('risk.measures.missingParties', { parties: missing.map(roleName).join(t('risk.measures.and')) })}
                </>
              ) : null}
            </p>
          </>
        )}
      </EditForm>
    </section>
  );
}
