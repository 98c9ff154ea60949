// API contract for translations a professional reviews: export one language of a guide, import the reviewed file.
import { z } from 'zod';
import { languageCodePattern } from '../../core/languages';
import { method } from '../method';
import { isoDate, requiredText } from '../fields';
import type { GuideSummary } from './guides';

export const translationFormats = ['xliff', 'csv'] as const;

export interface TranslationWarning {
  /** The text key the warning is about. */
  path: string;
  message: string;
}

export interface ImportedTranslation {
  /** The reviewed copy, stored as a new version of the guide (docs/guides.md, "Translations"). */
  guide: GuideSummary;
  language: string;
  changedTexts: number;
  reviewedTexts: number;
  totalTexts: number;
  warnings: TranslationWarning[];
}

export const guideTranslationMethods = {
  'guides.exportTranslation': method<{ fileName: string; mimeType: string; contentBase64: string }>()({
    summary:
      "One language of a guide for a translator's review: XLIFF 2.0 (one unit per text, keyed by the text's stable key, " +
      'Norwegian source, notes with context, status and agreed terms) or CSV.',
    input: () => z
      .object({
        id: requiredText(80),
        version: requiredText(20).optional(),
        language: z.string().regex(languageCodePattern, { message: 'not a language code' }),
        format: z.enum(translationFormats),
      })
      .strict(),
  }),
  'guides.importTranslation': method<ImportedTranslation>()({
    summary:
      'Imports a reviewed XLIFF or CSV translation as a new version of its guide; assessments keep the version they use. ' +
      'Checked first (same ids, same source, placeholders kept, no empty targets): on any problem the file is refused with ' +
      'every problem listed and nothing changes. With reviewedBy every text in the file is marked reviewed on reviewedOn (default today).',
    input: () => z
      .object({
        fileName: requiredText(255),
        content: z.string().max(10 * 1024 * 1024, { message: 'the file is too large for a translation' }),
        reviewedBy: requiredText(200).optional(),
        reviewedOn: isoDate.optional(),
      })
      .strict()
      .refine((value) => value.reviewedOn === undefined || value.reviewedBy !== undefined, {
        path: ['reviewedBy'],
        message: 'a review date needs the name of the reviewer',
      }),
  }),
};
