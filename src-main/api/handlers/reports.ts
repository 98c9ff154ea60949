// Handlers for reports: templates, preview, export of an issued revision (render, write, record), draft, list, download.
import { randomUUID } from 'node:crypto';
import { AppError } from '../../core/errors';
import { reportMimeTypes, type IssuedReport, type IssuedReportFile } from '../../core/issued-reports';
import { findIssuedReport, findIssuedReportContent, insertIssuedReport, insertIssuedReportContent, listIssuedReports } from '../../db/issued-reports-repo';
import { nowIso } from '../../db/rows';
import { revisionExists } from '../../db/revisions-repo';
import { buildReportDocument, templateLanguage } from '../../reports/build-document';
import { issueDate } from '../../reports/report-context';
import { localIsoDate } from '../../core/dates';
import { freeFileName, readReportFile, removeReportFile, reportFileBase, reportFolder, sha256, writeFileAtomically } from '../../reports/report-files';
import { fitReportToFonts, renderReport } from '../../reports/render-report';
import type { ReportTemplate } from '../../reports/template';
import { loadAppTemplate, loadAppTemplates } from '../../reports/template-library';
import { callSteps } from '../call-steps';
import type { ApiContext } from '../context';
import type { reportMethods } from '../methods/reports';
import type { Handlers } from '../registry';
import { requireAssessment } from './lookups';
import { reportData } from './report-data';
import { checkRenderedReport, requireShownResultsOrReason } from './report-checks';

/** Templates are read on every call, so a consultancy's edited template is used at once; a broken
 * one is refused with its problems before anything is issued, rendered or written. */
async function requireTemplate(context: ApiContext, id: string): Promise<ReportTemplate> {
  const template = await loadAppTemplate(context.appRoot, context.dataDir, id);
  if (template) return template;
  const library = await loadAppTemplates(context.appRoot, context.dataDir);
  const problems = library.problems.filter((problem) => problem.source.endsWith(`${id}.json`));
  if (problems.length) {
    throw new AppError(
      'invalid_file',
      `The report template "${id}" has problems and cannot be used.`,
      problems.map((problem) => ({ path: problem.path, message: `${problem.source}: ${problem.message}` })),
    );
  }
  const broken = library.problems.length ? ` ${new Set(library.problems.map((problem) => problem.source)).size} template file(s) have problems; reports.templates lists them.` : '';
  throw new AppError('not_found', `There is no report template "${id}".${broken}`, [{ path: 'templateId', message: 'unknown template' }]);
}

