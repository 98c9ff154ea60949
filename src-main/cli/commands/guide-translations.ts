// `kartlegg guide export-translation` and `import-translation`: one language of a guide out for a
// translator's review, and the reviewed file back in, through the API.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../core/errors';
import { call, withRuntime } from '../api';
import type { CliCommand } from '../command';

/** "psychosocial-cleaning" (the newest version) or "psychosocial-cleaning@1.0.0". */
function guideRef(arg: string): { id: string; version?: string } {
  const at = arg.lastIndexOf('@');
  return at > 0 ? { id: arg.slice(0, at), version: arg.slice(at + 1) } : { id: arg };
}

export const exportTranslationCommand: CliCommand = {
  name: 'guide export-translation',
  usage: 'guide export-translation <guide[@version]> --language L [--format xliff|csv] --out FILE',
  summary: "Write one language of a guide for a translator's review (XLIFF 2.0 or CSV)",
  options: { language: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } },
  async run({ dataDir, values, args }) {
    if (args.length !== 1) throw new AppError('bad_request', 'Name one guide, e.g. psychosocial-cleaning or psychosocial-cleaning@1.0.0.');
    if (typeof values.language !== 'string') throw new AppError('bad_request', 'Choose the language with --language, e.g. --language pl.');
    if (typeof values.out !== 'string') throw new AppError('bad_request', 'Say which file to write with --out FILE.');
    const format = typeof values.format === 'string' ? values.format.toLowerCase() : 'xliff';
    const { translationFormats } = await import('../../api/methods/guide-translations');
    if (!(translationFormats as readonly string[]).includes(format)) throw new AppError('bad_request', `Unknown format "${format}": use --format xliff or csv.`);
    const out = path.resolve(values.out);
    await withRuntime(dataDir, async (runtime) => {
      const exported = await call(runtime, 'guides.exportTranslation', { ...guideRef(args[0]), language: values.language as string, format: format as 'xliff' | 'csv' });
      // Written aside and renamed, so a full disk never leaves half a file under the real name.
      const partial = `${out}.partial`;
      try {
        writeFileSync(partial, Buffer.from(exported.contentBase64, 'base64'));
        renameSync(partial, out);
      } finally {
        rmSync(partial, { force: true });
      }
      console.log(`Wrote ${out} (${exported.fileName}).`);
    });
  },
};

export const importTranslationCommand: CliCommand = {
  name: 'guide import-translation',
  usage: 'guide import-translation <file> [--reviewer NAME [--date YYYY-MM-DD]]',
  summary: 'Import a reviewed translation as a new version of its guide; a broken file is refused with every problem',
  options: { reviewer: { type: 'string' }, date: { type: 'string' } },
  async run({ dataDir, values, args }) {
    if (args.length !== 1) throw new AppError('bad_request', 'Name one translation file (.xlf or .csv).');
    let content: string;
    try {
      content = readFileSync(path.resolve(args[0]), 'utf8');
    } catch (error) {
      throw new AppError('not_found', `Could not read ${args[0]} (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
    }
    const reviewedBy = typeof values.reviewer === 'string' ? values.reviewer : undefined;
    const reviewedOn = typeof values.date === 'string' ? values.date : undefined;
    await withRuntime(dataDir, async (runtime) => {
      const imported = await call(runtime, 'guides.importTranslation', { fileName: path.basename(args[0]), content, reviewedBy, reviewedOn });
      const { guide } = imported;
      console.log(
        `Imported ${imported.language} as ${guide.id} ${guide.version}: ${imported.changedTexts} text(s) changed, ` +
          `${imported.reviewedTexts} of ${imported.totalTexts} reviewed.`,
      );
      for (const warning of imported.warnings) console.log(`  warning ${warning.path}: ${warning.message}`);
    });
  },
};
