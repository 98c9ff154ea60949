// API contract for interview guides: list, read, import.
import { z } from 'zod';
import type { Guide, GuideTranslation, LocalizedText } from '../../core/guide';
import { method } from '../method';
import { requiredText } from '../fields';
import { languageCodePattern } from '../../core/languages';

export interface GuideSummary {
  id: string;
  version: string;
  title: LocalizedText;
  sourceLanguage: string;
  languages: GuideTranslation[];
  factorCount: number;
  itemCount: number;
  builtIn: boolean;
}

export interface GuideProblemReport {
  source: string;
  path: string;
  message: string;
}

export const guideMethods = {
  'guides.list': method<{ guides: GuideSummary[]; problems: GuideProblemReport[] }>()({
    summary: 'The usable guides (newest version first) and the problems of any guide that could not be loaded.',
    input: () => z.object({}).strict(),
  }),
  'guides.get': method<Guide>()({
    summary:
      'One guide in full; without a version, the newest. With `languages`, its texts come in those languages only, plus the ' +
      "guide's source language and nb, which every text falls back to (the interview screen asks for the languages it shows " +
      'first and the others when the participants\' view switches to one); its language list stays whole. A language the ' +
      'guide does not have is refused.',
    input: () =>
      z
        .object({
          id: requiredText(80),
          version: requiredText(20).optional(),
          languages: z
            .array(z.string().regex(languageCodePattern, { message: 'not a language code' }))
            .min(1)
            .max(50)
            .optional()
            .describe("Only these languages' texts (and the fallback languages); without it, every language"),
        })
        .strict(),
  }),
  'guides.import': method<GuideSummary>()({
    summary: 'Validates a guide file and stores it; a broken file is refused with every problem listed.',
    input: () => z
      .object({
        fileName: requiredText(255),
        // Guides are a few hundred kilobytes; the loader refuses anything over 5 MB.
        content: z.string().max(6 * 1024 * 1024, { message: 'the file is too large for a guide' }),
      })
      .strict(),
  }),
};
