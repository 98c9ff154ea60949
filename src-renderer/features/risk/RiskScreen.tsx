// The risk assessment of one assessment: the matrix with the findings on it, proposals from the
// results, and the findings to accept, edit, dismiss or add.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../src-main/core/localize';
import { isRated, riskNumbers, type Finding } from '../../../src-main/core/risk';
import { defaultRiskMatrix } from '../../../src-main/core/risk-matrix';
import { useNotices } from '../../app/notices';
import { useApiMutation } from '../../lib/api/use-api';
import { errorText } from '../../lib/errors';
import { useSettings } from '../settings/settings-store';
import { BulkAcceptDialog } from './BulkAcceptDialog';
import { DismissDialog } from './DismissDialog';
import { FindingForm, findingFormValues, findingInput } from './FindingForm';
import { FindingsTable, type FindingAction } from './FindingsTable';
import { RiskArea } from './RiskArea';
import { RiskMatrixGrid } from './RiskMatrixGrid';
import { useRisk } from './risk-store';

type Editing = { kind: 'new' } | { kind: 'edit'; finding: Finding } | null;

export function RiskScreen({ assessmentId }: { assessmentId: string }) {
  return (
    <RiskArea assessmentId={assessmentId} tab="risk">
      <RiskContent assessmentId={assessmentId} />
    </RiskArea>
  );
}

