// Compares a read package with this database: which guides, clients and assessments are new, already
// here, or in conflict; refuses a package whose guide is missing or whose answers do not fit its guide.
import type { Guide } from '../core/guide';
import type { AssessmentPart, ClientPart, PackageContent, PackagedGuide, UnitRecord } from '../core/package-records';
import type {
  AssessmentPreview,
  AssessmentSection,
  AssessmentSide,
  ClientPreview,
  GuidePreview,
  PackagePreview,
  TakeTheirsBlock,
} from '../core/transfer-preview';
import { findClientByOrgNumber } from '../db/clients-repo';
import type { Db } from '../db/database';
import {
  findAssessmentCopies,
  owningAssessments,
  readAssessmentPart,
  readAssessmentRecord,
  readClientRecord,
  readUnitRecord,
  unitOwner,
  type AssessmentOwnedTable,
} from '../db/package-repo';
import { compareGuideVersions } from '../guides/guide-library';
import { parseGuide } from '../guides/parse-guide';
import { canonicalJson, contentSha256, sameContent } from './canonical';
import { fileError } from './file-errors';

export interface GuideLookup {
  get(id: string, version: string): Guide | undefined;
}

export interface PlannedClient {
  part: ClientPart;
  preview: ClientPreview;
  /** The id the client has here after the import (another one when matched by organisation number). */
  targetId: string;
  newUnits: UnitRecord[];
  changedUnits: UnitRecord[];
}

export interface PlannedAssessment {
  part: AssessmentPart;
  preview: AssessmentPreview;
  /** Canonical SHA-256 of the incoming assessment, to recognise a copy made from it before. */
  contentSha256: string;
}

export interface ImportPlan {
  guidesToInstall: PackagedGuide[];
  clients: PlannedClient[];
  assessments: PlannedAssessment[];
  preview: Pick<PackagePreview, 'guides' | 'clients' | 'assessments' | 'priorDropped' | 'hasChanges'>;
}

type GuideSource = { guide: Guide; packaged: PackagedGuide | null; installed: boolean };

export function planImport(db: Db, guides: GuideLookup, content: PackageContent): ImportPlan {
  const guideSources = resolveGuides(guides, content);
  for (const part of content.assessments) {
    const { guideId, guideVersion } = part.assessment;
    checkAgainstGuide(part, guideSources.get(guideKey(guideId, guideVersion))!.guide);
  }
  const clients = content.clients.map((part) => planClient(db, part));
  const clientById = new Map(clients.map((client) => [client.part.client.id, client]));
  const incomingIds = new Set(content.assessments.map((part) => part.assessment.id));
  const priorDropped: string[] = [];
  const assessments = content.assessments.map((incoming) => {
    const prior = incoming.assessment.priorAssessmentId;
    // A prior assessment that is neither coming nor here cannot be linked; the link is dropped, and
    // the comparison below sees the assessment as it will be stored, so a second import finds it unchanged.
    const keepPrior = prior !== null && (incomingIds.has(prior) || readAssessmentRecord(db, prior) !== undefined);
    if (prior !== null && !keepPrior) priorDropped.push(incoming.assessment.title);
    const client = clientById.get(incoming.assessment.clientId)!;
    const part: AssessmentPart = {
      ...incoming,
      assessment: { ...incoming.assessment, clientId: client.targetId, priorAssessmentId: keepPrior ? prior : null },
    };
    return planAssessment(db, part, client);
  });

  const guidePreviews: GuidePreview[] = [...guideSources.values()].map((source) => ({
    id: source.guide.id,
    version: source.guide.version,
    status: source.installed ? 'installed' : 'install',
    differsFromInstalled: source.installed && source.packaged !== null && !sameGuide(source),
  }));
  const guidesToInstall = [...guideSources.values()].filter((source) => !source.installed).map((source) => source.packaged!);
  const hasChanges =
    guidesToInstall.length > 0 ||
    clients.some((client) => client.preview.status === 'new' || client.preview.status === 'conflict' || client.newUnits.length > 0) ||
    assessments.some((assessment) => assessment.preview.status === 'new' || assessment.preview.status === 'conflict');

  return {
    guidesToInstall,
    clients,
    assessments,
    preview: {
      guides: guidePreviews,
      clients: clients.map((client) => client.preview),
      assessments: assessments.map((assessment) => assessment.preview),
      priorDropped,
      hasChanges,
    },
  };
}

const guideKey = (id: string, version: string) => `${id}@${version.split('.').map(Number).join('.')}`;

function sameGuide(source: GuideSource): boolean {
  const parsed = parseGuide(source.packaged!.content, 'package');
  return parsed.ok && canonicalJson(parsed.guide) === canonicalJson(source.guide);
}

