// The guides this installation uses: the built-in folder plus the guides stored in the database.
import type { Db } from '../db/database';
import { listStoredGuides } from '../db/guides-repo';
import { builtInGuideDir, loadGuideLibrary, type GuideLibrary } from './guide-library';

export { builtInGuideDir };

export const storedGuideSource = (id: string, version: string) => `database: ${id} ${version}`;

export function loadAppGuides(db: Db, appRoot: string): GuideLibrary {
  const stored = listStoredGuides(db).map((g) => ({ source: storedGuideSource(g.id, g.version), text: g.content }));
  return loadGuideLibrary(builtInGuideDir(appRoot), stored, { builtIn: true });
}