function RiskContent({ assessmentId }: { assessmentId: string }) {
  const { t, i18n } = useTranslation();
  const notify = useNotices((s) => s.show);
  const { findings, guide } = useRisk();
  const matrix = useSettings((s) => s.settings?.riskMatrix) ?? defaultRiskMatrix;
  const [editing, setEditing] = useState<Editing>(null);
  const [dismissing, setDismissing] = useState<Finding | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [proposalNote, setProposalNote] = useState<string[]>([]);
  const [selectedIds, setSelectedIds] = useState<ReadonlySet<string>>(new Set());
  const [bulk, setBulk] = useState<'rate' | 'dismiss' | null>(null);
  // Each change reloads the risk store (it registers for findings and the assessment).
  const changes = { invalidates: ['findings', 'assessments.get'] } as const;
  const proposeFindings = useApiMutation('findings.propose', changes).run;
  const accept = useApiMutation('findings.accept', changes).run;
  const reopen = useApiMutation('findings.reopen', changes).run;
  const confirmRating = useApiMutation('findings.confirmRating', changes).run;
  const acceptMany = useApiMutation('findings.acceptMany', changes).run;
  const update = useApiMutation('findings.update', changes).run;
  const create = useApiMutation('findings.create', changes).run;
  const dismissMany = useApiMutation('findings.dismissMany', changes).run;
  const dismiss = useApiMutation('findings.dismiss', changes).run;
  const setResidual = useApiMutation('findings.setResidual', changes).run;
  const numbers = riskNumbers(findings);
  if (!guide) return null;

  const factorTitle = (id: string) => {
    const factor = guide.factors.find((f) => f.id === id);
    return factor ? localize(factor.title, i18n.language) : id;
  };

  async function run(work: () => Promise<unknown>, notice?: string) {
    setBusy(true);
    setError(null);
    try {
      await work();
      if (notice) notify(notice);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  async function propose() {
    await run(async () => {
      const result = await proposeFindings({ assessmentId });
      const notes = [result.created.length ? t('risk.findings.proposed', { count: result.created.length }) : t('risk.findings.nothingNew')];
      if (result.withheldFactorIds.length) notes.push(t('risk.findings.withheld', { factors: result.withheldFactorIds.map(factorTitle).join(', ') }));
      setProposalNote(notes);
    });
  }

  function act(action: FindingAction, finding: Finding) {
    switch (action) {
      case 'accept':
        void run(() => accept({ id: finding.id }), t('risk.findings.accepted'));
        return;
      case 'reopen':
        void run(() => reopen({ id: finding.id }), t('risk.findings.reopened'));
        return;
      case 'confirmRating':
        void run(() => confirmRating({ id: finding.id }), t('risk.findings.confirmed'));
        return;
      case 'edit':
        setEditing({ kind: 'edit', finding });
        return;
      case 'dismiss':
        setDismissing(finding);
        return;
    }
  }

  const inPlay = findings.filter((f) => f.status !== 'dismissed');
  // Only proposed findings that are still there can be decided on together.
  const selected = inPlay.filter((f) => f.status === 'proposed' && selectedIds.has(f.id));
  const unrated = selected.filter((f) => !isRated(f));

  function select(ids: string[], on: boolean) {
    setSelectedIds((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  }

  async function acceptSelected(rating?: { likelihood: number; consequence: number }) {
    await acceptMany({ ids: selected.map((f) => f.id), likelihood: rating?.likelihood ?? null, consequence: rating?.consequence ?? null });
    setSelectedIds(new Set());
    setBulk(null);
    notify(t('findingsBulk.accepted', { count: selected.length }));
  }

  return (
    <>
      <section aria-labelledby="risk-matrix-title">
        <h2 id="risk-matrix-title">{t('risk.matrix.title')}</h2>
        <RiskMatrixGrid matrix={matrix} findings={inPlay} numbers={numbers} />
      </section>
      <section aria-labelledby="findings-title">
        <div className="section-header">
          <h2 id="findings-title">{t('risk.findings.title')}</h2>
          <div className="button-row">
            <button type="button" disabled={busy} onClick={() => void propose()}>
              {busy ? t('risk.findings.proposing') : t('risk.findings.propose')}
            </button>
            <button type="button" className="primary" onClick={() => setEditing({ kind: 'new' })}>
              {t('risk.findings.new')}
            </button>
          </div>
        </div>
        <div role="status" className="proposal-note">
          {proposalNote.map((note) => (
            <p key={note}>{note}</p>
          ))}
        </div>
        {error ? (
          <p className="error-text" role="alert">
            {errorText(t, error)}
          </p>
        ) : null}
        {editing ? (
          <FindingForm
            key={editing.kind === 'edit' ? editing.finding.id : 'new'}
            heading={editing.kind === 'edit' ? t('risk.findings.editTitle', { title: editing.finding.title }) : t('risk.findings.newTitle')}
            initial={findingFormValues(editing.kind === 'edit' ? editing.finding : undefined)}
            finding={editing.kind === 'edit' ? editing.finding : undefined}
            guide={guide}
            matrix={matrix}
            onCancel={() => setEditing(null)}
            onSubmit={async (values) => {
              if (editing.kind === 'edit') {
                await update({ id: editing.finding.id, ...findingInput(values), accept: values.accept });
                notify(t('risk.findings.saved'));
              } else {
                await create({ assessmentId, ...findingInput(values) });
                notify(t('risk.findings.created'));
              }
              setEditing(null);
            }}
          />
        ) : null}
        {findings.length === 0 ? <p className="empty">{t('risk.findings.empty')}</p> : null}
        {selected.length ? (
          <div className="bulk-bar" role="group" aria-label={t('findingsBulk.selected', { count: selected.length })}>
            <span>{t('findingsBulk.selected', { count: selected.length })}</span>
            <button type="button" className="primary" disabled={busy} onClick={() => (unrated.length ? setBulk('rate') : void run(() => acceptSelected()))}>
              {t('findingsBulk.accept')}
            </button>
            <button type="button" className="danger" disabled={busy} onClick={() => setBulk('dismiss')}>
              {t('findingsBulk.dismiss')}
            </button>
          </div>
        ) : null}
        <FindingsTable
          findings={findings}
          numbers={numbers}
          guide={guide}
          busy={busy}
          onAction={act}
          selected={selectedIds}
          onSelect={select}
          matrix={matrix}
          onResidual={(finding, likelihood, consequence) => void run(() => setResidual({ id: finding.id, likelihood, consequence }), t('risk.residual.saved'))}
        />
      </section>
      {bulk === 'rate' ? <BulkAcceptDialog unrated={unrated} matrix={matrix} onCancel={() => setBulk(null)} onAccept={acceptSelected} /> : null}
      {bulk === 'dismiss' ? (
        <DismissDialog
          title={t('findingsBulk.dismissTitle', { count: selected.length })}
          onCancel={() => setBulk(null)}
          onDismiss={async (reason) => {
            await dismissMany({ ids: selected.map((f) => f.id), reason });
            setSelectedIds(new Set());
            setBulk(null);
            notify(t('findingsBulk.dismissed', { count: selected.length }));
          }}
        />
      ) : null}
      {dismissing ? (
        <DismissDialog
          title={dismissing.title}
          onCancel={() => setDismissing(null)}
          onDismiss={async (reason) => {
            await dismiss({ id: dismissing.id, reason });
            setDismissing(null);
            notify(t('risk.findings.dismissedNotice'));
          }}
        />
      ) : null}
    </>
  );
}
