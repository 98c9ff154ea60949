// `kartlegg report`: exports an issued revision's report through the API and copies its files to a
// folder of your choice; with --draft it writes a draft marked "UTKAST" instead. It never issues: that
// is `kartlegg issue`, with the issuing checklist.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../core/errors';
import { reportFormats, type ReportFormat } from '../../core/issued-reports';
import { call, withRuntime } from '../api';
import type { CliCommand } from '../command';

function formatsOf(value: unknown): ReportFormat[] {
  const names = typeof value === 'string' ? value.split(',').map((name) => name.trim().toLowerCase()) : ['docx', 'pdf'];
  const unknown = names.filter((name) => !(reportFormats as readonly string[]).includes(name));
  if (unknown.length || names.length === 0) throw new AppError('bad_request', `Unknown format "${unknown.join(', ')}": use --format docx, pdf or docx,pdf.`);
  return [...new Set(names)] as ReportFormat[];
}

function revisionOf(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new AppError('bad_request', `--revision takes a revision number, not "${String(value)}".`);
  return number;
}

/** Written aside and renamed, so a full disk never leaves half a report under the real name. */
function writeAside(target: string, bytes: Buffer): void {
  const partial = `${target}.partial`;
  try {
    writeFileSync(partial, bytes);
    renameSync(partial, target);
  } finally {
    rmSync(partial, { force: true });
  }
}

export const reportCommand: CliCommand = {
  name: 'report',
  usage: 'report <assessment-id> --template T [--format docx,pdf] [--language L] [--revision N | --draft] --out D',
  summary: 'Export an issued revision\'s report (or, with --draft, a draft marked UTKAST) and copy its files to a folder',
  options: {
    template: { type: 'string' },
    format: { type: 'string' },
    language: { type: 'string' },
    revision: { type: 'string' },
    draft: { type: 'boolean' },
    out: { type: 'string' },
  },
  async run({ dataDir, values, args }) {
    if (args.length !== 1) throw new AppError('bad_request', 'Name one assessment id (see "kartlegg assessments list").');
    if (typeof values.template !== 'string') throw new AppError('bad_request', 'Choose a template with --template ID, e.g. risk-assessment-nb.');
    if (typeof values.out !== 'string') throw new AppError('bad_request', 'Say which folder to copy the files to with --out DIR.');
    const formats = formatsOf(values.format);
    const out = path.resolve(values.out);
    const language = typeof values.language === 'string' ? values.language : undefined;
    const templateId = values.template;
    if (values.draft === true) {
      if (values.revision !== undefined) throw new AppError('bad_request', 'A draft shows the assessment as it stands now: leave out --revision, or leave out --draft.');
      await withRuntime(dataDir, async (runtime) => {
        mkdirSync(out, { recursive: true });
        for (const format of formats) {
          const draft = await call(runtime, 'reports.draft', { assessmentId: args[0], templateId, format, language });
          const target = path.join(out, draft.fileName);
          writeAside(target, Buffer.from(draft.contentBase64, 'base64'));
          console.log(`Wrote ${target} (draft: nothing was issued).`);
        }
      });
      return;
    }
    await withRuntime(dataDir, async (runtime) => {
      const report = await call(runtime, 'reports.export', { assessmentId: args[0], templateId, formats, language, revision: revisionOf(values.revision) });
      mkdirSync(out, { recursive: true });
      for (const file of report.files) {
        const download = await call(runtime, 'reports.download', { reportId: report.id, format: file.format });
        const target = path.join(out, download.fileName);
        writeAside(target, Buffer.from(download.contentBase64, 'base64'));
        console.log(`Wrote ${target} (revision ${report.revision}, SHA-256 ${file.sha256}).`);
      }
    });
  },
};