/** The guide every assessment uses: the installed one, or else the package's copy (to be installed). */
function resolveGuides(guides: GuideLookup, content: PackageContent): Map<string, GuideSource> {
  const sources = new Map<string, GuideSource>();
  for (const { assessment } of content.assessments) {
    const key = guideKey(assessment.guideId, assessment.guideVersion);
    if (sources.has(key)) continue;
    const packaged =
      content.guides.find((guide) => guide.id === assessment.guideId && compareGuideVersions(guide.version, assessment.guideVersion) === 0) ?? null;
    const installed = guides.get(assessment.guideId, assessment.guideVersion);
    if (installed) {
      sources.set(key, { guide: installed, packaged, installed: true });
      continue;
    }
    if (!packaged) {
      throw fileError(
        'guideMissing',
        `Assessment "${assessment.title}" uses the interview guide "${assessment.guideId}" version ${assessment.guideVersion}, which is not installed here and not in the package. Install that guide first.`,
      );
    }
    const parsed = parseGuide(packaged.content, 'package');
    // The reader has checked every packaged guide already.
    if (!parsed.ok) throw fileError('guideInvalid', `The package's guide "${packaged.id}" is not valid.`);
    sources.set(key, { guide: parsed.guide, packaged, installed: false });
  }
  return sources;
}

/** Every answer must name an item of the guide and a value on that item's scale, or scoring would break later. */
function checkAgainstGuide(part: AssessmentPart, guide: Guide): void {
  const scales = new Map(guide.scales.map((scale) => [scale.id, new Set(scale.points.map((point) => point.value))]));
  const itemScale = new Map(guide.items.map((item) => [item.id, scales.get(item.scale)!]));
  const factors = new Set(guide.factors.map((factor) => factor.id));
  const title = part.assessment.title;
  const refuse = (message: string) =>
    fileError('answerNotInGuide', `Assessment "${title}" ${message}, which does not fit the guide "${guide.id}" version ${guide.version}.`);
  const checkValue = (itemId: string, value: number, where: string) => {
    const scale = itemScale.get(itemId);
    if (!scale) throw refuse(`answers item "${itemId}" (${where})`);
    if (!scale.has(value)) throw refuse(`has the value ${value} for item "${itemId}" (${where})`);
  };
  for (const interview of part.interviews) {
    const where = `interview "${interview.groupName}"`;
    for (const { itemId, answer } of interview.answers) {
      if (!itemScale.has(itemId)) throw refuse(`answers item "${itemId}" (${where})`);
      if (answer.kind === 'consensus') checkValue(itemId, answer.value, where);
      if (answer.kind === 'tally') for (const value of Object.keys(answer.votes)) checkValue(itemId, Number(value), where);
    }
    for (const note of interview.notes) if (!factors.has(note.factorId)) throw refuse(`has a note on factor "${note.factorId}" (${where})`);
    for (const response of interview.surveyResponses) {
      for (const [itemId, value] of Object.entries(response.answers)) {
        if (value === null) {
          if (!itemScale.has(itemId)) throw refuse(`answers item "${itemId}" (${where}, respondent ${response.position})`);
        } else checkValue(itemId, value, `${where}, respondent ${response.position}`);
      }
    }
  }
}

function planClient(db: Db, part: ClientPart): PlannedClient {
  const { client } = part;
  const local = readClientRecord(db, client.id);
  const matched = !local && client.orgNumber ? findClientByOrgNumber(db, client.orgNumber) : undefined;
  const targetId = local?.id ?? matched?.id ?? client.id;
  const newUnits: UnitRecord[] = [];
  const changedUnits: UnitRecord[] = [];
  for (const unit of part.units) {
    const owner = unitOwner(db, unit.id);
    if (owner === undefined) {
      newUnits.push(unit);
      continue;
    }
    if (owner !== targetId) {
      throw fileError('duplicateId', `The unit "${unit.name}" in the package has the id of a unit of another client here; the package cannot be imported.`);
    }
    if (!sameContent(readUnitRecord(db, unit.id), unit)) changedUnits.push(unit);
  }

  const base = { id: client.id, name: client.name, newUnits: newUnits.length, takeTheirsBlocked: null };
  if (matched) {
    return { part, targetId, newUnits, changedUnits: [], preview: { ...base, status: 'matchedByOrgNumber', localName: matched.name, differences: [] } };
  }
  if (!local) return { part, targetId, newUnits, changedUnits, preview: { ...base, status: 'new', localName: null, differences: [] } };

  const differences = (Object.keys(client) as (keyof typeof client)[]).filter((field) => client[field] !== local[field]);
  if (changedUnits.length > 0) differences.push('units' as never);
  if (differences.length === 0) return { part, targetId, newUnits, changedUnits, preview: { ...base, status: 'unchanged', localName: local.name, differences } };
  const holder = client.orgNumber && client.orgNumber !== local.orgNumber ? findClientByOrgNumber(db, client.orgNumber) : undefined;
  return {
    part,
    targetId,
    newUnits,
    changedUnits,
    preview: {
      ...base,
      status: 'conflict',
      localName: local.name,
      differences,
      takeTheirsBlocked: holder ? { reason: 'orgNumberTaken', holder: holder.name } : null,
    },
  };
}

