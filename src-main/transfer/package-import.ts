// Writes a planned package import in the caller's transaction, as the consultant resolved each
// conflict: keep mine, take theirs, or keep both (the incoming one as a linked copy).
import { createHash } from 'node:crypto';
import { AppError, type ErrorIssue } from '../core/errors';
import type { AssessmentChoice, ClientChoice, PackageImportResult } from '../core/transfer-preview';
import type { Db } from '../db/database';
import { storeGuide } from '../db/guides-repo';
import {
  deleteAssessmentChildren,
  insertAssessmentChildren,
  insertAssessmentRecord,
  insertClientRecord,
  insertUnitRecord,
  recordAssessmentCopy,
  setPriorAssessment,
  updateAssessmentRecord,
  updateClientRecord,
  updateUnitRecord,
} from '../db/package-repo';
import type { ImportPlan } from './package-plan';
import { assessmentCopy } from './package-copy';

export interface ImportChoices {
  clients: Record<string, ClientChoice>;
  assessments: Record<string, AssessmentChoice>;
  /** The consultant agreed to install the guides only the package has. */
  installGuides: boolean;
}

/** Refuses, before anything is written, an import with a conflict left open or a choice that is not allowed. */
export function checkChoices(plan: ImportPlan, choices: ImportChoices): void {
  const issues: ErrorIssue[] = [];
  for (const { preview } of plan.clients) {
    if (preview.status !== 'conflict') continue;
    const choice = choices.clients[preview.id];
    if (!choice) issues.push({ path: `clients.${preview.id}`, message: `choose how to resolve the conflict for client "${preview.name}"`, key: 'conflictOpen' });
    else if (choice === 'takeTheirs' && preview.takeTheirsBlocked) {
      issues.push({ path: `clients.${preview.id}`, message: `"take theirs" is not possible for client "${preview.name}"`, key: 'takeTheirsBlocked' });
    }
  }
  for (const { preview } of plan.assessments) {
    if (preview.status !== 'conflict') continue;
    const choice = choices.assessments[preview.id];
    if (!choice) {
      issues.push({ path: `assessments.${preview.id}`, message: `choose how to resolve the conflict for "${preview.incoming.title}"`, key: 'conflictOpen' });
    } else if (choice === 'takeTheirs' && preview.takeTheirsBlocked) {
      issues.push({ path: `assessments.${preview.id}`, message: `"take theirs" is not possible for "${preview.incoming.title}"`, key: 'takeTheirsBlocked' });
    }
  }
  if (plan.guidesToInstall.length > 0 && !choices.installGuides) {
    const names = plan.guidesToInstall.map((guide) => `${guide.id} ${guide.version}`).join(', ');
    issues.push({ path: 'installGuides', message: `the package's guide ${names} must be installed to import it`, key: 'guideInstallNeeded' });
  }
  if (issues.length) {
    throw new AppError('conflict', `The import needs a decision first: ${issues.map((issue) => issue.message).join('; ')}. Nothing was imported.`, issues);
  }
}

export type AppliedImport = Omit<PackageImportResult, 'backup' | 'changed'>;

/** Call inside a transaction, after checkChoices. Ids and times are kept, except in copies. */
export function applyPlan(db: Db, plan: ImportPlan, choices: ImportChoices, now: string, newId: () => string): AppliedImport {
  for (const guide of plan.guidesToInstall) {
    storeGuide(db, { ...guide, sha256: createHash('sha256').update(guide.content).digest('hex') }, now);
  }

  for (const client of plan.clients) {
    const { status } = client.preview;
    if (status === 'new') insertClientRecord(db, client.part.client);
    if (status === 'conflict' && choices.clients[client.preview.id] === 'takeTheirs') {
      updateClientRecord(db, client.part.client);
      for (const unit of client.changedUnits) updateUnitRecord(db, unit);
    }
    for (const unit of client.newUnits) insertUnitRecord(db, client.targetId, unit);
  }

  const result: AppliedImport = { added: 0, replaced: 0, copied: 0, unchanged: 0, keptMine: 0, installedGuides: [], assessmentIds: [] };
  result.installedGuides = plan.guidesToInstall.map((guide) => `${guide.id} ${guide.version}`);
  const priors: { id: string; prior: string | null }[] = [];
  for (const { part, preview, contentSha256 } of plan.assessments) {
    const choice = preview.status === 'conflict' ? choices.assessments[preview.id] : undefined;
    const withoutPrior = { ...part.assessment, priorAssessmentId: null };
    if (preview.status === 'new') {
      insertAssessmentRecord(db, withoutPrior);
      insertAssessmentChildren(db, part);
      priors.push({ id: part.assessment.id, prior: part.assessment.priorAssessmentId });
      result.added++;
    } else if (choice === 'takeTheirs') {
      // The row is updated, not replaced, so that assessments here that name it as their prior keep the link.
      updateAssessmentRecord(db, withoutPrior);
      deleteAssessmentChildren(db, part.assessment.id);
      insertAssessmentChildren(db, part);
      priors.push({ id: part.assessment.id, prior: part.assessment.priorAssessmentId });
      result.replaced++;
    } else if (choice === 'keepBoth') {
      const copy = assessmentCopy(part, newId);
      insertAssessmentRecord(db, { ...copy.assessment, priorAssessmentId: null });
      insertAssessmentChildren(db, copy);
      recordAssessmentCopy(db, { copyId: copy.assessment.id, originalId: part.assessment.id, contentSha256 }, now);
      priors.push({ id: copy.assessment.id, prior: part.assessment.priorAssessmentId });
      result.copied++;
      result.assessmentIds.push(copy.assessment.id);
      continue;
    } else if (choice === 'keepMine') {
      result.keptMine++;
    } else {
      result.unchanged++;
    }
    result.assessmentIds.push(part.assessment.id);
  }
  // Priors last: an incoming assessment may name another incoming one, inserted after it.
  for (const { id, prior } of priors) setPriorAssessment(db, id, prior);
  return result;
}

/** Whether the import, with these choices, would write anything at all; if not, it is skipped (no backup, no log entry). */
export function plannedWrites(plan: ImportPlan, choices: ImportChoices): boolean {
  return (
    plan.guidesToInstall.length > 0 ||
    plan.clients.some(
      ({ preview, newUnits }) => preview.status === 'new' || newUnits.length > 0 || (preview.status === 'conflict' && choices.clients[preview.id] === 'takeTheirs'),
    ) ||
    plan.assessments.some(
      ({ preview }) => preview.status === 'new' || (preview.status === 'conflict' && choices.assessments[preview.id] !== 'keepMine'),
    )
  );
}
