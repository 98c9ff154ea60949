// Which module handles each contract group; each loads on its group's first call (see registry.ts).
import { assessmentMethodsContract } from './methods/assessments';
import { backupsMethods } from './methods/backups';
import { clientMethods } from './methods/clients';
import { encryptionMethods } from './methods/encryption';
import { guideTranslationMethods } from './methods/guide-translations';
import { guideMethods } from './methods/guides';
import { interviewingMethods } from './methods/interviewing';
import { privateAnsweringMethods } from './methods/private-answering';
import { reportMethods } from './methods/reports';
import { resultsMethods } from './methods/results';
import { revisionMethods } from './methods/revisions';
import { riskMethods } from './methods/risk';
import { settingsMethods } from './methods/settings';
import { syncMethods } from './methods/sync';
import { systemMethods } from './methods/system';
import { transferMethods } from './methods/transfer';
import { lazyHandlers, type HandlerGroup } from './registry';

export const handlerGroups: HandlerGroup[] = [
  lazyHandlers(clientMethods, async () => (await import('./handlers/clients')).clientHandlers),
  lazyHandlers(guideMethods, async () => (await import('./handlers/guides')).guideHandlers),
  lazyHandlers(guideTranslationMethods, async () => (await import('./handlers/guide-translations')).guideTranslationHandlers),
  lazyHandlers(assessmentMethodsContract, async () => (await import('./handlers/assessments')).assessmentHandlers),
  lazyHandlers(interviewingMethods, async () => (await import('./handlers/interviewing')).interviewingHandlers),
  lazyHandlers(resultsMethods, async () => (await import('./handlers/results')).resultsHandlers),
  lazyHandlers(riskMethods, async () => (await import('./handlers/risk')).riskHandlers),
  lazyHandlers(privateAnsweringMethods, async () => (await import('./handlers/private-answering')).privateAnsweringHandlers),
  lazyHandlers(revisionMethods, async () => (await import('./handlers/revisions')).revisionHandlers),
  lazyHandlers(settingsMethods, async () => (await import('./handlers/settings')).settingsHandlers),
  lazyHandlers(systemMethods, async () => (await import('./handlers/system')).systemHandlers),
  lazyHandlers(backupsMethods, async () => (await import('./handlers/backups')).backupsHandlers),
  lazyHandlers(encryptionMethods, async () => (await import('./handlers/encryption')).encryptionHandlers),
  lazyHandlers(transferMethods, async () => (await import('./handlers/transfer')).transferHandlers),
  lazyHandlers(reportMethods, async () => (await import('./handlers/reports')).reportHandlers),
  lazyHandlers(syncMethods, async () => (await import('./handlers/sync')).syncHandlers),
];

/** The groups whose handlers never read the guides (context.guides()): a process that only calls
 * these, like "kartlegg clients list", never loads the guide files or their schema. A group missing
 * here only costs that load; one wrongly here fails its calls with 'internal' (registry.test.ts reads
 * these handler modules to keep the list true). */
export const guideFreeGroups = ['clients', 'settings', 'system', 'backups', 'encryption'];

export function readsGuides(method: unknown): boolean {
  return typeof method !== 'string' || !guideFreeGroups.includes(method.slice(0, method.indexOf('.')));
}
