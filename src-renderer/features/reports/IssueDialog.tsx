// Issuing a revision, as its own deliberate step: the checklist with what is missing, who approved for
// the employer and as safety representative (verneombud), and a confirmation that names the revision.
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../src-main/api/contract';
import { localIsoDate } from '../../../src-main/core/dates';
import { approvalParties, missingApprovals, type Approval, type IssueCheck, type RevisionApprovals } from '../../../src-main/core/issuing';
import { Field } from '../../components/Field';
import { hasText } from '../../i18n/keys';
import { useApiMutation, useApiQuery } from '../../lib/api/use-api';
import { errorText, fieldErrors } from '../../lib/errors';
import { issuingMessages } from './issue-messages';
import { ModalDialog } from '../../components/ModalDialog';

type RevisionSummary = MethodOutput<'revisions.issue'>;

interface IssueDialogProps {
  assessmentId: string;
  revision: number;
  onIssued(revision: RevisionSummary): void | Promise<void>;
  onCancel(): void;
}

const emptyApproval = (): Approval => ({ name: '', role: '', date: localIsoDate(new Date()) });
const isBlank = (approval: Approval) => !approval.name.trim() && !approval.role.trim();

export function IssueDialog({ assessmentId, revision, onIssued, onCancel }: IssueDialogProps) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const first = useRef<HTMLInputElement>(null);
  const checklist = useApiQuery('revisions.checklist', { assessmentId });
  const checks = checklist.data ?? null;
  const [approvals, setApprovals] = useState<RevisionApprovals>({ employer: emptyApproval(), safetyRepresentative: emptyApproval() });
  const [acknowledged, setAcknowledged] = useState(false);
  // The reports screen shows the issued revision from what this returns, so nothing is reloaded.
  const issuing = useApiMutation('revisions.issue', { invalidates: [] });
  const [ackError, setAckError] = useState(false);
  const error = issuing.error ?? checklist.error;

  // The approvals are checked here as they are typed; the rest as the API found it.
  const approvalsMissing = missingApprovals(approvals);
  const shown = checks?.map((check) => (check.id === 'approvals' ? { ...check, ok: approvalsMissing.length === 0, missing: approvalsMissing } : check)) ?? [];
  const allOk = checks !== null && shown.every((check) => check.ok);
  const errors = fieldErrors(t, error);
  const missingText = (check: IssueCheck) =>
    check.id === 'approvals' ? check.missing.map((party) => (hasText(issuingMessages.nb.issuing.parties, party) ? t(`issuing.parties.${party}`) : party)).join(', ') : check.missing.join(', ');

  function setApproval(party: (typeof approvalParties)[number], field: keyof Approval, value: string) {
    setApprovals((current) => ({ ...current, [party]: { ...current[party], [field]: value } }));
  }

  async function issue(event: FormEvent) {
    event.preventDefault();
    issuing.reset();
    setAckError(false);
    if (!allOk && !acknowledged) {
      setAckError(true);
      document.getElementById('issue-acknowledge')?.focus();
      return;
    }
    // Without any approval typed in, the revision is issued without; half an approval is refused at its field.
    const given = approvalParties.every((party) => isBlank(approvals[party])) ? undefined : approvals;
    // The same checklist the API checks: gaps the consultant acknowledged are issued with on purpose.
    const issued = await issuing.attempt({ assessmentId, revision, approvals: given, acceptGaps: !allOk && acknowledged });
    if (issued) await onIssued(issued.value);
    else requestAnimationFrame(() => dialog.current?.querySelector<HTMLElement>('[aria-invalid="true"], .issue-error')?.focus());
  }

  return (
    <ModalDialog titleId="issue-title" descriptionId="issue-intro" className="dialog issue-dialog" initialFocus={first} dialogRef={dialog} onCancel={onCancel}>
      <form onSubmit={(event) => void issue(event)} noValidate>
        <h2 id="issue-title">{t('issuing.title', { number: revision })}</h2>
        <p id="issue-intro">{t('issuing.intro', { number: revision })}</p>

        <h3 id="issue-checklist">{t('issuing.checklist')}</h3>
        {checks === null && !error ? <p role="status">{t('issuing.loading')}</p> : null}
        <ul className="issue-checklist" aria-labelledby="issue-checklist">
          {shown.map((check) => (
            <li key={check.id} className={check.ok ? 'check-ok' : 'check-missing'}>
              <span aria-hidden="true">{check.ok ? '✓ ' : '✗ '}</span>
              {t(`issuing.checks.${check.id}`)}
              <span className="visually-hidden"> ({check.ok ? t('issuing.checkOk') : t('issuing.checkMissing')})</span>
              {check.ok ? null : <div className="muted">{t('issuing.missing', { list: missingText(check) })}</div>}
            </li>
          ))}
        </ul>

        <fieldset className="approvals">
          <legend>{t('issuing.approvalsTitle')}</legend>
          <p className="field-hint">{t('issuing.approvalsHint')}</p>
          {approvalParties.map((party, i) => (
            <fieldset key={party} className="approval">
              <legend>{t('issuing.approvalFor', { party: t(`issuing.parties.${party}`) })}</legend>
              <div className="field-row">
                <Field label={t('issuing.name')} error={errors[`approvals.${party}.name`]} limit={{ length: approvals[party].name.length, max: 200 }}>
                  {(props) => (
                    <input {...props} ref={i === 0 ? first : undefined} value={approvals[party].name} onChange={(event) => setApproval(party, 'name', event.target.value)} />
                  )}
                </Field>
                <Field label={t('issuing.role')} error={errors[`approvals.${party}.role`]} limit={{ length: approvals[party].role.length, max: 200 }}>
                  {(props) => <input {...props} value={approvals[party].role} onChange={(event) => setApproval(party, 'role', event.target.value)} />}
                </Field>
                <Field label={t('issuing.date')} error={errors[`approvals.${party}.date`]}>
                  {(props) => <input {...props} type="date" value={approvals[party].date} onChange={(event) => setApproval(party, 'date', event.target.value)} />}
                </Field>
              </div>
            </fieldset>
          ))}
        </fieldset>

        {checks !== null && !allOk ? (
          <div className={ackError ? 'field field-invalid' : 'field'}>
            <label className="choice">
              <input
                id="issue-acknowledge"
                type="checkbox"
                checked={acknowledged}
                aria-invalid={ackError || undefined}
                aria-describedby={ackError ? 'issue-acknowledge-error' : undefined}
                onChange={(event) => setAcknowledged(event.target.checked)}
              />
              <span>{t('issuing.acknowledge')}</span>
            </label>
            {ackError ? (
              <div className="field-error" id="issue-acknowledge-error" role="alert">
                {t('issuing.acknowledgeNeeded')}
              </div>
            ) : null}
          </div>
        ) : null}

        {error && Object.keys(errors).length === 0 ? (
          <p className="error-text issue-error" role="alert" tabIndex={-1}>
            {errorText(t, error)}
          </p>
        ) : null}
        <div className="button-row">
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={issuing.busy || checks === null}>
            {issuing.busy ? t('issuing.issuing') : t('issuing.confirm', { number: revision })}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
