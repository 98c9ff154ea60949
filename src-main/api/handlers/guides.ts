// Handlers for listing, reading and importing interview guides.
import { createHash } from 'node:crypto';
import { AppError } from '../../core/errors';
import type { Guide } from '../../core/guide';
import { guideInLanguages } from '../../core/guide-texts';
import { findStoredGuide, storeGuide } from '../../db/guides-repo';
import { recordImport } from '../../db/imports-repo';
import { nowIso } from '../../db/rows';
import { storedGuideSource } from '../../guides/app-guides';
import { parseGuide } from '../../guides/parse-guide';
import type { ApiContext } from '../context';
import type { GuideSummary, guideMethods } from '../methods/guides';
import type { Handlers } from '../registry';
import { requireGuide } from './lookups';

export function summarize(guide: Guide, builtIn: boolean): GuideSummary {
  return {
    id: guide.id,
    version: guide.version,
    title: guide.title,
    sourceLanguage: guide.sourceLanguage,
    languages: guide.languages,
    factorCount: guide.factors.length,
    itemCount: guide.items.length,
    builtIn,
  };
}

export const guideHandlers: Handlers<keyof typeof guideMethods> = {
  'guides.list': (_input, context) => {
    const library = context.guides();
    return {
      guides: library.list().map((guide) => summarize(guide, !findStoredGuide(context.db, guide.id, guide.version))),
      problems: library.problems,
    };
  },

  'guides.get': ({ id, version, languages }, context) => {
    const guide = requireGuide(context, id, version);
    if (!languages) return guide;
    const known = new Set(guide.languages.map((language) => language.code));
    const unknown = languages.filter((code) => !known.has(code));
    if (unknown.length) {
      throw new AppError(
        'invalid_input',
        `The guide "${guide.id}" version ${guide.version} has no ${unknown.map((code) => `"${code}"`).join(', ')} texts; its languages are ${[...known].join(', ')}.`,
        unknown.map((code) => ({ path: `languages.${languages.indexOf(code)}`, message: `the guide has no "${code}" texts` })),
      );
    }
    return guideInLanguages(guide, languages);
  },

  'guides.import': async ({ fileName, content }, context) => {
    const parsed = parseGuide(content, fileName);
    if (!parsed.ok) {
      throw new AppError(
        'invalid_file',
        `${fileName} is not a valid interview guide (${parsed.problems.length} problem${parsed.problems.length === 1 ? '' : 's'}).`,
        parsed.problems.map((p) => ({ path: p.path, message: p.message })),
      );
    }
    const guide = parsed.guide;
    const existing = context.guides().get(guide.id, guide.version);
    const sha256 = createHash('sha256').update(content).digest('hex');
    const stored = findStoredGuide(context.db, guide.id, guide.version);
    if (existing && (!stored || stored.sha256 !== sha256)) {
      throw new AppError(
        'conflict',
        `Guide "${guide.id}" version ${guide.version} is already installed with other content. Give the new file a new version number.`,
      );
    }
    await storeImportedGuide(context, guide, content, fileName, sha256);
    return summarize(guide, false);
  },
};

/** Stores a checked guide with its import record in one transaction, and reloads the library. */
export async function storeImportedGuide(context: ApiContext, guide: Guide, content: string, fileName: string, sha256: string, summary: object = {}): Promise<void> {
  const now = nowIso();
  context.db.transaction(() => {
    storeGuide(context.db, { id: guide.id, version: guide.version, content, sha256 }, now);
    recordImport(context.db, 'guide', fileName, sha256, { id: guide.id, version: guide.version, ...summary }, now);
  })();
  await context.reloadGuides();
  const problems = context.guides().problems.filter((p) => p.source === storedGuideSource(guide.id, guide.version));
  if (problems.length) context.log(`Imported guide ${guide.id} ${guide.version} did not load: ${problems[0].message}`);
}