function side(part: AssessmentPart): AssessmentSide {
  const { assessment } = part;
  return {
    title: assessment.title,
    status: assessment.status,
    revision: assessment.revision,
    updatedAt: assessment.updatedAt,
    interviewCount: part.interviews.length,
    findingCount: part.findings.length,
    measureCount: part.measures.length,
  };
}

const stripInterview = ({ answers: _a, notes: _n, surveyResponses: _s, ...interview }: AssessmentPart['interviews'][number]) => interview;

function differentSections(local: AssessmentPart, incoming: AssessmentPart): AssessmentSection[] {
  const views: Record<AssessmentSection, (part: AssessmentPart) => unknown> = {
    assessment: (part) => part.assessment,
    interviews: (part) => part.interviews.map(stripInterview),
    answers: (part) => part.interviews.map((interview) => [interview.id, interview.answers]),
    notes: (part) => part.interviews.map((interview) => [interview.id, interview.notes]),
    surveyResponses: (part) => part.interviews.map((interview) => [interview.id, interview.surveyResponses]),
    findings: (part) => part.findings,
    measures: (part) => part.measures,
    revisions: (part) => part.revisions,
    issuedReports: (part) => part.issuedReports,
  };
  return (Object.keys(views) as AssessmentSection[]).filter((section) => !sameContent(views[section](local), views[section](incoming)));
}

/** The ids of everything in the assessment, by table, to find ids another assessment here already has. */
function childIds(part: AssessmentPart): [AssessmentOwnedTable, string[]][] {
  return [
    ['interviews', part.interviews.map((interview) => interview.id)],
    ['factor_notes', part.interviews.flatMap((interview) => interview.notes.map((note) => note.id))],
    ['survey_responses', part.interviews.flatMap((interview) => interview.surveyResponses.map((response) => response.id))],
    ['findings', part.findings.map((finding) => finding.id)],
    ['measures', part.measures.map((measure) => measure.id)],
    ['revisions', part.revisions.map((revision) => revision.id)],
    ['issued_reports', part.issuedReports.map((report) => report.id)],
  ];
}

function usedElsewhere(db: Db, part: AssessmentPart): boolean {
  return childIds(part).some(([table, ids]) => [...owningAssessments(db, table, ids).values()].some((owner) => owner !== part.assessment.id));
}

/** `part` is the assessment as it would be stored here: under the client it lands with, its prior link resolved. */
function planAssessment(db: Db, part: AssessmentPart, client: PlannedClient): PlannedAssessment {
  const contentSha256Value = contentSha256(part);
  const local = readAssessmentPart(db, part.assessment.id);
  const base = {
    id: part.assessment.id,
    clientName: client.part.client.name,
    incoming: side(part),
    differentSections: [] as AssessmentSection[],
    differentFields: [] as string[],
    takeTheirsBlocked: null as TakeTheirsBlock | null,
  };
  if (!local) {
    if (usedElsewhere(db, part)) {
      throw fileError('duplicateId', `Assessment "${part.assessment.title}" in the package reuses ids of records that belong to another assessment here; the package cannot be imported.`);
    }
    return { part, contentSha256: contentSha256Value, preview: { ...base, local: null, status: 'new' } };
  }
  const localSide = side(local);
  if (sameContent(local, part)) return { part, contentSha256: contentSha256Value, preview: { ...base, local: localSide, status: 'unchanged' } };
  const copied = findAssessmentCopies(db, part.assessment.id).some((copy) => copy.contentSha256 === contentSha256Value);
  if (copied) return { part, contentSha256: contentSha256Value, preview: { ...base, local: localSide, status: 'alreadyCopied' } };

  const fields = (Object.keys(part.assessment) as (keyof typeof part.assessment)[]).filter((field) => part.assessment[field] !== local.assessment[field]);
  return {
    part,
    contentSha256: contentSha256Value,
    preview: {
      ...base,
      local: localSide,
      status: 'conflict',
      differentSections: differentSections(local, part),
      differentFields: fields,
      takeTheirsBlocked: takeTheirsBlocked(db, local, part),
    },
  };
}

/** Taking theirs must not throw away an issued revision or report this computer has and the package lacks. */
function takeTheirsBlocked(db: Db, local: AssessmentPart, incoming: AssessmentPart): TakeTheirsBlock | null {
  const incomingRevisions = new Set(incoming.revisions.map((revision) => canonicalJson(revision)));
  const lost = local.revisions.find((revision) => !incomingRevisions.has(canonicalJson(revision)));
  if (lost) return { reason: 'issuedRevision', revision: lost.number };
  const incomingReports = new Set(incoming.issuedReports.map((report) => canonicalJson(report)));
  const lostReport = local.issuedReports.find((report) => !incomingReports.has(canonicalJson(report)));
  if (lostReport) return { reason: 'issuedReport', revision: lostReport.revision };
  if (usedElsewhere(db, incoming)) return { reason: 'idsInUse' };
  return null;
}
