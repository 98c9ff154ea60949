// Create or edit an assessment: client and unit, purpose, dates, consultant, method, guide version, minimum group size.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodInput } from '../../../src-main/api/contract';
import type { AssessmentMethod, AssessmentSummary } from '../../../src-main/core/assessments';
import type { ClientSummary, Unit } from '../../../src-main/core/clients';
import { localize } from '../../../src-main/core/localize';
import { EditForm } from '../../components/EditForm';
import { Field } from '../../components/Field';
import { useApiQuery } from '../../lib/api/use-api';
import type { GuideSummary } from './assessments-store';
import { GuideLanguages } from './GuideLanguages';
import { ModulePlanner } from './ModulePlanner';

/** The form edits every field as text; the API checks them. */
export interface AssessmentFormValues {
  clientId: string;
  unitId: string;
  title: string;
  mandate: string;
  method: AssessmentMethod;
  consultant: string;
  plannedStart: string;
  plannedEnd: string;
  /** "id@version" */
  guide: string;
  /** The guide's optional modules asked besides its core set. */
  modules: string[];
  minGroupSize: string;
  /** The consultant's conclusions for the formal report's summary. */
  conclusions: string;
  /** Why a report is issued though no factor has a result to show. */
  noResultsReason: string;
}

const offeredMethods: AssessmentMethod[] = ['group', 'individual', 'mixed'];
export const guideKey = (guide: { id: string; version: string }) => `${guide.id}@${guide.version}`;

function splitGuideKey(key: string): { guideId: string; guideVersion: string } {
  const at = key.lastIndexOf('@');
  return at > 0 ? { guideId: key.slice(0, at), guideVersion: key.slice(at + 1) } : { guideId: key, guideVersion: '' };
}

export function assessmentFormValues(
  source: AssessmentSummary | { clientId: string; guide: GuideSummary | undefined; minGroupSize: number },
): AssessmentFormValues {
  if ('id' in source) {
    return {
      clientId: source.clientId,
      unitId: source.unitId ?? '',
      title: source.title,
      mandate: source.mandate,
      method: source.method,
      consultant: source.consultant,
      plannedStart: source.plannedStart ?? '',
      plannedEnd: source.plannedEnd ?? '',
      guide: guideKey({ id: source.guideId, version: source.guideVersion }),
      modules: source.modules,
      minGroupSize: String(source.minGroupSize),
      conclusions: source.conclusions,
      noResultsReason: source.noResultsReason,
    };
  }
  return {
    clientId: source.clientId,
    unitId: '',
    title: '',
    mandate: '',
    method: 'group',
    consultant: '',
    plannedStart: '',
    plannedEnd: '',
    guide: source.guide ? guideKey(source.guide) : '',
    modules: [],
    minGroupSize: String(Math.max(3, source.minGroupSize)),
    conclusions: '',
    noResultsReason: '',
  };
}

/** What the API takes: empty text is "not set", the guide splits into id and version. */
export function assessmentInput(values: AssessmentFormValues, prior: { priorAssessmentId: string | null; followUpDate: string | null }) {
  const { guideId, guideVersion } = splitGuideKey(values.guide);
  return {
    clientId: values.clientId,
    unitId: values.unitId || null,
    title: values.title,
    mandate: values.mandate,
    method: values.method,
    consultant: values.consultant,
    plannedStart: values.plannedStart || null,
    plannedEnd: values.plannedEnd || null,
    guideId,
    guideVersion,
    modules: values.modules,
    minGroupSize: values.minGroupSize.trim() === '' ? Number.NaN : Number(values.minGroupSize),
    conclusions: values.conclusions,
    noResultsReason: values.noResultsReason,
    ...prior,
  } satisfies MethodInput<'assessments.create'>;
}

interface AssessmentFormProps {
  initial: AssessmentFormValues;
  clients: ClientSummary[];
  guides: GuideSummary[];
  submitLabel: string;
  onSubmit(values: AssessmentFormValues): Promise<void>;
  onCancel(): void;
}

/** The chosen client's units; none while they load or when they could not be read. */
function useUnits(clientId: string): Unit[] {
  return useApiQuery('clients.get', clientId ? { id: clientId } : null).data?.units ?? [];
}