export const reportHandlers: Handlers<keyof typeof reportMethods> = {
  'reports.templates': async (_input, context) => {
    const library = await loadAppTemplates(context.appRoot, context.dataDir);
    return {
      templates: library.list().map((template) => ({
        id: template.id,
        version: template.version,
        name: template.name,
        description: template.description ?? null,
        kind: template.kind,
        languages: template.languages,
      })),
      problems: library.problems,
    };
  },

  'reports.preview': async ({ assessmentId, templateId, language }, context) => {
    const template = await requireTemplate(context, templateId);
    const chosen = templateLanguage(template, language);
    const assessment = requireAssessment(context.db, assessmentId);
    // While the current revision is issued and unchanged, the preview is what the files would be.
    const data = reportData(context, assessmentId, assessment.status === 'issued' ? { revision: assessment.revision } : 'current');
    return {
      templateId: template.id,
      templateVersion: template.version,
      language: chosen,
      revision: data.snapshot.revision,
      draft: data.draft,
      document: buildReportDocument(template, data, { language: chosen }),
    };
  },

  'reports.export': async ({ assessmentId, templateId, formats, language, revision }, context) => {
    const step = callSteps(context, ['preparing', 'rendering', 'checking', 'writing']);
    step('preparing', { cancellable: true });
    const template = await requireTemplate(context, templateId);
    const chosen = templateLanguage(template, language);
    const assessment = requireAssessment(context.db, assessmentId);
    // Issuing is its own step with its checklist and approvals (revisions.issue): an export only
    // renders a revision that is already issued, so no call can issue around the checklist.
    const number = revision ?? assessment.revision;
    if (!revisionExists(context.db, assessmentId, number)) {
      throw new AppError(
        'conflict',
        `Revision ${number} is not issued, so there is no report to export. Issue it first (revisions.issue with the issuing ` +
          'checklist and approvals; in the app: Rapport → "Utsted", on the command line: kartlegg issue), or make a draft (reports.draft, kartlegg report --draft).',
        [{ path: revision === undefined ? 'assessmentId' : 'revision', message: `revision ${number} is not issued` }],
      );
    }
    const data = reportData(context, assessmentId, { revision: number });
    // An action plan shows no results; any report that does needs results or the reason it has none.
    if (template.kind !== 'actionPlan') requireShownResultsOrReason(data);
    const { document, replaced } = await fitReportToFonts(buildReportDocument(template, data, { language: chosen }), context.appRoot);
    await context.checkCancelled();
    step('rendering', { cancellable: true });
    const rendered = await renderReport(document, formats, context.appRoot, new Date(data.snapshot.frozenAt));
    step('checking', { cancellable: true });
    await checkRenderedReport(document, rendered);
    // The last moment to stop: from here files are written and the revision is issued.
    await context.checkCancelled();
    step('writing');

    const dir = reportFolder(context.dataDir, assessmentId);
    const base = reportFileBase({
      templateName: chosen === 'nb' ? template.name.nb : template.name.en,
      client: data.snapshot.client.name,
      date: issueDate(data.snapshot.frozenAt),
      revision: number,
    });
    // An encrypted data folder keeps the files inside the database: nothing readable, and no client
    // name in a file name, lands in the folder.
    const inDatabase = context.dataStore.encryptionStatus().encrypted;
    const id = randomUUID();
    const files: IssuedReportFile[] = [];
    try {
      for (const [format, bytes] of rendered) {
        const fileName = inDatabase ? `${base}.${format}` : freeFileName(dir, base, format);
        if (!inDatabase) writeFileAtomically(dir, fileName, bytes);
        files.push({ format, fileName, sha256: sha256(bytes), bytes: bytes.length });
      }
      const record: IssuedReport = {
        id,
        assessmentId,
        revision: number,
        templateId: template.id,
        templateVersion: template.version,
        language: chosen,
        files,
        issuedAt: nowIso(),
      };
      context.db.transaction(() => {
        insertIssuedReport(context.db, record);
        if (inDatabase) for (const [format, bytes] of rendered) insertIssuedReportContent(context.db, id, format, bytes);
      })();
      return { ...record, replacedCharacters: replaced };
    } catch (error) {
      // No file without its record: what was written of this export goes again.
      if (!inDatabase) for (const file of files) removeReportFile(dir, file.fileName);
      throw error;
    }
  },

  'reports.draft': async ({ assessmentId, templateId, format, language }, context) => {
    const template = await requireTemplate(context, templateId);
    const chosen = templateLanguage(template, language);
    const data = reportData(context, assessmentId, 'current');
    const { document, replaced } = await fitReportToFonts(buildReportDocument(template, data, { language: chosen }), context.appRoot);
    const bytes = (await renderReport(document, [format], context.appRoot, new Date(data.snapshot.frozenAt))).get(format)!;
    const base = reportFileBase({
      templateName: chosen === 'nb' ? template.name.nb : template.name.en,
      client: data.snapshot.client.name,
      date: localIsoDate(new Date()),
      revision: data.snapshot.revision,
      draftMark: document.draftMark,
    });
    return { fileName: `${base}.${format}`, mimeType: reportMimeTypes[format], contentBase64: bytes.toString('base64'), replacedCharacters: replaced };
  },

  'reports.list': ({ assessmentId }, { db }) => {
    requireAssessment(db, assessmentId);
    return listIssuedReports(db, assessmentId);
  },

  'reports.download': ({ reportId, format }, context) => {
    const report = findIssuedReport(context.db, reportId);
    if (!report) throw new AppError('not_found', 'That report does not exist.');
    const file = report.files.find((entry) => entry.format === format);
    if (!file) throw new AppError('not_found', `That report was not exported as ${format.toUpperCase()}.`, [{ path: 'format', message: 'not exported in this format' }]);
    const bytes = findIssuedReportContent(context.db, report.id, format) ?? readReportFile(reportFolder(context.dataDir, report.assessmentId), file.fileName);
    if (!bytes) throw new AppError('not_found', `The file ${file.fileName} is no longer in the reports folder.`);
    if (sha256(bytes) !== file.sha256) {
      throw new AppError('conflict', `The file ${file.fileName} has been changed since it was issued (its SHA-256 no longer matches).`);
    }
    return { fileName: file.fileName, mimeType: reportMimeTypes[format], contentBase64: bytes.toString('base64') };
  },
};
