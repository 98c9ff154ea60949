// `kartlegg report`: issues a report through the API and copies its files to a folder of your choice.
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

export const reportCommand: CliCommand = {
  name: 'report',
  usage: 'report <assessment-id> --template T [--format docx,pdf] [--language L] [--revision N] --out D',
  summary: 'Issue a report from a template and copy its files to a folder',
  options: { template: { type: 'string' }, format: { type: 'string' }, language: { type: 'string' }, revision: { type: 'string' }, out: { type: 'string' } },
  async run({ dataDir, values, args }) {
    if (args.length !== 1) throw new AppError('bad_request', 'Name one assessment id (see "kartlegg assessments list").');
    if (typeof values.template !== 'string') throw new AppError('bad_request', 'Choose a template with --template ID, e.g. risk-assessment-nb.');
    if (typeof values.out !== 'string') throw new AppError('bad_request', 'Say which folder to copy the files to with --out DIR.');
    const formats = formatsOf(values.format);
    const out = path.resolve(values.out);
    const language = typeof values.language === 'string' ? values.language : undefined;
    await withRuntime(dataDir, async (runtime) => {
      const report = await call(runtime, 'reports.export', { assessmentId: args[0], templateId: values.template as string, formats, language, revision: revisionOf(values.revision) });
      mkdirSync(out, { recursive: true });
      for (const file of report.files) {
        const download = await call(runtime, 'reports.download', { reportId: report.id, format: file.format });
        const target = path.join(out, download.fileName);
        // Written aside and renamed, so a full disk never leaves half a report under the real name.
        const partial = `${target}.partial`;
        try {
          writeFileSync(partial, Buffer.from(download.contentBase64, 'base64'));
          renameSync(partial, target);
        } finally {
          rmSync(partial, { force: true });
        }
        console.log(`Wrote ${target} (revision ${report.revision}, SHA-256 ${file.sha256}).`);
      }
    });
  },
};