export function AssessmentForm({ initial, clients, guides, submitLabel, onSubmit, onCancel }: AssessmentFormProps) {
  const { t, i18n } = useTranslation();
  const [values, setValues] = useState(initial);
  const units = useUnits(values.clientId);
  const set = <K extends keyof AssessmentFormValues>(field: K) => (value: AssessmentFormValues[K]) => setValues((v) => ({ ...v, [field]: value }));
  const chosenGuide = guides.find((guide) => guideKey(guide) === values.guide);

  return (
    <EditForm submitLabel={submitLabel} onSubmit={() => onSubmit(values)} onCancel={onCancel}>
      {(errors) => (
        <>
          <div className="field-row">
            <Field label={t('assessments.client')} required error={errors.clientId}>
              {(props) => (
                <select {...props} value={values.clientId} onChange={(event) => setValues((v) => ({ ...v, clientId: event.target.value, unitId: '' }))}>
                  <option value="">{t('assessments.chooseClient')}</option>
                  {clients.map((client) => (
                    <option key={client.id} value={client.id}>
                      {client.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('assessments.unit')} error={errors.unitId}>
              {(props) => (
                <select {...props} value={values.unitId} onChange={(event) => set('unitId')(event.target.value)}>
                  <option value="">{t('assessments.wholeClient')}</option>
                  {units.map((unit) => (
                    <option key={unit.id} value={unit.id}>
                      {unit.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <Field label={t('assessments.title')} hint={t('assessments.titleHint')} required error={errors.title} limit={{ length: values.title.length, max: 200 }}>
            {(props) => <input {...props} value={values.title} autoComplete="off" onChange={(event) => set('title')(event.target.value)} />}
          </Field>
          <Field label={t('assessments.mandate')} hint={t('assessments.mandateHint')} error={errors.mandate} limit={{ length: values.mandate.length, max: 10_000 }}>
            {(props) => <textarea {...props} value={values.mandate} rows={5} onChange={(event) => set('mandate')(event.target.value)} />}
          </Field>
          <Field label={t('assessments.conclusions')} hint={t('assessments.conclusionsHint')} error={errors.conclusions} limit={{ length: values.conclusions.length, max: 10_000 }}>
            {(props) => <textarea {...props} value={values.conclusions} rows={5} onChange={(event) => set('conclusions')(event.target.value)} />}
          </Field>
          <Field label={t('assessments.noResultsReason')} hint={t('assessments.noResultsReasonHint')} error={errors.noResultsReason} limit={{ length: values.noResultsReason.length, max: 2_000 }}>
            {(props) => <textarea {...props} value={values.noResultsReason} rows={2} onChange={(event) => set('noResultsReason')(event.target.value)} />}
          </Field>
          <div className="field-row">
            <Field label={t('assessments.plannedStart')} error={errors.plannedStart}>
              {(props) => <input {...props} type="date" value={values.plannedStart} onChange={(event) => set('plannedStart')(event.target.value)} />}
            </Field>
            <Field label={t('assessments.plannedEnd')} error={errors.plannedEnd}>
              {(props) => <input {...props} type="date" value={values.plannedEnd} onChange={(event) => set('plannedEnd')(event.target.value)} />}
            </Field>
          </div>
          <div className="field-row">
            <Field label={t('assessments.consultant')} error={errors.consultant} limit={{ length: values.consultant.length, max: 200 }}>
              {(props) => (
                <input {...props} value={values.consultant} autoComplete="name" onChange={(event) => set('consultant')(event.target.value)} />
              )}
            </Field>
            <Field label={t('assessments.methodLabel')} error={errors.method}>
              {(props) => (
                <select {...props} value={values.method} onChange={(event) => set('method')(event.target.value as AssessmentMethod)}>
                  {(offeredMethods.includes(values.method) ? offeredMethods : [...offeredMethods, values.method]).map((method) => (
                    <option key={method} value={method}>
                      {t(`assessments.method.${method}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <Field
            label={t('assessments.guide')}
            required
            error={errors.guideId ?? errors.guideVersion}
            hint={
              chosenGuide ? (
                <>
                  <span>{t('assessments.guideLanguages')}:</span>
                  <GuideLanguages languages={chosenGuide.languages} />
                  <span>{t('assessments.translationHint')}</span>
                </>
              ) : undefined
            }
          >
            {(props) => (
              <select {...props} value={values.guide} onChange={(event) => setValues((v) => ({ ...v, guide: event.target.value, modules: [] }))}>
                {chosenGuide ? null : <option value={values.guide}>{values.guide}</option>}
                {guides.map((guide) => (
                  <option key={guideKey(guide)} value={guideKey(guide)}>
                    {t('assessments.guideOption', { title: localize(guide.title, i18n.language), version: guide.version })}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <ModulePlanner
            {...splitGuideKey(values.guide)}
            method={values.method}
            modules={values.modules}
            error={errors.modules}
            onChange={set('modules')}
          />
          <Field label={t('assessments.minGroupSize')} hint={t('assessments.minGroupSizeHint')} error={errors.minGroupSize}>
            {(props) => (
              <input
                {...props}
                className="number-input"
                type="number"
                min={3}
                max={50}
                step={1}
                value={values.minGroupSize}
                onChange={(event) => set('minGroupSize')(event.target.value)}
              />
            )}
          </Field>
        </>
      )}
    </EditForm>
  );
}
