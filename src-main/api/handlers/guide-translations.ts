// Handlers for exporting one language of a guide for review and importing the reviewed file.
import { createHash } from 'node:crypto';
import { localIsoDate } from '../../core/dates';
import { AppError } from '../../core/errors';
import { textsInLanguage } from '../../core/guide-texts';
import { applyTranslation, checkTranslation, translationVersion, type TranslationProblem } from '../../core/translation-review';
import { parseGuide } from '../../guides/parse-guide';
import { guideToCsv, readTranslationCsv } from '../../guides/translation-csv';
import { guideToXliff, readXliff } from '../../guides/translation-xliff';
import { findStoredGuide } from '../../db/guides-repo';
import { sameContent } from '../../transfer/canonical';
import type { guideTranslationMethods } from '../methods/guide-translations';
import type { Handlers } from '../registry';
import { storeImportedGuide, summarize } from './guides';
import { requireGuide } from './lookups';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function refuse(fileName: string, problems: readonly Pick<TranslationProblem, 'where' | 'message'>[], keyOf?: (index: number) => string): never {
  throw new AppError(
    'invalid_file',
    `${fileName} cannot be imported (${plural(problems.length, 'problem')}); nothing was changed.`,
    problems.map((problem, index) => ({ path: problem.where, message: problem.message, ...(keyOf ? { key: keyOf(index) } : {}) })),
  );
}

export const guideTranslationHandlers: Handlers<keyof typeof guideTranslationMethods> = {
  'guides.exportTranslation': ({ id, version, language, format }, context) => {
    const guide = requireGuide(context, id, version);
    if (language === 'nb' || !guide.languages.some((l) => l.code === language)) {
      throw new AppError('invalid_input', `The guide "${guide.id}" version ${guide.version} has no translation "${language}" to export (nb is the source).`, [
        { path: 'language', message: 'not a translation of this guide', key: 'notATranslation' },
      ]);
    }
    const content = format === 'xliff' ? guideToXliff(guide, language) : guideToCsv(guide, language);
    return {
      fileName: `${guide.id}-${guide.version}-${language}.${format === 'xliff' ? 'xlf' : 'csv'}`,
      mimeType: format === 'xliff' ? 'application/xliff+xml' : 'text/csv',
      contentBase64: Buffer.from(content, 'utf8').toString('base64'),
    };
  },

  'guides.importTranslation': async ({ fileName, content, reviewedBy, reviewedOn }, context) => {
    const read = /^\uFEFF?\s*</.test(content) ? readXliff(content) : readTranslationCsv(content);
    if (!read.ok) refuse(fileName, read.problems.map((message) => ({ where: 'file', message })));
    const { file } = read;
    const guide = context.guides().get(file.guideId, file.guideVersion);
    if (!guide) {
      throw new AppError('not_found', `${fileName} is a translation of the guide "${file.guideId}" version ${file.guideVersion}, which is not installed.`);
    }
    const problems = checkTranslation(guide, file);
    if (problems.length) refuse(fileName, problems, (index) => `translation.${problems[index].code}`);

    const review = reviewedBy ? { reviewedBy, reviewedOn: reviewedOn ?? localIsoDate(new Date()) } : null;
    const version = translationVersion(guide.version, (v) => context.guides().get(guide.id, v) !== undefined || findStoredGuide(context.db, guide.id, v) !== undefined);
    const applied = applyTranslation(guide, file, review, version);
    if (applied.changedTexts === 0 && !review) {
      throw new AppError('conflict', `${fileName} changes no text of the guide, and no reviewer is given; nothing was changed.`);
    }
    const stored = `${JSON.stringify(applied.guide, null, 2)}\n`;
    // The new texts go through every check a guide file does (lengths, languages), before anything is stored.
    const parsed = parseGuide(stored, fileName);
    if (!parsed.ok) refuse(fileName, parsed.problems.map((p) => ({ where: p.path, message: p.message })));
    // The same file imported twice would make two versions with the same texts and statuses.
    const unversioned = (g: typeof guide) => ({ ...g, version: '' });
    const same = context.guides().list().find((g) => g.id === guide.id && sameContent(unversioned(g), unversioned(parsed.guide)));
    if (same) throw new AppError('conflict', `${fileName} changes nothing: version ${same.version} of the guide already has these texts and statuses.`);
    const sha256 = createHash('sha256').update(stored).digest('hex');
    await storeImportedGuide(context, parsed.guide, stored, fileName, sha256, {
      translation: file.targetLanguage,
      basedOn: guide.version,
      reviewedBy: review?.reviewedBy ?? null,
      fileSha256: createHash('sha256').update(content).digest('hex'),
    });
    return {
      guide: summarize(parsed.guide, false),
      language: file.targetLanguage,
      changedTexts: applied.changedTexts,
      reviewedTexts: applied.reviewedTexts,
      totalTexts: textsInLanguage(parsed.guide, file.targetLanguage).length,
      warnings: applied.warnings.map((warning) => ({ path: warning.where, message: warning.message })),
    };
  },
};
